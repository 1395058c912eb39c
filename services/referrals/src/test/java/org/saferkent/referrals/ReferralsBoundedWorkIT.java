package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded work per request (issue 18, item 1): a hostile body of up to the size limit costs a request
 * thread little, because every string and list is bounded before any pattern runs and the problems
 * answered are capped. Whatever is refused leaves nothing behind: the same agency reference, posted
 * properly afterwards, is new (201, not a replay).
 */
// Same properties as ReferralApiIT, ReferralTriageIT and ReferralsSecurityIT, so all share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralsBoundedWorkIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Just under the services' 2 MB body limit. */
    private static final int NEARLY_TWO_MB = 2 * 1024 * 1024 - 4096;
    /** The most field problems one answer names. */
    private static final int MAX_PROBLEMS = 20;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    private SecuredApi api;

    @BeforeEach
    void api() {
        api = SecuredApi.at(port);
    }

    @Test
    void anEmailOfNearlyTwoMegabytesOfDotsIsRefusedForItsLengthAndNothingIsStored() throws Exception {
        String reference = "BOUND-" + UUID.randomUUID();
        Map<String, Object> body = referral(reference);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) body.get("subject"));
        subject.put("email", "a@" + ".".repeat(NEARLY_TWO_MB - 1000));
        body.put("subject", subject);

        HttpResponse<String> refused = api.asAgency("maidstone-bc").post("/api/referrals", JSON.writeValueAsString(body));

        assertThat(refused.statusCode()).as(head(refused)).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString() + " " + e.path("message").asString()))
                .containsExactly("subject.email must be at most 254 characters");
        assertThat(refused.body().length()).isLessThan(2_000);
        assertNothingStored("maidstone-bc", reference);
    }

    @Test
    void aFlagsArrayFillingTheBodyGetsOneProblemNotOnePerItem() throws Exception {
        String reference = "BOUND-" + UUID.randomUUID();
        Map<String, Object> body = referral(reference);
        body.put("flags", Collections.nCopies((NEARLY_TWO_MB - 10_000) / 6, "..."));
        String json = JSON.writeValueAsString(body);
        assertThat(json.length()).isBetween(NEARLY_TWO_MB - 100_000, NEARLY_TWO_MB);

        HttpResponse<String> refused = api.asAgency("maidstone-bc").post("/api/referrals", json);

        assertThat(refused.statusCode()).as(head(refused)).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("flags");
        assertThat(problem.path("errors").get(0).path("message").asString()).startsWith("must hold at most");
        assertThat(refused.body().length()).isLessThan(2_000);
        assertNothingStored("maidstone-bc", reference);
    }

    @Test
    void theProblemsOfOneRequestAreCappedWithANoteOfHowManyWereLeftOut() throws Exception {
        String reference = "BOUND-" + UUID.randomUUID();
        Map<String, Object> body = referral(reference);
        body.put("category", "domestic-abuse");
        body.put("dash", Map.of("checklist", "police", "answers", Collections.nCopies(27, null)));
        body.put("subject", Map.of("role", "victim", "name", "Kit Capped", "dateOfBirth", "1990-01-01",
                "vulnerabilities", Collections.nCopies(8, "not-a-vulnerability")));

        HttpResponse<String> refused = api.asAgency("maidstone-bc").post("/api/referrals", JSON.writeValueAsString(body));

        assertThat(refused.statusCode()).as(head(refused)).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").size()).isEqualTo(MAX_PROBLEMS);
        assertThat(problem.path("moreErrors").asInt()).isEqualTo(27 + 8 - MAX_PROBLEMS);
        assertThat(problem.path("detail").asString()).contains("35 invalid fields").contains("first " + MAX_PROBLEMS);
        assertNothingStored("maidstone-bc", reference);
    }

    @Test
    void aBatchOfHostileItemsIsAnsweredWithBoundedProblemsPerItemAndStoresNothing() throws Exception {
        List<String> references = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String reference = "BOUND-" + UUID.randomUUID();
            references.add(reference);
            Map<String, Object> item = referral(reference);
            item.put("flags", Collections.nCopies((NEARLY_TWO_MB - 10_000) / 5 / 6, "..."));
            items.add(item);
        }
        String json = JSON.writeValueAsString(Map.of("referrals", items));
        assertThat(json.length()).isLessThan(NEARLY_TWO_MB);

        HttpResponse<String> response = api.asAgency("maidstone-bc").post("/api/referrals/batch", json);

        assertThat(response.statusCode()).as(head(response)).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("invalid").asInt()).isEqualTo(5);
        assertThat(result.path("results").valueStream().map(r -> r.path("errors").size())).containsOnly(1);
        assertThat(response.body().length()).isLessThan(5_000);
        for (String reference : references) {
            assertNothingStored("maidstone-bc", reference);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413NamingTheBodyAndNothingIsStored() throws Exception {
        String reference = "BOUND-" + UUID.randomUUID();
        Map<String, Object> body = referral(reference);
        body.put("narrative", ".".repeat(2 * 1024 * 1024 + 10));

        HttpResponse<String> refused = api.asAgency("maidstone-bc").post("/api/referrals", JSON.writeValueAsString(body));

        assertThat(refused.statusCode()).as(head(refused)).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asString()).isEqualTo("$");
        assertNothingStored("maidstone-bc", reference);
    }

    /** Agency tonbridge-malling-bc may make 7 requests an hour here (the test properties). */
    @Test
    void aBatchWeighsAsManyRequestsAsItHoldsReferrals() throws Exception {
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(referral("WEIGHED-" + UUID.randomUUID()));
            second.add(referral("WEIGHED-" + UUID.randomUUID()));
        }
        SecuredApi agency = api.asAgency("tonbridge-malling-bc");

        HttpResponse<String> taken = agency.post("/api/referrals/batch", JSON.writeValueAsString(Map.of("referrals", first)));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(JSON.readTree(taken.body()).path("created").asInt()).isEqualTo(5);

        // 5 of 7 spent: a second batch of 5 would be 10
        HttpResponse<String> refused = agency.post("/api/referrals/batch", JSON.writeValueAsString(Map.of("referrals", second)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        for (Map<String, Object> item : second) {
            assertThat(storedWithReference((String) item.get("agencyReference"))).isZero();
        }

        // what was left is still there for a single referral
        HttpResponse<String> single = agency.post("/api/referrals", JSON.writeValueAsString(referral("WEIGHED-" + UUID.randomUUID())));
        assertThat(single.statusCode()).as(single.body()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- helpers

    private long storedWithReference(String reference) {
        return mongo.getMongoDatabaseFactory().getMongoDatabase("referrals").getCollection("referrals")
                .countDocuments(new Document("agencyReference", reference));
    }

    /** The same reference, posted properly, is new: the refused request left nothing behind. */
    private void assertNothingStored(String agency, String reference) throws Exception {
        HttpResponse<String> proper = api.asAgency(agency).post("/api/referrals", JSON.writeValueAsString(referral(reference)));
        assertThat(proper.statusCode()).as(proper.body()).isEqualTo(201);
    }

    private static Map<String, Object> referral(String reference) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agencyReference", reference);
        fields.put("district", "maidstone");
        fields.put("category", "violent-crime");
        fields.put("pathway", "victim-support");
        fields.put("subject", Map.of("role", "victim", "name", "Bo Unded", "dateOfBirth", "1990-01-01", "postcode", "ME14 1AA"));
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 1"));
        return fields;
    }

    private static String head(HttpResponse<String> response) {
        return response.body().length() > 500 ? response.body().substring(0, 500) + "... (" + response.body().length() + " chars)"
                : response.body();
    }
}
