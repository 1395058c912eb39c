package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what in referrals, through real HTTP with real tokens from the identity server: each
 * allow and each deny. Agencies post as themselves and read their own referrals only; only the victims
 * service gets personal details (the claim check), and every read and every refusal is audited.
 */
// Same properties as ReferralApiIT and ReferralTriageIT, so all three share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralsSecurityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    private int port;

    private SecuredApi api;

    @BeforeEach
    void api() {
        api = SecuredApi.at(port);
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void withoutATokenNothingButHealthAnswers() {
        assertUnauthorized(api.anonymous().get("/api/referrals"));
        assertUnauthorized(api.anonymous().post("/api/referrals", referral(null, "Anon Ymous")));
        assertUnauthorized(api.anonymous().get("/api/referrals/" + UUID.randomUUID() + "/subject"));
        assertUnauthorized(api.anonymous().get("/actuator/prometheus"));
        assertUnauthorized(api.anonymous().get("/actuator/metrics"));

        assertThat(api.anonymous().get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/liveness").statusCode()).isIn(200, 404);
    }

    @Test
    void aForgedOrMalformedTokenIsRefused() {
        String header = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZ2VuY3kta2VudC1wb2xpY2UiLCJzY29wZSI6InJlZmVycmFscy53cml0ZSJ9.";
        assertUnauthorized(api.withAuthorization("Bearer " + header).get("/api/referrals"));
        assertUnauthorized(api.withAuthorization("Bearer not-a-token").get("/api/referrals"));
        assertUnauthorized(api.withAuthorization("Basic YWdlbmN5LWtlbnQtcG9saWNlOmFnZW5jeS1rZW50LXBvbGljZS1sb2NhbC1zZWNyZXQ=")
                .get("/api/referrals"));
    }

    // ---------------------------------------------------------------- scopes

    @Test
    void clientsWithoutReferralScopesAreForbidden() {
        // tokens meant for referrals (among other services), without its referral scopes
        for (String client : List.of("ops", "auditor", "dpo", "victims-caseworker", "marac-coordinator")) {
            assertForbidden(api.as(client).post("/api/referrals", referral(null, "Scope Less")), client);
            assertForbidden(api.as(client).get("/api/referrals"), client);
        }
        // the victims service may fetch details, nothing else
        assertForbidden(api.as("svc-victims").post("/api/referrals", referral(null, "Svc Victims")), "svc-victims");
        assertForbidden(api.as("svc-victims").get("/api/referrals"), "svc-victims");
    }

    @Test
    void aTokenMeantForOtherServicesOnlyIsRefusedAsNotForThisService() {
        // real signed tokens of the identity server, valid in every other respect: their aud names other services
        for (String client : List.of("pcc-office", "rj-practitioner", "partnership-officer")) {
            assertThat(audience(Tokens.forClient(client))).as(client).isNotEmpty().doesNotContain("referrals");
            for (HttpResponse<String> refused : List.of(api.as(client).get("/api/referrals"),
                    api.as(client).post("/api/referrals", referral(null, "Aud Other")),
                    // a path that asks for nothing but a valid token
                    api.as(client).get("/api/no-such-resource"))) {
                assertUnauthorized(refused);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            }
        }
        // a token meant for referrals gets past the door to the same path
        assertThat(api.as("ops").get("/api/no-such-resource").statusCode()).isEqualTo(404);
    }

    private static List<String> audience(String jwt) {
        JsonNode aud = JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).path("aud");
        return aud.isString() ? List.of(aud.asString()) : aud.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void operationsReadTheMetricsAndAgenciesDoNot() {
        assertThat(api.as("ops").get("/actuator/metrics").statusCode()).isEqualTo(200);
        assertForbidden(api.asAgency("kent-police").get("/actuator/metrics"), "agency");
        assertForbidden(api.asAgency("kent-police").get("/actuator/prometheus"), "agency");
    }

    // ---------------------------------------------------------------- the agency comes from the token

    @Test
    void anAgencySubmitsAsItselfWhateverTheBodyLeavesOut() throws Exception {
        HttpResponse<String> created = api.asAgency("kcc-education").post("/api/referrals", referral(null, "Ada Lovell"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("agency").asString()).isEqualTo("kcc-education");
    }

    @Test
    void aBodyNamingAnotherAgencyIsRefusedAndNothingIsStored() throws Exception {
        String reference = "SEC-" + UUID.randomUUID();
        HttpResponse<String> refused = api.asAgency("kcc-education")
                .post("/api/referrals", referral("kent-police", "Bea Impostor", reference));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).containsExactly("agency");
        // as Kent Police, the same reference is new: the impostor's attempt left nothing behind
        assertThat(api.asAgency("kent-police").post("/api/referrals", referral("kent-police", "Bea Impostor", reference))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void anotherAgencysItemInABatchIsRefusedAndTheRestAreTaken() throws Exception {
        String batch = "{\"referrals\":[" + referral(null, "Cy Batch") + "," + referral("kent-police", "Di Batch") + "]}";

        HttpResponse<String> response = api.asAgency("swale-bc").post("/api/referrals/batch", batch);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("created").asInt()).isEqualTo(1);
        assertThat(result.path("invalid").asInt()).isEqualTo(1);
        assertThat(result.path("results").get(1).path("errors").get(0).path("field").asString()).isEqualTo("referrals[1].agency");
    }

    @Test
    void anAgencyReadsItsOwnReferralsAndNoOneElses() throws Exception {
        String id = created("kent-police", "Eve Private");
        String own = created("dover-dc", "Ian Dover");

        assertThat(api.asAgency("kent-police").get("/api/referrals/" + id).statusCode()).isEqualTo(200);
        assertThat(api.asAgency("kent-police").get("/api/referrals/" + id + "/timeline").statusCode()).isEqualTo(200);

        // another agency: as if it did not exist
        HttpResponse<String> other = api.asAgency("dover-dc").get("/api/referrals/" + id);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("kent-police").doesNotContain(id.substring(0, 8) + "x");
        assertThat(api.asAgency("dover-dc").get("/api/referrals/" + id + "/timeline").statusCode()).isEqualTo(404);
        // its list holds only its own, and it cannot ask for another agency's
        JsonNode list = JSON.readTree(api.asAgency("dover-dc").get("/api/referrals?size=200").body());
        assertThat(list.path("items").valueStream().map(item -> item.path("agency").asString())).containsOnly("dover-dc");
        assertThat(list.path("items").valueStream().map(item -> item.path("id").asString())).contains(own).doesNotContain(id);
        assertThat(api.asAgency("dover-dc").get("/api/referrals?agency=kent-police").statusCode()).isEqualTo(422);
    }

    // ---------------------------------------------------------------- personal data: the claim check

    @Test
    void onlyTheVictimsServiceFetchesPersonalDetails() throws Exception {
        String id = created("kent-police", "Fay Subject");
        String path = "/api/referrals/" + id + "/subject";

        for (String client : List.of("victims-caseworker", "marac-coordinator", "ops", "auditor", "dpo")) {
            HttpResponse<String> refused = api.as(client).get(path);
            assertForbidden(refused, client);
            assertThat(refused.body()).doesNotContain("Fay Subject");
        }
        HttpResponse<String> ownAgency = api.asAgency("kent-police").get(path);
        assertForbidden(ownAgency, "the referring agency");
        assertThat(ownAgency.body()).doesNotContain("Fay Subject");

        HttpResponse<String> claimed = api.as("svc-victims").forPurpose("claim-check").get(path);
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(claimed.body()).path("name").asString()).isEqualTo("Fay Subject");
    }

    @Test
    void theClaimCheckServesOnlyAVictimWhoseReferralWasRoutedToVictimServices() throws Exception {
        // an adult offender: routed to restorative justice, not to victim services
        String offender = createdAs("kent-police", "Hal Offender", "offender", "restorative-justice");
        // an offender the agency asked victim support for: routed there, but not a victim
        String askedFor = createdAs("kent-police", "Ivo Asked", "offender", "victim-support");

        for (String id : List.of(offender, askedFor)) {
            HttpResponse<String> refused = api.as("svc-victims").forPurpose("claim-check").get("/api/referrals/" + id + "/subject");
            assertForbidden(refused, "svc-victims for " + id);
            assertThat(refused.body()).doesNotContain("Hal Offender").doesNotContain("Ivo Asked");
        }
        JsonNode denials = JSON.readTree(api.as("auditor").get("/api/audit?outcome=denied&clientId=svc-victims").body());
        assertThat(denials.valueStream().map(e -> e.path("resource").asString()))
                .contains("GET /api/referrals/" + offender + "/subject", "GET /api/referrals/" + askedFor + "/subject");
        JsonNode reads = JSON.readTree(api.as("auditor").get("/api/audit?recordId=" + offender).body());
        assertThat(reads.valueStream().map(e -> e.path("outcome").asString())).doesNotContain("allowed");

        // the victim of the same referral pattern is served
        String victim = createdAs("kent-police", "Jo Victim", "victim", "victim-support");
        assertThat(api.as("svc-victims").get("/api/referrals/" + victim + "/subject").statusCode()).isEqualTo(200);
    }

    @Test
    void everyClaimCheckAndEveryRefusalIsInTheAuditTrailForTheAuditor() throws Exception {
        String id = created("kent-police", "Gil Audited");
        String path = "/api/referrals/" + id + "/subject";
        assertThat(api.as("svc-victims").get(path).statusCode()).isEqualTo(200);
        assertForbidden(api.as("marac-coordinator").get(path), "marac-coordinator");

        HttpResponse<String> trail = api.as("auditor").get("/api/audit?recordId=" + id);
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        JsonNode reads = JSON.readTree(trail.body());
        assertThat(reads.valueStream().map(e -> e.path("clientId").asString() + " " + e.path("action").asString() + " "
                + e.path("resource").asString() + " " + e.path("purpose").asString() + " " + e.path("outcome").asString()))
                .containsExactly("svc-victims read-personal-data referral-subject claim-check allowed");
        assertThat(reads.get(0).path("at").asString()).isNotBlank();

        JsonNode denials = JSON.readTree(api.as("auditor").get("/api/audit?outcome=denied&clientId=marac-coordinator").body());
        assertThat(denials.valueStream().map(e -> e.path("resource").asString() + " " + e.path("reason").asString()))
                .contains("GET " + path + " forbidden");
        assertThat(trail.body()).doesNotContain("Gil Audited");

        // the trail is the auditor's alone
        for (String client : List.of("svc-victims", "ops", "dpo")) {
            assertForbidden(api.as(client).get("/api/audit"), client);
        }
        assertForbidden(api.asAgency("kent-police").get("/api/audit"), "agency");
        assertUnauthorized(api.anonymous().get("/api/audit"));
    }

    @Test
    void theTrailIsOneUnbrokenHashChainThatOperationsCanVerify() throws Exception {
        String id = created("kent-police", "Kim Chained");
        assertThat(api.as("svc-victims").get("/api/referrals/" + id + "/subject").statusCode()).isEqualTo(200);
        assertForbidden(api.as("marac-coordinator").get("/api/referrals/" + id + "/subject"), "marac-coordinator");

        JsonNode entry = JSON.readTree(api.as("auditor").get("/api/audit?recordId=" + id).body()).get(0);
        assertThat(entry.path("chain").asString()).isEqualTo("referrals");
        assertThat(entry.path("hash").asString()).hasSize(64);

        HttpResponse<String> verified = api.as("ops").get("/actuator/auditchain");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(verified.body());
        assertThat(report.path("intact").asBoolean()).as(verified.body()).isTrue();
        JsonNode chain = report.path("chains").valueStream().filter(c -> c.path("chain").asString().equals("referrals"))
                .findFirst().orElseThrow();
        assertThat(chain.path("headSeq").asLong()).isGreaterThanOrEqualTo(entry.path("seq").asLong());
        assertThat(verified.body()).doesNotContain(id);

        assertForbidden(api.as("auditor").get("/actuator/auditchain"), "auditor");
        assertUnauthorized(api.anonymous().get("/actuator/auditchain"));
    }

    @Test
    void erasingSubjectsIsForTheDataProtectionOfficerAlone() {
        assertForbidden(api.asAgency("kent-police").post("/api/data-protection/erasures", "{}"), "agency");
        assertForbidden(api.as("auditor").get("/api/data-protection/erasures"), "auditor");
        // the DPO passes the door (what lies behind it is the data protection feature's)
        assertThat(api.as("dpo").get("/api/data-protection/erasures").statusCode()).isNotIn(401, 403);
    }

    // ---------------------------------------------------------------- hardening

    @Test
    void anUnauthenticatedFloodOfLongPathsLeavesABoundedTrail() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String marker = "flood-" + UUID.randomUUID();
        String path = "/api/referrals/" + marker + "/" + "a".repeat(7_000);
        for (int i = 0; i < 30; i++) {
            assertUnauthorized(api.anonymous().get(path));
        }

        HttpResponse<String> trail = api.as("auditor").get("/api/audit?outcome=denied&action=request&limit=1000&from=" + from);
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        List<String> resources = JSON.readTree(trail.body()).valueStream().map(e -> e.path("resource").asString()).toList();
        // a few recorded one by one (fewer if this address has been refused already this minute), the rest counted
        assertThat(resources.stream().filter(resource -> resource.contains(marker))).hasSizeLessThanOrEqualTo(5);
        assertThat(resources).allSatisfy(resource -> assertThat(resource.length()).isLessThanOrEqualTo(300));
    }

    @Test
    void aBodyNestedDeeperThanAnyResourceNeedsIsRefusedBeforeItIsProcessed() throws Exception {
        String deep = "{\"narrative\":" + "[".repeat(100) + "]".repeat(100) + "}";

        HttpResponse<String> response = api.asAgency("kent-police").post("/api/referrals", deep);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblemWithoutInternals(response);
        assertThat(response.body()).doesNotContain("StreamConstraints").doesNotContain("jackson");
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIsRefusedWithUnsupportedMediaType() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
            HttpResponse<String> response = api.asAgency("kent-police").post("/api/referrals/batch", type, "{\"referrals\":[]}");
            assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(415);
            assertProblemWithoutInternals(response);
        }
    }

    @Test
    void anUnexpectedFailureSaysNothingOfTheInternals() {
        HttpResponse<String> response = api.asAgency("kent-police").get("/api/referrals?from=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblemWithoutInternals(response);
        assertThat(response.body()).doesNotContain("Instant").doesNotContain("yesterday");
    }

    // ---------------------------------------------------------------- helpers

    private String created(String agency, String name) throws Exception {
        HttpResponse<String> response = api.asAgency(agency).post("/api/referrals", referral(null, name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private String createdAs(String agency, String name, String role, String pathway) throws Exception {
        Map<String, Object> fields = JSON.readValue(referral(null, name), Map.class);
        fields.put("pathway", pathway);
        fields.put("subject", Map.of("role", role, "name", name, "dateOfBirth", "1990-01-01", "postcode", "ME10 1AA"));
        HttpResponse<String> response = api.asAgency(agency).post("/api/referrals", JSON.writeValueAsString(fields));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static String referral(String agency, String name) {
        return referral(agency, name, "SEC-" + UUID.randomUUID());
    }

    private static String referral(String agency, String name, String reference) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (agency != null) {
            fields.put("agency", agency);
        }
        fields.put("agencyReference", reference);
        fields.put("district", "swale");
        fields.put("category", "violent-crime");
        fields.put("pathway", "victim-support");
        fields.put("subject", Map.of("role", "victim", "name", name, "dateOfBirth", "1990-01-01", "postcode", "ME10 1AA"));
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 1"));
        return JSON.writeValueAsString(fields);
    }

    static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblemWithoutInternals(response);
    }

    static void assertForbidden(HttpResponse<String> response, String who) {
        assertThat(response.statusCode()).as(who + ": " + response.body()).isEqualTo(403);
        assertProblemWithoutInternals(response);
    }

    static void assertProblemWithoutInternals(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("at ");
    }
}
