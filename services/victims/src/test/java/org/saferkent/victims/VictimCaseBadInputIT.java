package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on any endpoint is answered with an RFC 9457 problem naming each offending field, and
 * changes nothing: the case keeps its version and no event is published.
 */
class VictimCaseBadInputIT extends VictimsIntegrationTest {

    private static String caseId;

    @BeforeEach
    void aCaseToWorkOn() {
        if (caseId == null) {
            caseId = openCase(Map.of());
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("/contacts", "{}", 422, "channel", "outcome"),
                bad("/contacts", """
                        {"attemptedAt":"yesterday","channel":"pigeon","outcome":"made"}""", 422, "attemptedAt", "channel"),
                bad("/contacts", """
                        {"attemptedAt":"2099-01-01T00:00:00Z","channel":"phone","outcome":"made"}""", 422, "attemptedAt"),
                bad("/contacts", """
                        {"channel":"phone","outcome":"reached"}""", 422, "outcome"),
                bad("/contacts", null, 422, "$"),
                bad("/contacts", "{\"channel\":", 400),
                bad("/contacts", """
                        {"channel":["phone"],"outcome":"made"}""", 400),
                bad("/needs-assessments", "{}", 422, "needs"),
                bad("/needs-assessments", """
                        {"needs":{"drugs-alcohol":"extreme","gambling":"high"}}""", 422,
                        "needs.drugs-alcohol", "needs.gambling", "needs.mental-physical-health", "needs.shelter-accommodation",
                        "needs.family-friends-children", "needs.education-skills-employment", "needs.finance-benefits",
                        "needs.outlook-attitudes", "needs.social-interaction"),
                bad("/support-plan", """
                        {"actions":[],"reviewOn":"someday"}""", 422, "actions", "reviewOn"),
                bad("/support-plan", """
                        {"actions":["weekly call"," "]}""", 422, "actions[1]", "reviewOn"),
                bad("/support-plan", """
                        {"actions":["weekly call"],"reviewOn":"2020-01-01"}""", 422, "reviewOn"),
                bad("/provider-referrals", "{}", 422, "provider", "service"),
                bad("/provider-referrals", """
                        {"provider":"%s","service":" "}""".formatted("p".repeat(201)), 422, "provider", "service"),
                bad("/outcomes", """
                        {"needs":{"drugs-alcohol":"better"}}""", 422, "needs.drugs-alcohol", "copeAndRecover"),
                bad("/outcomes", """
                        {"needs":{},"copeAndRecover":true}""", 422, "needs"),
                bad("/closure", "{}", 422, "reason"),
                bad("/closure", """
                        {"reason":"bored"}""", 422, "reason"),
                bad("/closure", """
                        {"reason":"completed"}""", 422, "reason"),
                bad("/rj-information-offered", "{", 400),
                bad("/restorative-justice-opt-in", "[1,2]", 400));
    }

    @ParameterizedTest(name = "POST {0} {1} -> {2}")
    @MethodSource("badRequests")
    void badInputIsAnsweredWithAProblemNamingEachFieldAndChangesNothing(String endpoint, String body, int status,
            List<String> fields) throws Exception {
        long version = readCase(caseId).path("version").asLong();
        int events = caseEvents(caseId).size();

        HttpResponse<String> response = post("/api/victim-cases/" + caseId + endpoint, body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        if (!fields.isEmpty()) {
            assertThat(errorFields(response)).containsExactlyInAnyOrderElementsOf(fields);
        }
        assertThat(response.body()).doesNotContain("pigeon", "yesterday", "someday", "bored", "ppppp");
        assertThat(readCase(caseId).path("version").asLong()).isEqualTo(version);
        assertThat(caseEvents(caseId)).hasSize(events);
    }

    @Test
    void badFiltersOnTheCaseListAreEachNamed() throws Exception {
        HttpResponse<String> response = get("/api/victim-cases?status=maybe&district=medway&enhanced=yes&dueBefore=soon&page=-1&size=0"
                + "&sort=soonest");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(errorFields(response)).containsExactly("status", "district", "enhanced", "dueBefore", "page", "size", "sort");

        // the caseworker's queue lists open cases only
        HttpResponse<String> closedQueue = get("/api/victim-cases?status=closed&sort=nextDeadline");
        assertThat(closedQueue.statusCode()).isEqualTo(422);
        assertThat(errorFields(closedQueue)).containsExactly("sort");
    }

    private static Arguments bad(String endpoint, String body, int status, String... fields) {
        return Arguments.of(endpoint, body, status, List.of(fields));
    }
}
