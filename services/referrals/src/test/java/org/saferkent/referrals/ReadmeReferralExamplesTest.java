package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's curl examples for posting a referral, checked against the committed OpenAPI document
 * (contracts/openapi/referrals.json): the example an integrator copies is a valid request and is the document's own
 * example; the "bad input" one is refused by the schema for the fields the README says.
 */
class ReadmeReferralExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern POSTED = Pattern.compile(
            "curl [^\\n]*-X POST http://127\\.0\\.0\\.1:8081/api/referrals (?:[^\\n]*\\\\\\n)*?[^\\n]*-d '([^']*)'");

    private final JsonNode document = ApiDocuments.committed("referrals");

    @Test
    void theReadmesReferralIsValidAndIsTheDocumentsExample() throws IOException {
        List<JsonNode> bodies = readmeReferralBodies();
        assertThat(bodies).as("referral bodies posted in the README").hasSize(2);

        JsonNode example = bodies.get(0);
        assertThat(ApiDocuments.validate(document, "ReferralRequest", example)).isEmpty();
        JsonNode documented = document.path("paths").path("/api/referrals").path("post").path("requestBody")
                .path("content").path("application/json").path("example");
        assertThat(documented).isEqualTo(example);
    }

    @Test
    void theReadmesBadInputIsRefusedByTheSchemaForTheFieldsItNames() throws IOException {
        JsonNode bad = readmeReferralBodies().get(1);

        assertThat(String.join("\n", ApiDocuments.validate(document, "ReferralRequest", bad)))
                .contains("district", "subject", "consent");
    }

    private static List<JsonNode> readmeReferralBodies() throws IOException {
        Path readme = ApiDocuments.file("referrals").getParent().getParent().getParent().resolve("README.md");
        Matcher matcher = POSTED.matcher(Files.readString(readme));
        List<JsonNode> bodies = new ArrayList<>();
        while (matcher.find()) {
            bodies.add(JSON.readTree(matcher.group(1)));
        }
        return bodies;
    }
}
