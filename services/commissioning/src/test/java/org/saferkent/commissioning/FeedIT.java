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
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/**
 * The PCC office's feeds: the compacted Kafka topic (a snapshot per cell, keyed so compaction keeps
 * the latest), the HTTP cursor feed with its ETag, and the Ministry of Justice CSV — all matching the
 * projection and none carrying anything personal. Works in 2032.
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
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, FEED_TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
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
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
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
        List<JsonNode> cells = JSON.readTree(get("/api/commissioning/performance?quarter=" + Q3).body()).valueStream().toList();
        assertThat(rows).hasSameSizeAs(cells);
        Map<String, JsonNode> byKey = new HashMap<>();
        cells.forEach(cell -> byKey.put(cell.path("key").asString(), cell));
        for (Map<String, String> row : rows) {
            JsonNode performance = byKey.get(row.get("contract_id") + "|" + row.get("district") + "|" + row.get("quarter")).path("performance");
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
    void noFeedCarriesAnythingPersonal() throws Exception {
        List<String> published = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(FEED_TOPIC)) {
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
            assertThat(body.path("items").size()).isLessThanOrEqualTo(limit);
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
