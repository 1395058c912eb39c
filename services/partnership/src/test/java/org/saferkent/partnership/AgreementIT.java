package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.partnership.PartnershipApi.ANALYST;
import static org.saferkent.partnership.PartnershipApi.OFFICER;
import static org.saferkent.partnership.PartnershipApi.PANEL;
import static org.saferkent.partnership.PartnershipApi.refusedFields;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.saferkent.partnership.agreement.application.ActionDeadlines;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * The Community Safety Agreement and its action plan over real HTTP, the real broker and store. The same context as
 * PartnershipIT (same properties): no new Spring context.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class AgreementIT {

    static final String TOPIC = "partnership.agreement.events";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private ActionDeadlines actionDeadlines;

    private PartnershipApi as(String client) {
        return new PartnershipApi(port, client);
    }

    private static LocalDate today() {
        return KentDate.of(java.time.Instant.now());
    }

    @Test
    void anAgreementIsDraftedPlannedAgreedAndRefreshedIntoTheNextYearKeepingThePrevious() {
        int year = 2031;
        PartnershipApi officer = as(OFFICER);
        // given a draft with two priorities and a theme
        officer.postExpecting(201, "/api/partnership/agreements", Map.of("year", year, "priorities", List.of(
                Map.of("code", "domestic-abuse", "title", "Domestic abuse"),
                Map.of("code", "anti-social-behaviour", "title", "Anti-social behaviour")), "themes", List.of("substance-misuse")));
        // and two actions with a lead agency, a due date and the measures that show progress
        JsonNode planned = officer.postExpecting(201, "/api/partnership/agreements/" + year + "/actions", Map.of(
                "title", "More IDVA capacity for repeat victims", "priority", "domestic-abuse", "leadAgency", "kent-police",
                "dueOn", today().plusMonths(3).toString(), "measures", List.of("repeat-domestic-abuse-referrals")));
        String action = planned.path("actions").get(0).path("id").asString();
        officer.postExpecting(201, "/api/partnership/agreements/" + year + "/actions", Map.of(
                "title", "Community trigger awareness", "priority", "anti-social-behaviour", "leadAgency", "swale-bc",
                "dueOn", today().plusMonths(1).toString(), "measures", List.of("asb-case-reviews")));

        // when agreed
        JsonNode agreed = officer.postExpecting(200, "/api/partnership/agreements/" + year + "/agreement",
                Map.of("agreedOn", today().toString()));

        // then who agreed it comes from the token, and when
        assertThat(agreed.path("status").asString()).isEqualTo("agreed");
        assertThat(agreed.path("agreed").path("by").asString()).isEqualTo(OFFICER);
        assertThat(agreed.path("agreed").path("on").asString()).isEqualTo(today().toString());
        // and it cannot be agreed twice
        assertThat(officer.post("/api/partnership/agreements/" + year + "/agreement", Map.of("agreedOn", today().toString()))
                .statusCode()).isEqualTo(409);

        // when an action moves on, then it is on track
        JsonNode moved = officer.postExpecting(200, "/api/partnership/agreements/" + year + "/actions/" + action + "/status",
                Map.of("status", "on-track"));
        assertThat(moved.path("actions").get(0).path("status").asString()).isEqualTo("on-track");
        officer.postExpecting(200, "/api/partnership/agreements/" + year + "/actions/" + moved.path("actions").get(1)
                .path("id").asString() + "/status", Map.of("status", "done", "doneOn", today().toString()));

        // when refreshed for the next year
        JsonNode next = officer.postExpecting(201, "/api/partnership/agreements/" + year + "/refresh",
                Map.of("themes", List.of("substance-misuse", "mental-health")));

        // then a new draft for the next year with the same priorities and the action not done; the previous is kept
        assertThat(next.path("year").asInt()).isEqualTo(year + 1);
        assertThat(next.path("status").asString()).isEqualTo("draft");
        assertThat(next.path("refreshedFrom").asString()).isEqualTo("csa-" + year);
        assertThat(next.path("themes").valueStream().map(JsonNode::asString)).containsExactly("substance-misuse", "mental-health");
        assertThat(next.path("actions").valueStream().map(a -> a.path("id").asString())).containsExactly(action);
        JsonNode previous = as(ANALYST).getJson("/api/partnership/agreements/" + year);
        assertThat(previous.path("status").asString()).isEqualTo("agreed");
        assertThat(previous.path("themes").valueStream().map(JsonNode::asString)).containsExactly("substance-misuse");
        assertThat(as(ANALYST).getJson("/api/partnership/agreements").valueStream().map(a -> a.path("year").asInt()))
                .contains(year, year + 1);
        assertThat(officer.post("/api/partnership/agreements/" + year + "/refresh", "{}").statusCode())
                .as("the next year has its agreement already").isEqualTo(409);

        // and the events: codes and dates, neither who agreed nor an action's title, each fitting the catalogue
        ConsumerRecord<String, byte[]> agreedEvent = TopicRecords.awaitRecord(TOPIC,
                ofType("partnership.AgreementAgreed.v1").and(keyed("csa-" + year)));
        assertThat(new String(agreedEvent.value(), StandardCharsets.UTF_8)).doesNotContain(OFFICER);
        ConsumerRecord<String, byte[]> drafted = TopicRecords.awaitRecord(TOPIC,
                ofType("partnership.AgreementDrafted.v1").and(keyed("csa-" + (year + 1))));
        assertThat(PartnershipApi.JSON.readTree(drafted.value()).path("refreshedFrom").asString()).isEqualTo("csa-" + year);
        TopicRecords.awaitRecord(TOPIC, ofType("partnership.ActionStatusChanged.v1").and(keyed("csa-" + year)));
        for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(TOPIC)) {
            assertThat(EventCatalogue.violations(record)).as(record.key()).isEmpty();
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("IDVA").doesNotContain(OFFICER);
        }
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndOnlyTheWriteScopeChangesAnything() {
        int year = 2035;
        assertThat(refusedFields(as(OFFICER).post("/api/partnership/agreements", Map.of("year", 1999,
                "priorities", List.of(Map.of("code", "Domestic Abuse!", "title", "")), "themes", List.of("ok", "Not ok")))))
                .containsExactlyInAnyOrder("year", "priorities[0].code", "priorities[0].title", "themes[1]");
        as(OFFICER).postExpecting(201, "/api/partnership/agreements", Map.of("year", year,
                "priorities", List.of(Map.of("code", "violent-crime", "title", "Violent crime"))));
        assertThat(refusedFields(as(OFFICER).post("/api/partnership/agreements/" + year + "/actions", Map.of(
                "title", "x", "priority", "burglary", "leadAgency", "Mr Smith", "measures", List.of("happiness")))))
                .containsExactlyInAnyOrder("leadAgency", "dueOn", "measures[0]");
        assertThat(refusedFields(as(OFFICER).post("/api/partnership/agreements/" + year + "/actions", Map.of(
                "title", "x", "priority", "burglary", "leadAgency", "kent-police", "dueOn", today().toString()))))
                .containsExactly("priority");
        assertThat(refusedFields(as(OFFICER).post("/api/partnership/agreements/" + year + "/agreement",
                Map.of("agreedOn", today().plusDays(2).toString())))).containsExactly("agreedOn");
        assertThat(refusedFields(as(OFFICER).post("/api/partnership/agreements/" + year + "/actions/action-x/status",
                Map.of("status", "finished")))).containsExactly("status");
        assertThat(as(OFFICER).post("/api/partnership/agreements", Map.of("year", year,
                "priorities", List.of(Map.of("code", "x", "title", "X")))).statusCode()).as("one agreement a year").isEqualTo(409);
        assertThat(as(ANALYST).get("/api/partnership/agreements/2099").statusCode()).isEqualTo(404);
        assertThat(as(PANEL).post("/api/partnership/agreements/" + year + "/agreement",
                Map.of("agreedOn", today().toString())).statusCode()).isEqualTo(403);
        assertThat(as(ANALYST).getJson("/api/partnership/agreements/" + year).path("status").asString()).isEqualTo("draft");
    }

    @Test
    void anActionPastItsDueDateIsAnSlaBreachOnOpsEventsOnce() {
        int year = 2037;
        as(OFFICER).postExpecting(201, "/api/partnership/agreements", Map.of("year", year,
                "priorities", List.of(Map.of("code", "domestic-abuse", "title", "Domestic abuse"))));
        String action = as(OFFICER).postExpecting(201, "/api/partnership/agreements/" + year + "/actions", Map.of(
                "title", "Refuge bed spaces", "priority", "domestic-abuse", "leadAgency", "kent-police",
                "dueOn", today().minusDays(2).toString(), "measures", List.of())).path("actions").get(0).path("id").asString();

        // when the scan runs (the periodic one may have been first)
        actionDeadlines.recordOverdueActions();

        // then operations hear of it once, and the agreement's own topic too
        Predicate<ConsumerRecord<String, byte[]>> breach = ofType("ops.SlaBreached.v1")
                .and(record -> new String(record.value(), StandardCharsets.UTF_8).contains(action));
        JsonNode sla = PartnershipApi.JSON.readTree(TopicRecords.awaitRecord(Topics.OPS_EVENTS, breach).value());
        assertThat(sla.path("clock").asString()).isEqualTo("csa-action");
        assertThat(sla.path("subject").asString()).isEqualTo("csa-" + year + "/" + action);
        ConsumerRecord<String, byte[]> overdue = TopicRecords.awaitRecord(TOPIC, ofType("partnership.ActionOverdue.v1")
                .and(record -> new String(record.value(), StandardCharsets.UTF_8).contains(action)));
        assertThat(EventCatalogue.violations(overdue)).isEmpty();
        assertThat(as(ANALYST).getJson("/api/partnership/agreements/" + year).path("actions").get(0).path("overdue").asBoolean())
                .isTrue();
        actionDeadlines.recordOverdueActions();
        assertThat(TopicRecords.matching(Topics.OPS_EVENTS, breach)).hasSize(1);
    }

    @Test
    void theAgreementsReadsReadNoCollectionWhole() {
        as(OFFICER).postExpecting(201, "/api/partnership/agreements", Map.of("year", 2040,
                "priorities", List.of(Map.of("code", "road-safety", "title", "Road safety"))));
        StoreScans.Mark mark = StoreScans.mark("partnership");

        as(ANALYST).getJson("/api/partnership/agreements/2040");
        as(ANALYST).getJson("/api/partnership/agreements");
        actionDeadlines.recordOverdueActions();

        assertThat(StoreScans.since(mark).keySet().stream().filter(shape -> shape.startsWith("partnership.community_safety"))
                .filter(shape -> !shape.contains("pendingEvents") && !shape.contains("relayLease")))
                .as("collection scans of the agreements, by query shape").isEmpty();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals(CloudEventHeaders.TYPE, type);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }
}
