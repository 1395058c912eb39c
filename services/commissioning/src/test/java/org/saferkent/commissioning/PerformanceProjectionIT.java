package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.accepted;
import static org.saferkent.commissioning.PartnershipEvents.acceptedInInbox;
import static org.saferkent.commissioning.PartnershipEvents.closed;
import static org.saferkent.commissioning.PartnershipEvents.deadlineMissed;
import static org.saferkent.commissioning.PartnershipEvents.declined;
import static org.saferkent.commissioning.PartnershipEvents.firstTimeEntrant;
import static org.saferkent.commissioning.PartnershipEvents.linked;
import static org.saferkent.commissioning.PartnershipEvents.needsAssessed;
import static org.saferkent.commissioning.PartnershipEvents.supportPlanAgreed;
import static org.saferkent.commissioning.PartnershipEvents.victimCaseClosed;
import static org.saferkent.commissioning.PartnershipEvents.outcomeRecorded;
import static org.saferkent.commissioning.PartnershipEvents.rjCaseClosed;
import static org.saferkent.commissioning.PartnershipEvents.rjCaseOpened;
import static org.saferkent.commissioning.PartnershipEvents.rjOutcomeRecorded;
import static org.saferkent.commissioning.PartnershipEvents.routed;
import static org.saferkent.commissioning.PartnershipEvents.victimCaseOpened;
import static org.saferkent.commissioning.PartnershipEvents.victimContacted;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.PartnershipEvents.Event;

import tools.jackson.databind.JsonNode;

/**
 * Events from referrals, victims and restorative justice move the right numbers of the right
 * contract, district and quarter; a redelivered event moves nothing. Works in 2031.
 */
class PerformanceProjectionIT extends CommissioningIntegrationTest {

    private static final String Q3 = "2031-Q3";
    private static String contractId;

    @BeforeEach
    void aContractCoveringVictimsRestorativeJusticeAndYouthInMaidstoneAndSwale() throws Exception {
        if (contractId == null) {
            contractId = register(contract("Victim Support", List.of("victim-support", "domestic-abuse", "restorative-justice",
                    "youth-prevention"), List.of("maidstone", "swale"), "2031-01-01", "2031-12-31", "365000.00", """
                    [{"measure":"cope-and-recover-share","target":0.5,"amberWithin":0.1},
                     {"measure":"contacted-within-deadline-share","target":0.9,"amberWithin":0.05},
                     {"measure":"rj-satisfaction-share","target":0.85,"amberWithin":0.05},
                     {"measure":"cost-per-victim-supported","target":50000,"amberWithin":0}]"""));
        }
    }

    @Test
    void eventsFromAllThreeServicesMoveTheRightNumbers() {
        String r1 = newId();
        String r2 = newId();
        String vc1 = "vc-" + r1;
        String vc2 = "vc-" + r2;
        String rj1 = "rj-" + r1;
        String rjYos = "rj-" + newId();
        List<Event> events = List.of(
                routed(r1, "maidstone", "victim-support", at("2031-07-01")),
                routed(r1, "maidstone", "restorative-justice", at("2031-07-01")),
                accepted(r1, "maidstone", "victim-support", at("2031-07-02")),
                routed(r2, "maidstone", "domestic-abuse", at("2031-07-03")),
                declined(r2, "maidstone", "domestic-abuse", at("2031-07-04")),
                routed(newId(), "maidstone", "asb-case", at("2031-07-05")),        // a pathway the contract does not cover
                routed(newId(), "dover", "victim-support", at("2031-07-05")),      // a district it does not cover
                routed(newId(), "maidstone", "victim-support", at("2030-07-05")),  // before its period
                linked(newId(), r1, "maidstone", at("2031-07-06")),                // a duplicate of r1: not a referral of its own
                victimCaseOpened(vc1, r1, "maidstone", "victim-support", at("2031-07-02"), at("2031-07-09")),
                victimContacted(vc1, r1, "maidstone", at("2031-07-03"), true),
                needsAssessed(vc1, r1, "maidstone", at("2031-07-05")),               // contact made, needs assessed: supported
                outcomeRecorded(vc1, r1, "maidstone", "victim-support", Map.of("drugs-alcohol", "improved",
                        "finance-benefits", "not-improved"), true, at("2031-07-20")),
                victimCaseOpened(vc2, r2, "maidstone", "domestic-abuse", at("2031-07-04"), at("2031-07-05")),
                deadlineMissed(vc2, r2, "maidstone", "first-contact", at("2031-07-05")),
                outcomeRecorded(vc2, r2, "maidstone", "domestic-abuse", Map.of("outlook-attitudes", "not-improved"), false, at("2031-08-01")),
                outcomeRecorded(vc2, r2, "maidstone", "domestic-abuse", Map.of("outlook-attitudes", "improved"), true, at("2031-08-15")),
                supportPlanAgreed(vc2, r2, "maidstone", at("2031-08-16")),           // a plan, but no contact made: not supported
                victimCaseClosed(vc2, r2, "maidstone", "domestic-abuse", "unable-to-contact", at("2031-08-20")),
                rjCaseOpened(rj1, r1, "maidstone", at("2031-07-02")),
                rjOutcomeRecorded(rj1, r1, "maidstone", 5, true, at("2031-08-01")),
                rjCaseClosed(rj1, r1, "maidstone", "completed", at("2031-08-01")),
                rjCaseOpened(rjYos, null, "maidstone", at("2031-07-10")),
                rjOutcomeRecorded(rjYos, null, "maidstone", 2, false, at("2031-08-02")),
                rjCaseClosed(rjYos, null, "maidstone", "failed", at("2031-08-02")),
                firstTimeEntrant(newId(), "maidstone", LocalDate.parse("2031-07-15"), 15, null),
                firstTimeEntrant(newId(), "maidstone", LocalDate.parse("2030-07-15"), 14, null));
        events.forEach(CommissioningIntegrationTest::publish);

        JsonNode cell = awaitCell(contractId, "maidstone", Q3, count("rjCasesClosed", 2).and(count("outcomesRecorded", 2))
                .and(count("copedAndRecovered", 2)).and(count("duplicatesLinked", 1)).and(count("firstTimeEntrants", 1))
                .and(count("referralsDeclined", 1)).and(count("deadlinesMissed", 1)).and(count("rjSatisfactionResponses", 2))
                // events with different keys land on different partitions: wait for every fact asserted below
                .and(count("referralsRouted", 2)).and(count("referralsAccepted", 1)).and(count("victimsSupported", 1))
                .and(count("victimCasesOpened", 2)).and(count("victimCasesUnableToContact", 1))
                .and(count("firstContactsDue", 2)).and(count("contactedWithinDeadline", 1)).and(count("needsWithOutcome", 3))
                .and(count("needsMet", 2)).and(count("rjCasesOpened", 2)).and(count("rjCasesCompleted", 1))
                .and(count("rjVictimsSatisfied", 1)).and(count("rjWouldRecommend", 1))
                .and(count("firstTimeEntrantsYearBefore", 1)));

        JsonNode counts = cell.path("performance").path("counts");
        assertThat(counts.path("referralsRouted").asLong()).as("r1 (on two covered pathways) and r2").isEqualTo(2);
        assertThat(counts.path("referralsAccepted").asLong()).isEqualTo(1);
        assertThat(counts.path("victimsSupported").asLong()).as("vc1: contact made and needs assessed").isEqualTo(1);
        assertThat(counts.path("victimCasesOpened").asLong()).isEqualTo(2);
        assertThat(counts.path("victimCasesDeclined").asLong()).isZero();
        assertThat(counts.path("victimCasesUnableToContact").asLong()).as("vc2").isEqualTo(1);
        assertThat(counts.path("firstContactsDue").asLong()).isEqualTo(2);
        assertThat(counts.path("contactedWithinDeadline").asLong()).isEqualTo(1);
        assertThat(counts.path("needsWithOutcome").asLong()).as("latest outcomes: 2 needs on vc1, 1 on vc2").isEqualTo(3);
        assertThat(counts.path("needsMet").asLong()).isEqualTo(2);
        assertThat(counts.path("rjCasesOpened").asLong()).isEqualTo(2);
        assertThat(counts.path("rjCasesCompleted").asLong()).isEqualTo(1);
        assertThat(counts.path("rjVictimsSatisfied").asLong()).isEqualTo(1);
        assertThat(counts.path("rjWouldRecommend").asLong()).isEqualTo(1);
        assertThat(counts.path("firstTimeEntrantsYearBefore").asLong()).isEqualTo(1);
        assertThat(counts.path("valueProRatedPence").asLong()).as("£365,000 over 365 days, 92 of them, half of it Maidstone's").isEqualTo(4_600_000);
        JsonNode measures = cell.path("performance").path("measures");
        assertThat(measures.path("contactedWithinDeadlineShare").asDouble()).isEqualTo(0.5);
        assertThat(measures.path("copeAndRecoverShare").asDouble()).isEqualTo(1.0);
        assertThat(measures.path("rjCompletionShare").asDouble()).isEqualTo(0.5);
        assertThat(measures.path("rjSatisfactionShare").asDouble()).isEqualTo(0.5);
        assertThat(measures.path("fteReduction").asDouble()).isEqualTo(0.0);
        assertThat(measures.path("costPerVictimSupported").asDouble()).as("Maidstone's £46,000 over the one victim supported")
                .isEqualTo(46_000.0);
        assertThat(cell.path("performance").path("targets").valueStream().map(t -> t.path("measure").asString() + ":" + t.path("status").asString()))
                .containsExactly("cope-and-recover-share:green", "contacted-within-deadline-share:red",
                        "rj-satisfaction-share:red", "cost-per-victim-supported:green");
        assertThat(cell.path("performance").path("financialYearQuarter").asString()).isEqualTo("2031/32-Q2");
    }

    /**
     * Issue 17: a partner team's answers in its inbox reach commissioning as a case service's do. Youth prevention in
     * Maidstone: routed twice, one accepted (its case opened) and later closed with its outcome, one declined.
     */
    @Test
    void aPartnerTeamsAnswersCountForItsPathwayAsACaseServicesDo() throws Exception {
        long[] before = youthPreventionInMaidstone();
        String accepted = newId();
        String declined = newId();
        List.of(routed(accepted, "maidstone", "youth-prevention", at("2031-02-02")),
                routed(declined, "maidstone", "youth-prevention", at("2031-02-02")),
                acceptedInInbox(accepted, "maidstone", "youth-prevention", at("2031-02-03")),
                declined(declined, "maidstone", "youth-prevention", at("2031-02-03")),
                closed(accepted, "maidstone", "youth-prevention", "completed", at("2031-03-20")))
                .forEach(CommissioningIntegrationTest::publish);

        JsonNode cell = awaitCell(contractId, "maidstone", "2031-Q1", count("referralsRouted", 2)
                .and(count("referralsAccepted", 1)).and(count("referralsDeclined", 1)));
        assertThat(cell.path("performance").path("counts").path("referralsRouted").asLong()).isEqualTo(2);
        long[] after = new long[3];
        Awaitility.await("the case opened and closed counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long[] now = youthPreventionInMaidstone();
                    System.arraycopy(now, 0, after, 0, 3);
                    return now[0] - before[0] >= 2 && now[1] - before[1] >= 1 && now[2] - before[2] >= 1;
                });
        assertThat(after[0] - before[0]).as("routed").isEqualTo(2);
        assertThat(after[1] - before[1]).as("cases opened: the acceptance, not the decline").isEqualTo(1);
        assertThat(after[2] - before[2]).as("cases closed").isEqualTo(1);
        Document fact = mongo.getCollection(currentCollection("pathway_activity")).find(new Document("_id", accepted + ":youth-prevention")).first();
        assertThat(fact.getString("closeOutcome")).isEqualTo("completed");
    }

    /** Routed, cases opened and cases closed for youth prevention in Maidstone, as {@code /api/commissioning/counts} says. */
    private long[] youthPreventionInMaidstone() throws Exception {
        var response = get("/api/commissioning/counts?district=maidstone");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(response.body())) {
            if ("youth-prevention".equals(row.path("pathway").asString())) {
                return new long[] {row.path("referralsRouted").asLong(), row.path("casesOpened").asLong(),
                        row.path("casesClosed").asLong()};
            }
        }
        return new long[3];
    }

    @Test
    void aRedeliveredEventMovesNothing() throws Exception {
        String referralId = newId();
        Event routedToVictims = routed(referralId, "swale", "victim-support", at("2031-07-01"));
        publish(routedToVictims);
        JsonNode before = awaitCell(contractId, "swale", Q3, count("referralsRouted", 1));

        publish(routedToVictims); // the same ce_id again, as Kafka redelivers after a rebalance
        // then an event of the same referral (same partition, so handled after the redelivery) that changes another quarter
        publish(accepted(referralId, "swale", "victim-support", at("2031-10-01")));
        awaitCell(contractId, "swale", "2031-Q4", count("referralsAccepted", 1));

        JsonNode after = cell(contractId, "swale", Q3).orElseThrow();
        assertThat(after.path("performance")).isEqualTo(before.path("performance"));
        assertThat(after.path("sequence").asLong()).as("not even a new feed entry").isEqualTo(before.path("sequence").asLong());
        Document fact = mongo.getCollection(currentCollection("pathway_activity")).find(new Document("_id", referralId + ":victim-support")).first();
        assertThat(fact.getList("appliedEvents", String.class)).containsOnlyOnce(routedToVictims.id());
    }

    @Test
    void aRedeliveredOutcomeIsStillOneOutcome() {
        String referralId = newId();
        String caseId = "vc-" + referralId;
        Event outcome = outcomeRecorded(caseId, referralId, "swale", "victim-support", Map.of("drugs-alcohol", "improved"), true,
                at("2031-09-01"));
        publish(victimCaseOpened(caseId, referralId, "swale", "victim-support", at("2031-08-01"), at("2031-08-08")));
        publish(outcome);
        publish(outcome);
        publish(victimContacted(caseId, referralId, "swale", at("2031-08-02"), true));

        JsonNode cell = awaitCell(contractId, "swale", Q3, count("contactedWithinDeadline", 1));

        assertThat(cell.path("performance").path("counts").path("outcomesRecorded").asLong()).isEqualTo(1);
        assertThat(cell.path("performance").path("counts").path("needsWithOutcome").asLong()).isEqualTo(1);
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }
}
