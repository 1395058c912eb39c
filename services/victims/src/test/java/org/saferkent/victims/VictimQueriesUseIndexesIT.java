package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.platform.embeddedstore.DocumentsExamined;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.victims.dataprotection.VictimRetentionPurge;
import org.saferkent.victims.victimcase.application.PersonalDetailsRetrieval;
import org.saferkent.victims.victimcase.application.VictimCaseQueries;
import org.saferkent.victims.victimcase.application.VictimCodeDeadlines;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Flat cost as the data grows: the service's work — opening cases from routed referrals, joining a
 * duplicate, the case list under every combination of its filters, the caseworker's queue, the case of a
 * referral, the details retry, the queue order's backfill, the Victims' Code deadline scan, the retention
 * purge and the audit trail — reads no collection of its own whole: every query is served by an index the service declares (embedded store: counted by the
 * store; MongoDB: the profiler's COLLSCAN plans).
 */
class VictimQueriesUseIndexesIT extends VictimsIntegrationTest {

    /** The relay's own sweep belongs to platform/outbox, which declares its indexes itself. */
    private static final List<String> OUTBOX_FIELDS = List.of("pendingEvents", "relayLease");

    @Autowired
    private VictimCodeDeadlines deadlines;

    @Autowired
    private PersonalDetailsRetrieval details;

    @Autowired
    private SubjectKeys keys;

    @Autowired
    private RetentionWatermarks watermarks;

    @Autowired
    private VictimCaseQueries queries;

    @Test
    void theServicesWorkReadsNoCollectionWhole() throws Exception {
        StoreScans.Mark mark = StoreScans.mark("victims");

        String ownPseudonym = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""); // shredded below, alone
        String referralId = newReferralId();
        String caseId = "vc-" + referralId;
        REFERRALS.holdSubject(referralId, "{\"name\":\"Pip Index\"}");
        route(referralId, "victim-support", Map.of("district", "dover", "subjectPseudonym", ownPseudonym));
        awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        awaitOutboxDrained(caseId);
        String enhancedCase = openCase(Map.of("district", "thanet", "flags", List.of("domestic-abuse")));
        String duplicate = newReferralId();
        publish(duplicate, "referrals.ReferralLinked.v1", Map.of("referralId", duplicate, "linkedTo", caseId.substring(3),
                "agency", "kent-police", "district", "dover", "category", "violent-crime",
                "subjectPseudonym", PSEUDONYM, "reason", "same-crime-reference", "linkedAt", clock.instant().toString()),
                UUID.randomUUID().toString());
        assertThat(awaitJson("/api/victim-cases?referralId=" + duplicate).path("id").asString()).isEqualTo(caseId);

        String due = clock.instant().plus(Duration.ofDays(30)).toString();
        List<String> filters = new ArrayList<>();
        for (int combination = 1; combination < 16; combination++) {
            List<String> parameters = new ArrayList<>();
            if ((combination & 1) != 0) {
                parameters.add("status=open");
            }
            if ((combination & 2) != 0) {
                parameters.add("district=thanet");
            }
            if ((combination & 4) != 0) {
                parameters.add("enhanced=true");
            }
            if ((combination & 8) != 0) {
                parameters.add("dueBefore=" + due);
            }
            filters.add(String.join("&", parameters));
        }
        // the caseworker's queue: open cases by the deadline still to act on, alone and with each filter
        filters.addAll(List.of("status=open&sort=nextDeadline", "sort=nextDeadline&page=1&size=1",
                "status=open&sort=nextDeadline&district=thanet", "status=open&sort=nextDeadline&enhanced=true",
                "status=open&sort=nextDeadline&dueBefore=" + due));
        for (String filter : filters) {
            HttpResponse<String> page = get("/api/victim-cases?" + filter);
            assertThat(page.statusCode()).as(filter).isEqualTo(200);
            JsonNode items = JSON.readTree(page.body()).path("items");
            if (filter.contains("thanet")) {
                assertThat(items.valueStream().map(c -> c.path("id").asString())).as(filter).contains(enhancedCase);
            }
        }

        assertThat(queries.storeQueueOrder()).as("nothing stored without the queue's order").isZero();

        HttpResponse<String> closed = post("/api/victim-cases/" + caseId + "/closure", "{\"reason\":\"declined-support\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        awaitOutboxDrained(caseId);
        // the first run (no watermark) reads every case closed before its cutoff, a later one those closed since
        mongo.getCollection(RetentionWatermarks.COLLECTION).deleteOne(new Document("_id", VictimRetentionPurge.WATERMARK));
        VictimRetentionPurge purge = new VictimRetentionPurge(mongo, "victim_cases", keys, watermarks, Period.ofYears(6),
                Clock.offset(clock, Duration.ofDays(6 * 366 + 2)));
        assertThat(purge.purge()).as("subjects shredded").isPositive();
        assertThat(purge.purge()).as("a second run: nothing closed since").isZero();
        assertThat(get("/api/victim-cases/" + caseId + "/details").statusCode()).as("shredded").isEqualTo(410);
        details.fillPending();
        deadlines.recordMissedDeadlines();
        assertThat(get("/api/victim-cases/" + enhancedCase + "/details").statusCode()).isIn(200, 404);
        assertThat(SecuredApi.at(port).as("auditor").get("/api/audit?recordId=" + enhancedCase).statusCode()).isEqualTo(200);
        assertThat(SecuredApi.at(port).as("auditor").get("/api/audit?outcome=denied&clientId=pcc-office").statusCode())
                .isEqualTo(200);

        assertThat(StoreScans.since(mark).keySet().stream()
                .filter(shape -> OUTBOX_FIELDS.stream().noneMatch(shape::contains)))
                .as("collection scans of victims' collections, by query shape")
                .isEmpty();

        // and the narrowest index: a later run's window (cases closed since the last run, none here) examines no case,
        // where an index on the status alone would hand it every closed case
        StoreScans.Mark window = StoreScans.mark("victims");
        VictimRetentionPurge later = new VictimRetentionPurge(mongo, "victim_cases", keys, watermarks, Period.ofYears(6),
                Clock.offset(clock, Duration.ofDays(6 * 366 + 3)));
        assertThat(later.purge()).as("a day later: nothing closed since").isZero();
        assertThat(StoreScans.examined(window).entrySet().stream()
                .filter(shape -> shape.getKey().startsWith("victims.victim_cases ") && shape.getKey().contains("closure.closedAt")))
                .as("the window's query, by shape: queries run through an index, cases examined")
                .singleElement().satisfies(shape -> assertThat(shape.getValue()).isEqualTo(new DocumentsExamined.Examined(1, 0)));
    }
}
