package org.saferkent.commissioning.contract.pact;

import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.performance.application.FeedMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactGate.mismatchesByConsumer;
import static org.saferkent.contracts.PactGate.withBody;
import static org.saferkent.contracts.PactGate.withHeaders;

/**
 * The gate on the feeds: the real {@code commissioning.PublishedPerformance.v1} record (commissioning.pcc-feed)
 * keeps the PCC office's pact and the real exact {@code commissioning.PerformanceSnapshot.v1} (commissioning.feed)
 * partnership's, and the office's pact is on the published record only; renaming a field the office reads, or a
 * header it relies on, fails verification; a count withheld (null, with its reason) or an added optional field or
 * header does not.
 */
class CommissioningPactGateTest {

    private static final String SNAPSHOT = "commissioning.PerformanceSnapshot.v1";
    private static final String PUBLISHED = "commissioning.PublishedPerformance.v1";
    private static final String PCC = "pcc-office";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MessageAndMetadata real;
    private static MessageAndMetadata exact;

    @BeforeAll
    static void publishOne() {
        real = FeedMessages.publishedPerformance();
        exact = FeedMessages.performanceSnapshot();
    }

    @Test
    void theRealRecordKeepsTheOfficesPact() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("commissioning", PUBLISHED, real);

        assertThat(mismatches).containsOnlyKeys(PCC);
        assertThat(mismatches.get(PCC)).isEmpty();
    }

    @Test
    void theExactSnapshotIsForThePartnershipOnly() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("commissioning", SNAPSHOT, exact);

        // the Police and Crime Panel's view; the PCC's office no longer reads exact figures
        assertThat(mismatches).containsOnlyKeys("partnership");
        assertThat(mismatches.get("partnership")).isEmpty();
    }

    @Test
    void theOfficeIsShownACountWithheldNotTheSmallCount() {
        assertThat(body(real).path("performance").path("counts").path("referralsDeclined").isNull()).isTrue();
        assertThat(body(real).path("performance").path("suppressed").path("referralsDeclined").asString()).isEqualTo("primary");
        assertThat(body(exact).path("performance").path("counts").path("referralsDeclined").asLong()).isEqualTo(2);
    }

    @Test
    void aCountWithheldKeepsThePactAndAnUnknownReasonFailsIt() {
        assertThat(mismatchesByConsumer("commissioning", PUBLISHED, withBody(real, body -> {
            ((ObjectNode) body.get("performance").get("counts")).putNull("referralsRouted");
            ((ObjectNode) body.get("performance").get("suppressed")).put("referralsRouted", "secondary");
        })).get(PCC)).isEmpty();
        assertThat(mismatchesByConsumer("commissioning", PUBLISHED, withBody(real, body ->
                ((ObjectNode) body.get("performance").get("suppressed")).put("referralsRouted", "small"))).get(PCC))
                .anySatisfy(problem -> assertThat(problem).contains("suppressed"));
        assertThat(mismatchesByConsumer("commissioning", PUBLISHED, withBody(real, body ->
                ((ObjectNode) body.get("performance").get("counts")).put("referralsRouted", "fewer than 5"))).get(PCC))
                .anySatisfy(problem -> assertThat(problem).contains("referralsRouted"));
    }

    @Test
    void renamingAFieldTheOfficeReadsFailsIt() {
        assertThat(mismatchesByConsumer("commissioning", PUBLISHED,
                withBody(real, body -> body.set("cell", body.remove("quarter")))).get(PCC))
                .anySatisfy(problem -> assertThat(problem).contains("quarter"));
        assertThat(mismatchesByConsumer("commissioning", PUBLISHED, withBody(real, body -> {
            ObjectNode counts = (ObjectNode) body.get("performance").get("counts");
            counts.set("victimsHelped", counts.remove("victimsSupported"));
        })).get(PCC)).anySatisfy(problem -> assertThat(problem).contains("victimsSupported"));
    }

    @Test
    void aStatusOutsideRedAmberGreenFails() {
        assertThat(mismatchesByConsumer("commissioning", PUBLISHED, withBody(real, body ->
                ((ObjectNode) body.get("performance").get("targets").get(0)).put("status", "GREEN"))).get(PCC))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
    }

    @Test
    void droppingTheSequenceHeaderOrRenamingTheTypeFails() {
        List<String> problems = mismatchesByConsumer("commissioning", PUBLISHED, withHeaders(real, headers -> {
            headers.remove("ce_aggregateversion");
            headers.put("ce_type", SNAPSHOT);
        })).get(PCC);

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_aggregateversion"))
                .anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_type"));
    }

    @Test
    void addingAnOptionalFieldOrHeaderKeepsThePact() {
        MessageAndMetadata added = withHeaders(withBody(real, body -> {
            body.put("publishedBy", "commissioning-2");
            ((ObjectNode) body.get("performance").get("counts")).put("referralsWithdrawn", 0);
        }), headers -> headers.put("ce_dataschema", PUBLISHED));

        assertThat(mismatchesByConsumer("commissioning", PUBLISHED, added).get(PCC)).isEmpty();
    }

    private static JsonNode body(MessageAndMetadata message) {
        return JSON.readTree(message.getMessageData());
    }
}
