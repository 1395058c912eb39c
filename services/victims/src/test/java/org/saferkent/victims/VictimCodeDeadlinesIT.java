package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.saferkent.victims.victimcase.application.VictimCaseQueries;
import org.saferkent.victims.victimcase.application.VictimCodeDeadlines;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A Victims' Code time limit that passes unmet is announced once — on the case's topic and as an
 * {@code ops.SlaBreached} for operations, from the same write — however many scans (or instances)
 * look at it. The tests move the service's clock and run the scanner themselves.
 */
class VictimCodeDeadlinesIT extends VictimsIntegrationTest {

    private static final String MISSED = "victims.VictimCodeDeadlineMissed.v1";

    @Autowired
    private VictimCodeDeadlines deadlines;

    @Autowired
    private WorkingDayCalendar calendar;

    @Autowired
    private VictimCaseQueries queries;

    /**
     * Issue 17: the consumer read the routing two weeks late; the victim's time limits ran from the routing all along.
     * (A week was not always late enough: routed on a Monday, five working days end on the Monday the test runs.)
     */
    @Test
    void aRoutingHandledLateRunsItsTimeLimitsFromTheRoutingNotFromWhenItWasRead() throws Exception {
        Instant routedAt = clock.instant().minus(Duration.ofDays(14));

        String caseId = openCase(Map.of("routedAt", routedAt.toString()));

        JsonNode victimCase = readCase(caseId);
        Instant due = calendar.deadline(routedAt, 5);
        assertThat(instant(victimCase.path("firstContactDueAt"))).isEqualTo(due)
                .isNotEqualTo(calendar.deadline(clock.instant(), 5));
        JsonNode opened = payload(TopicRecords.awaitRecord(TOPIC, ofType("victims.VictimCaseOpened.v1").and(keyed(caseId))));
        assertThat(instant(opened.path("firstContactDueAt"))).isEqualTo(due);
        assertThat(instant(opened.path("restorativeJusticeInformationDueAt"))).isEqualTo(due);

        // already overdue when read: the next scan records the breach
        deadlines.recordMissedDeadlines();
        TopicRecords.awaitRecord(TOPIC, ofType(MISSED).and(keyed(caseId)));
    }

    @Test
    void aMissedFirstContactIsAnnouncedOnceWithAnOpsBreachEvenWhenScannedTwiceAndConcurrently() throws Exception {
        String caseId = openCase(Map.of());
        assertThat(post("/api/victim-cases/" + caseId + "/rj-information-offered", "{}").statusCode()).isEqualTo(200);
        awaitOutboxDrained(caseId);
        Instant due = instant(readCase(caseId).path("firstContactDueAt"));

        clock.advanceTo(due);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(deadlines::recordMissedDeadlines);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(deadlines::recordMissedDeadlines);
        CompletableFuture.allOf(one, other).join();
        deadlines.recordMissedDeadlines();

        ConsumerRecord<String, byte[]> missed = TopicRecords.awaitRecord(TOPIC, ofType(MISSED).and(keyed(caseId)));
        TopicRecords.awaitRecord(OPS_TOPIC, ofType("ops.SlaBreached.v1").and(opsSubject(caseId)));
        awaitOutboxDrained(caseId);
        assertThat(TopicRecords.matching(TOPIC, ofType(MISSED).and(keyed(caseId)))).hasSize(1);
        List<ConsumerRecord<String, byte[]>> breaches = TopicRecords.matching(OPS_TOPIC, ofType("ops.SlaBreached.v1").and(opsSubject(caseId)));
        assertThat(breaches).hasSize(1);

        JsonNode event = payload(missed);
        assertThat(event.path("duty").asString()).isEqualTo("first-contact");
        assertThat(event.path("district").asString()).isEqualTo("maidstone");
        assertThat(event.path("enhanced").asBoolean()).isFalse();
        assertThat(instant(event.path("dueAt"))).isEqualTo(due);
        JsonNode breach = payload(breaches.get(0));
        assertThat(breach.path("service").asString()).isEqualTo("victims");
        assertThat(breach.path("clock").asString()).isEqualTo("victims-code-first-contact");
        assertThat(breach.path("aggregateType").asString()).isEqualTo("victim-case");
        assertThat(breach.path("district").asString()).isEqualTo("maidstone");
        assertThat(instant(breach.path("dueAt"))).isEqualTo(due);
        assertThat(TopicRecords.header(breaches.get(0), "ce_aggregateversion")).isEqualTo(TopicRecords.header(missed, "ce_aggregateversion"));
        JsonNode victimCase = readCase(caseId);
        assertThat(victimCase.path("duties").valueStream().map(d -> d.path("name").asString() + ":" + d.path("state").asString()))
                .containsExactly("first-contact:breached", "restorative-justice-information:met");
        assertThat(victimCase.path("nextDueAt").isNull()).isTrue();
    }

    @Test
    void aFirstContactMadeInTimeIsNeverMissed() throws Exception {
        String caseId = openCase(Map.of("vulnerabilities", List.of("mental-disorder")));
        assertThat(post("/api/victim-cases/" + caseId + "/contacts", """
                {"channel":"phone","outcome":"made"}""").statusCode()).isEqualTo(200);
        awaitOutboxDrained(caseId);
        Instant due = instant(readCase(caseId).path("firstContactDueAt"));

        clock.advanceTo(due.plusSeconds(3600));
        deadlines.recordMissedDeadlines();

        awaitCase(caseId, c -> c.path("nextDueAt").isNull());
        awaitOutboxDrained(caseId);
        assertThat(TopicRecords.matching(TOPIC, ofType(MISSED).and(keyed(caseId))))
                .extracting(record -> payload(record).path("duty").asString())
                .containsExactly("restorative-justice-information");
    }

    /** Issue 17: the contact's own time decides, even when it is recorded after the scan announced the miss. */
    @Test
    void aContactMadeInTimeButRecordedAfterTheScanWithdrawsTheMissedDeadline() throws Exception {
        String caseId = openCase(Map.of());
        Instant due = instant(readCase(caseId).path("firstContactDueAt"));
        clock.advanceTo(due.plusSeconds(60));
        deadlines.recordMissedDeadlines();
        TopicRecords.awaitRecord(TOPIC, ofType(MISSED).and(keyed(caseId)).and(duty("first-contact")));
        Instant madeAt = due.minusSeconds(3600);

        assertThat(post("/api/victim-cases/" + caseId + "/contacts",
                "{\"attemptedAt\":\"" + madeAt + "\",\"channel\":\"phone\",\"outcome\":\"made\"}").statusCode())
                .isEqualTo(200);

        JsonNode withdrawn = payload(TopicRecords.awaitRecord(TOPIC,
                ofType("victims.VictimCodeDeadlineBreachWithdrawn.v1").and(keyed(caseId))));
        assertThat(withdrawn.path("duty").asString()).isEqualTo("first-contact");
        assertThat(instant(withdrawn.path("dueAt"))).isEqualTo(due);
        assertThat(instant(withdrawn.path("metAt"))).isEqualTo(madeAt);
        JsonNode victimCase = readCase(caseId);
        assertThat(victimCase.path("duties").valueStream().map(d -> d.path("name").asString() + ":" + d.path("state").asString()))
                .containsExactly("first-contact:met", "restorative-justice-information:breached");
        JsonNode contacted = payload(TopicRecords.awaitRecord(TOPIC, ofType("victims.VictimContacted.v1").and(keyed(caseId))));
        assertThat(contacted.path("withinTimeLimit").asBoolean()).isTrue();
    }

    /**
     * The caseworker's queue ({@code sort=nextDeadline}): open cases by the deadline still to act on. A missed
     * one stays first, said to be overdue, until its work is done (late); a case with nothing left to act on
     * comes last; a closed case is not listed.
     */
    @Test
    void theQueueListsAMissedDeadlineFirstUntilItsWorkIsDoneAndACaseWithNoneLeftLast() throws Exception {
        String district = "folkestone-and-hythe";
        String missed = openCase(Map.of("district", district, "routedAt", clock.instant().minus(Duration.ofDays(30)).toString()));
        String running = openCase(Map.of("district", district));
        String done = openCase(Map.of("district", district));
        String closed = openCase(Map.of("district", district));
        assertThat(post("/api/victim-cases/" + done + "/contacts", "{\"channel\":\"phone\",\"outcome\":\"made\"}").statusCode())
                .isEqualTo(200);
        assertThat(post("/api/victim-cases/" + done + "/rj-information-offered", null).statusCode()).isEqualTo(200);
        assertThat(post("/api/victim-cases/" + closed + "/closure", "{\"reason\":\"declined-support\"}").statusCode())
                .isEqualTo(200);
        deadlines.recordMissedDeadlines();
        assertThat(awaitCase(missed, c -> c.path("nextDueAt").isNull()).path("duties").valueStream()
                .map(d -> d.path("state").asString())).containsOnly("breached");

        JsonNode queue = queue(district);
        assertThat(queue.path("total").asLong()).isEqualTo(3);
        assertThat(queue.path("items").valueStream().map(c -> c.path("id").asString() + " "
                + (c.path("deadline").isNull() ? "none" : c.path("deadline").asString()) + " " + c.path("overdue").asBoolean()))
                .containsExactly(
                        missed + " first-contact true",
                        running + " first-contact false",
                        done + " none false");
        Instant firstContactDue = instant(readCase(running).path("firstContactDueAt"));
        assertThat(instant(queue.path("items").get(1).path("deadlineAt"))).isEqualTo(firstContactDue);
        assertThat(queue.path("items").get(2).path("deadlineAt").isNull()).isTrue();

        // a case stored before the queue's order was kept is put in its place by the backfill at start
        mongo.getCollection("victim_cases").updateOne(new Document("_id", running), new Document("$unset",
                new Document("outstandingDueAt", "")));
        // (until then it sorts with the cases that have no deadline left, among them by id: where is chance, so not asserted)
        assertThat(queries.storeQueueOrder()).isPositive();
        assertThat(queue(district).path("items").valueStream().map(c -> c.path("id").asString()))
                .containsExactly(missed, running, done);

        // paged: the second page of one goes on from the first, into the cases with no deadline left
        assertThat(JSON.readTree(get("/api/victim-cases?sort=nextDeadline&size=2&page=1&district=" + district).body())
                .path("items").valueStream().map(c -> c.path("id").asString())).containsExactly(done);

        // contact made late: the missed first contact is done; restorative justice information is still to give
        assertThat(post("/api/victim-cases/" + missed + "/contacts", "{\"channel\":\"visit\",\"outcome\":\"made\"}").statusCode())
                .isEqualTo(200);
        assertThat(readCase(missed).path("duties").valueStream()
                .map(d -> d.path("name").asString() + ":" + d.path("state").asString() + ":" + d.path("overdue").asBoolean()))
                .containsExactly("first-contact:breached:false", "restorative-justice-information:breached:true");
        JsonNode first = queue(district).path("items").get(0);
        assertThat(first.path("id").asString()).isEqualTo(missed);
        assertThat(first.path("deadline").asString()).isEqualTo("restorative-justice-information");
        assertThat(first.path("overdue").asBoolean()).isTrue();

        // and once it is given, nothing is left to act on: last
        assertThat(post("/api/victim-cases/" + missed + "/rj-information-offered", null).statusCode()).isEqualTo(200);
        List<String> last = queue(district).path("items").valueStream().map(c -> c.path("id").asString()).toList();
        assertThat(last.get(0)).isEqualTo(running);
        assertThat(last.subList(1, last.size())).containsExactlyInAnyOrder(done, missed);
    }

    private JsonNode queue(String district) throws Exception {
        var response = get("/api/victim-cases?status=open&sort=nextDeadline&district=" + district);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> duty(String duty) {
        return record -> duty.equals(payload(record).path("duty").asString());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> opsSubject(String caseId) {
        return record -> caseId.equals(payload(record).path("subject").asString());
    }
}
