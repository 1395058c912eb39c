package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.firstTimeEntrant;
import static org.saferkent.commissioning.PartnershipEvents.linked;
import static org.saferkent.commissioning.PartnershipEvents.routed;
import static org.saferkent.commissioning.PartnershipEvents.victimCaseOpened;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/**
 * The feeds: the compacted Kafka topics (a record per cell, keyed so compaction keeps the latest: exact
 * snapshots on commissioning.feed for the partnership, the PCC office's published entries and Kent totals on
 * commissioning.pcc-feed), the HTTP cursor feed with its ETag, and the Ministry of Justice CSV — all matching
 * the projection, the PCC's office shown no small count, and none carrying anything personal. Works in 2032.
 */
class FeedIT extends CommissioningIntegrationTest {

    private static final Pattern PSEUDONYM_LIKE = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String Q3 = "2032-Q3";
    private static String contractId;

    @BeforeEach
    void aContractWithActivityInMaidstoneAndAshford() throws Exception {
        if (contractId != null) {
            return;
        }
        contractId = register(contract("Restorative Solutions CIC", List.of("victim-support", "restorative-justice", "youth-prevention"),
                List.of("maidstone", "ashford"), "2032-01-01", "2032-12-31", "100000", """
                [{"measure":"contacted-within-deadline-share","target":0.9,"amberWithin":0.1}]"""));
        String referralId = newId();
        publish(routed(referralId, "maidstone", "victim-support", at("2032-07-01")));
        publish(linked(newId(), referralId, "maidstone", at("2032-07-02")));
        publish(victimCaseOpened("vc-" + referralId, referralId, "maidstone", "victim-support", at("2032-07-01"), at("2032-07-08")));
        publish(firstTimeEntrant(newId(), "maidstone", LocalDate.parse("2032-08-01"), 15, null));
        awaitCell(contractId, "maidstone", Q3, count("firstTimeEntrants", 1).and(count("duplicatesLinked", 1))
                .and(count("victimCasesOpened", 1)));
    }

    @Test
    void theFeedTopicIsCompactedAndCarriesTheLatestSnapshotPerCell() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            for (String name : List.of(FEED_TOPIC, PCC_FEED_TOPIC)) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
                assertThat(config.get("cleanup.policy").value()).as(name).isEqualTo("compact");
            }
        }
        String key = contractId + "|maidstone|" + Q3;
        JsonNode cell = cell(contractId, "maidstone", Q3).orElseThrow();

        AtomicReference<ConsumerRecord<String, byte[]>> latest = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            List<ConsumerRecord<String, byte[]>> snapshots = records(FEED_TOPIC, keyed(key));
            latest.set(snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1));
            return latest.get() != null && JSON.readTree(latest.get().value()).path("sequence").asLong() >= cell.path("sequence").asLong();
        });

        JsonNode published = JSON.readTree(latest.get().value());
        assertThat(TopicRecords.header(latest.get(), "ce_type")).isEqualTo("commissioning.PerformanceSnapshot.v1");
        assertThat(TopicRecords.header(latest.get(), "ce_subject")).isEqualTo(key);
        assertThat(published.path("key").asString()).isEqualTo(key);
        assertThat(published.path("performance")).isEqualTo(cell(contractId, "maidstone", Q3).orElseThrow().path("performance"));
    }

    @Test
    void theCursorFeedReturnsEachChangeOnceInOrderAndResumesFromACursor() throws Exception {
        List<JsonNode> walked = new ArrayList<>();
        long cursor = walk(0, 7, walked);
        List<Long> sequences = walked.stream().map(e -> e.path("sequence").asLong()).toList();
        assertThat(sequences).isSorted();
        assertThat(walked.stream().filter(e -> !e.path("district").asString().equals("kent")).map(e -> e.path("sequence").asLong()))
                .as("a Kent total shares its change's number; no two changes do").doesNotHaveDuplicates();
        assertThat(walked).filteredOn(e -> e.path("district").asString().equals("kent")).allSatisfy(kent ->
                assertThat(walked.get(walked.indexOf(kent) - 1).path("sequence").asLong()).isEqualTo(kent.path("sequence").asLong()));
        assertThat(walked.stream().map(e -> e.path("key").asString())).doesNotHaveDuplicates()
                .contains(contractId + "|maidstone|" + Q3, contractId + "|ashford|" + Q3);

        publish(routed(newId(), "ashford", "restorative-justice", at("2032-09-30")));
        awaitCell(contractId, "ashford", Q3, count("referralsRouted", 1));

        List<JsonNode> resumed = new ArrayList<>();
        long next = walk(cursor, 7, resumed);
        assertThat(resumed).extracting(e -> e.path("sequence").asLong()).allMatch(sequence -> sequence > cursor).isSorted();
        assertThat(resumed.stream().map(e -> e.path("key").asString())).containsOnlyOnce(contractId + "|ashford|" + Q3)
                .doesNotContain(contractId + "|maidstone|" + Q3);
        assertThat(next).isGreaterThan(cursor);
        JsonNode again = JSON.readTree(get("/api/commissioning/feed?after=" + cursor + "&limit=1000").body());
        assertThat(again.path("items").valueStream().map(e -> e.path("sequence").asLong()).toList())
                .as("asking again from the same cursor answers the same").containsAll(resumed.stream().map(e -> e.path("sequence").asLong()).toList());
    }

    @Test
    void anUnchangedFeedAnswers304ToItsOwnEtagAndAChangeBreaksIt() throws Exception {
        AtomicReference<String> etag = new AtomicReference<>();
        AtomicReference<Long> cursor = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            HttpResponse<String> first = get("/api/commissioning/feed?after=0&limit=1000");
            JsonNode page = JSON.readTree(first.body());
            if (page.path("more").asBoolean()) {
                return false;
            }
            cursor.set(page.path("next").asLong());
            HttpResponse<String> atEnd = get("/api/commissioning/feed?after=" + cursor.get());
            etag.set(atEnd.headers().firstValue("ETag").orElseThrow());
            HttpResponse<String> repeated = get("/api/commissioning/feed?after=" + cursor.get(), "If-None-Match", etag.get());
            return repeated.statusCode() == 304 && repeated.body().isEmpty()
                    && repeated.headers().firstValue("ETag").orElseThrow().equals(etag.get());
        });

        publish(routed(newId(), "ashford", "victim-support", at("2032-07-15")));

        Awaitility.await().atMost(WAIT).until(() ->
                get("/api/commissioning/feed?after=" + cursor.get(), "If-None-Match", etag.get()).statusCode() == 200);
        HttpResponse<String> changed = get("/api/commissioning/feed?after=" + cursor.get(), "If-None-Match", etag.get());
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag.get());
        assertThat(JSON.readTree(changed.body()).path("items").size()).isPositive();
        assertThat(get("/api/commissioning/feed?after=-1&limit=0").statusCode()).isEqualTo(422);
        assertThat(errorFields(get("/api/commissioning/feed?after=x&limit=5000"))).containsExactly("after", "limit");
    }

    @Test
    void theMinistryOfJusticeReturnMatchesTheProjection() throws Exception {
        HttpResponse<String> response = get("/api/commissioning/returns/moj.csv?quarter=" + Q3);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<Map<String, String>> rows = parse(response.body());
        List<JsonNode> cells = JSON.readTree(get("/api/commissioning/performance?quarter=" + Q3).body()).valueStream()
                .filter(cell -> !cell.path("district").asString().equals("kent")).toList();
        assertThat(rows).as("one row per cell the PCC's office is shown").hasSameSizeAs(cells);
        for (Map<String, String> row : rows) {
            // the return is exact (audience moj-return): it matches the projection's exact cell, not the PCC's published one
            JsonNode performance = cell(row.get("contract_id"), row.get("district"), row.get("quarter")).orElseThrow().path("performance");
            assertThat(row.get("provider")).isEqualTo(performance.path("provider").asString());
            assertThat(row.get("financial_year_quarter")).isEqualTo("2032/33-Q2");
            performance.path("counts").properties().forEach(count -> {
                if (!count.getKey().equals("valueProRatedPence")) {
                    assertThat(Long.parseLong(row.get(snake(count.getKey())))).as(count.getKey()).isEqualTo(count.getValue().asLong());
                }
            });
            performance.path("measures").properties().forEach(measure -> {
                String column = snake(measure.getKey()).replace("cost_per_victim_supported", "cost_per_victim_supported_gbp");
                String value = row.get(column);
                if (measure.getValue().isNull()) {
                    assertThat(value).as(measure.getKey()).isEmpty();
                } else {
                    assertThat(Double.parseDouble(value)).as(measure.getKey()).isEqualTo(measure.getValue().asDouble());
                }
            });
        }
        Map<String, String> ours = rows.stream().filter(r -> r.get("contract_id").equals(contractId) && r.get("district").equals("maidstone"))
                .findFirst().orElseThrow();
        assertThat(ours.get("duplicates_linked")).isEqualTo("1");
        assertThat(ours.get("rag")).isEqualTo("contacted-within-deadline-share:no-data");
        assertThat(get("/api/commissioning/returns/moj.csv?quarter=2032-Q9").statusCode()).isEqualTo(422);
        assertThat(errorFields(get("/api/commissioning/returns/moj.csv"))).containsExactly("quarter");
    }

    @Test
    void thePccOfficeIsShownNoCountFrom1To4AndCannotWorkOneOutFromKentAndTheOtherDistricts() throws Exception {
        // maidstone and ashford in 2032-Q3 have counts of 1 (set up above): the PCC's office sees them suppressed
        List<JsonNode> shown = JSON.readTree(get("/api/commissioning/performance?contractId=" + contractId + "&quarter=" + Q3).body())
                .valueStream().toList();
        assertThat(shown).extracting(e -> e.path("district").asString()).contains("maidstone", "ashford", "kent");
        JsonNode maidstone = shown.stream().filter(e -> e.path("district").asString().equals("maidstone")).findFirst().orElseThrow();
        assertThat(maidstone.path("performance").path("counts").path("duplicatesLinked").isNull()).isTrue();
        assertThat(maidstone.path("performance").path("suppressed").path("duplicatesLinked").asString()).isEqualTo("primary");
        assertThat(cell(contractId, "maidstone", Q3).orElseThrow().path("performance").path("counts").path("duplicatesLinked").asLong())
                .as("the projection keeps the exact count").isEqualTo(1);
        assertNothingSmallShownOrRecoverable(shown);
        // and through the feed, a reader holding every entry it was ever given
        List<JsonNode> walked = new ArrayList<>();
        walk(0, 1000, walked);
        assertNothingSmallShownOrRecoverable(walked.stream().filter(e -> e.path("contractId").asString().equals(contractId)
                && e.path("quarter").asString().equals(Q3) && !e.path("removed").asBoolean()).toList());
    }

    @Test
    void aChangeInOneDistrictThatAltersWhatAnotherShowsPublishesThatOneAgain() throws Exception {
        String q4 = "2032-Q4";
        List<PartnershipEvents.Event> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(routed(newId(), "maidstone", "restorative-justice", at("2032-10-0" + (i + 1))));
        }
        publishAll(seven);
        awaitCell(contractId, "maidstone", q4, count("referralsRouted", 7));
        AtomicReference<Long> cursor = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            cursor.set(walk(0, 1000, new ArrayList<>()));
            Optional<JsonNode> shown = publishedCell(contractId, "maidstone", q4);
            return shown.isPresent() && shown.get().path("performance").path("counts").path("referralsRouted").asLong() == 7;
        });

        // one referral in ashford: 1 is suppressed, and Kent (8) beside it would give it away, so maidstone's 7 is withheld
        publish(routed(newId(), "ashford", "restorative-justice", at("2032-10-20")));
        awaitCell(contractId, "ashford", q4, count("referralsRouted", 1));
        List<JsonNode> resumed = new ArrayList<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            resumed.clear();
            walk(cursor.get(), 1000, resumed);
            return resumed.stream().anyMatch(e -> e.path("key").asString().equals(contractId + "|kent|" + q4)
                    && e.path("performance").path("counts").path("referralsRouted").asLong() == 8);
        });
        JsonNode maidstone = resumed.stream().filter(e -> e.path("key").asString().equals(contractId + "|maidstone|" + q4))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("maidstone was not published again: " + resumed));
        assertThat(maidstone.path("performance").path("counts").path("referralsRouted").isNull()).isTrue();
        assertThat(maidstone.path("performance").path("suppressed").path("referralsRouted").asString()).isEqualTo("secondary");
        JsonNode ashford = resumed.stream().filter(e -> e.path("key").asString().equals(contractId + "|ashford|" + q4))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(ashford.path("performance").path("suppressed").path("referralsRouted").asString()).isEqualTo("primary");
        assertNothingSmallShownOrRecoverable(JSON.readTree(get("/api/commissioning/performance?contractId=" + contractId
                + "&quarter=" + q4).body()).valueStream().toList());
    }

    @Test
    void thePccOfficesKafkaFeedCarriesNoSmallCountButItsComplementAndKentWhileTheExactFeedKeepsTheFigure() throws Exception {
        String q2 = "2032-Q2";
        String maidstoneKey = contractId + "|maidstone|" + q2;
        String ashfordKey = contractId + "|ashford|" + q2;
        String kentKey = contractId + "|kent|" + q2;
        List<PartnershipEvents.Event> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(routed(newId(), "maidstone", "restorative-justice", at("2032-04-0" + (i + 1))));
        }
        publishAll(six);
        awaitCell(contractId, "maidstone", q2, count("referralsRouted", 6));
        Awaitility.await().atMost(WAIT).until(() -> latest(PCC_FEED_TOPIC, maidstoneKey)
                .filter(shown -> shown.path("performance").path("counts").path("referralsRouted").asLong() == 6).isPresent());

        // two referrals in ashford: 2 is withheld, and Kent (8) beside it would give it away, so maidstone's 6 is withheld
        // too: maidstone's exact snapshot has not changed, but what the office is shown of it has, so it goes out again
        publish(routed(newId(), "ashford", "restorative-justice", at("2032-05-11")));
        publish(routed(newId(), "ashford", "restorative-justice", at("2032-05-12")));
        awaitCell(contractId, "ashford", q2, count("referralsRouted", 2));
        Awaitility.await().atMost(WAIT).until(() -> latest(PCC_FEED_TOPIC, ashfordKey).isPresent()
                && "secondary".equals(latest(PCC_FEED_TOPIC, maidstoneKey).orElseThrow().path("performance").path("suppressed")
                        .path("referralsRouted").asString(null))
                && latest(PCC_FEED_TOPIC, kentKey).filter(kent -> kent.path("performance").path("counts").path("referralsRouted")
                        .asLong() == 8).isPresent());

        JsonNode ashford = latest(PCC_FEED_TOPIC, ashfordKey).orElseThrow();
        assertThat(ashford.path("performance").path("counts").path("referralsRouted").isNull()).as("2 is not shown").isTrue();
        assertThat(ashford.path("performance").path("suppressed").path("referralsRouted").asString()).isEqualTo("primary");
        JsonNode maidstone = latest(PCC_FEED_TOPIC, maidstoneKey).orElseThrow();
        assertThat(maidstone.path("performance").path("counts").path("referralsRouted").isNull()).as("the complement").isTrue();
        JsonNode kent = latest(PCC_FEED_TOPIC, kentKey).orElseThrow();
        assertThat(kent.path("district").asString()).isEqualTo("kent");
        assertThat(kent.path("sequence").asLong()).as("Kent carries its contract and quarter's latest change")
                .isEqualTo(Math.max(maidstone.path("sequence").asLong(), ashford.path("sequence").asLong()));
        // what the office's topic holds is what its HTTP feed shows, and nothing there can be worked back to 1-4
        List<JsonNode> current = JSON.readTree(get("/api/commissioning/performance?contractId=" + contractId + "&quarter=" + q2)
                .body()).valueStream().toList();
        for (JsonNode shown : current) {
            assertThat(latest(PCC_FEED_TOPIC, shown.path("key").asString())).as(shown.path("key").asString()).contains(shown);
        }
        assertNothingSmallShownOrRecoverable(List.of(maidstone, ashford, kent));

        List<ConsumerRecord<String, byte[]>> office = records(PCC_FEED_TOPIC, record -> record.key().startsWith(contractId + "|"));
        assertThat(office).isNotEmpty().allSatisfy(record -> {
            assertThat(TopicRecords.header(record, "ce_type")).isEqualTo("commissioning.PublishedPerformance.v1");
            assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(record.key());
            if (record.value() != null) {
                JsonNode entry = JSON.readTree(record.value());
                assertThat(TopicRecords.header(record, "ce_aggregateversion")).isEqualTo(entry.path("sequence").asString());
                entry.path("performance").path("counts").properties().forEach(count -> {
                    if (!count.getKey().equals("valueProRatedPence") && !count.getValue().isNull()) {
                        assertThat(count.getValue().asLong()).as(record.key() + " " + count.getKey()).isNotIn(1L, 2L, 3L, 4L);
                    }
                });
                // the catalogue's schema; the feed carries no request chain, so no trace context
                assertThat(EventCatalogue.violations(record)).as(record.key()).containsOnly("missing header ce_traceparent");
            }
        });
        assertThat(office).as("a small count of the earlier quarter (set up above) is withheld on Kafka too")
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(contractId + "|maidstone|" + Q3));

        // the partnership's exact feed keeps the figure
        assertThat(latest(FEED_TOPIC, ashfordKey).orElseThrow().path("performance").path("counts").path("referralsRouted").asLong())
                .isEqualTo(2);
        assertThat(records(FEED_TOPIC, keyed(kentKey))).as("Kent totals are the office's only").isEmpty();
    }

    /** The last record of {@code key} on {@code topic} (empty: none yet, or a tombstone). */
    private static Optional<JsonNode> latest(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = records(topic, keyed(key));
        if (found.isEmpty() || found.get(found.size() - 1).value() == null) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(found.get(found.size() - 1).value()));
    }

    /**
     * Given only the entries of one contract × quarter as published (districts and Kent), no count from 1 to 4 is
     * shown, and no suppressed count can be worked out: for every count the districts add up to Kent, and an
     * equation with one unknown left is solved, again and again until nothing more comes.
     */
    private static void assertNothingSmallShownOrRecoverable(List<JsonNode> entries) {
        Map<String, JsonNode> latest = new HashMap<>();
        entries.forEach(e -> latest.put(e.path("district").asString(), e.path("performance").path("counts")));
        assertThat(latest).containsKey("kent");
        Set<String> names = new HashSet<>();
        latest.get("kent").properties().forEach(count -> names.add(count.getKey()));
        names.remove("valueProRatedPence");
        for (String name : names) {
            Map<String, Long> known = new HashMap<>();
            latest.forEach((district, counts) -> {
                if (!counts.path(name).isNull()) {
                    long value = counts.path(name).asLong();
                    assertThat(value).as(district + " " + name).isNotIn(1L, 2L, 3L, 4L);
                    known.put(district, value);
                }
            });
            {
                List<String> unknown = latest.keySet().stream().filter(d -> !d.equals("kent") && !known.containsKey(d)).toList();
                long sum = latest.keySet().stream().filter(d -> !d.equals("kent") && known.containsKey(d)).mapToLong(known::get).sum();
                if (!known.containsKey("kent") && unknown.isEmpty()) {
                    throw new AssertionError("Kent's " + name + " worked out: " + sum);
                }
                if (known.containsKey("kent") && unknown.size() == 1) {
                    throw new AssertionError(unknown.get(0) + "'s " + name + " worked out from Kent: " + (known.get("kent") - sum));
                }
            }
        }
    }

    @Test
    void noFeedCarriesAnythingPersonal() throws Exception {
        List<String> published = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(TopicRecords.readAll(FEED_TOPIC));
        records.addAll(TopicRecords.readAll(PCC_FEED_TOPIC));
        for (ConsumerRecord<String, byte[]> record : records) {
            published.add(record.key());
            published.add(TopicRecords.value(record));
            for (Header header : record.headers()) {
                published.add(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        List<JsonNode> walked = new ArrayList<>();
        walk(0, 1000, walked);
        Set<String> quarters = new HashSet<>();
        for (JsonNode entry : walked) {
            published.add(entry.toString());
            quarters.add(entry.path("quarter").asString());
        }
        for (String quarter : quarters) {
            published.add(get("/api/commissioning/returns/moj.csv?quarter=" + quarter).body());
        }
        published.add(get("/api/commissioning/performance").body());

        assertThat(published).isNotEmpty().allSatisfy(text -> {
            if (text != null) {
                assertThat(PSEUDONYM_LIKE.matcher(text).find()).as("a pseudonym-like string in " + abbreviate(text)).isFalse();
                assertThat(text).doesNotContain(PartnershipEvents.NAME, "Pseudonym", "pseudonym", "dateOfBirth", "postcode",
                        "\"name\"", "caseId", "referralId");
            }
        });
    }

    /** Pages through the feed from {@code after}; returns the cursor to resume from. */
    private long walk(long after, int limit, List<JsonNode> into) throws Exception {
        long cursor = after;
        for (int page = 0; page < 1000; page++) {
            JsonNode body = JSON.readTree(get("/api/commissioning/feed?after=" + cursor + "&limit=" + limit).body());
            body.path("items").valueStream().forEach(into::add);
            assertThat(body.path("items").valueStream().filter(entry -> !entry.path("district").asString().equals("kent")))
                    .as("changes per page (a Kent total rides with its change)").hasSizeLessThanOrEqualTo(limit);
            cursor = body.path("next").asLong();
            if (!body.path("more").asBoolean()) {
                return cursor;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    private static List<Map<String, String>> parse(String csv) {
        String[] lines = csv.split("\r\n");
        List<String> headers = List.of(lines[0].split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> values = List.of(lines[i].split(",", -1)); // our test data has no commas in names
            assertThat(values).hasSameSizeAs(headers);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                row.put(headers.get(c), values.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }
}
