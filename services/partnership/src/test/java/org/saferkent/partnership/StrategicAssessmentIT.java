package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.partnership.PartnershipApi.ANALYST;
import static org.saferkent.partnership.PartnershipApi.PANEL;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The strategic assessment as it runs: referral events on the real broker, police.uk files imported over real HTTP,
 * the figures read back through disclosure control. The same context as PartnershipIT (same properties). Each test
 * works in a year of its own, so that none sees another's counts.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class StrategicAssessmentIT {

    static final String REFERRALS = "referrals.referral.events";
    static final String PSEUDONYM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
            + "Crime type,Last outcome category,Context";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    private PartnershipApi as(String client) {
        return new PartnershipApi(port, client);
    }

    @Test
    void referralsReceivedOnTheBrokerAreCountedByPoliceUkCategoryAndARedeliveredEventCountsNothing() {
        // given five referrals in Canterbury in March 2031 whose categories police.uk counts as violence
        List<ProducerRecord<String, byte[]>> march = new ArrayList<>();
        for (String category : List.of("violent-crime", "violent-crime", "domestic-abuse", "stalking", "wounding-with-intent")) {
            march.add(received(newId(), "canterbury", category, Instant.parse("2031-03-10T10:00:00Z")));
        }
        march.forEach(TopicRecords::send);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cell(referrals("canterbury", 2031), "violent-crime", 3).path("value").asInt()).isEqualTo(5));

        // when the domestic abuse referral's event is delivered again (same ce_id), then five burglaries follow it
        // on the same partition (keyed like it), so they are handled after the redelivery
        ProducerRecord<String, byte[]> again = march.get(2);
        TopicRecords.send(again);
        List<String> burglaries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burglaries.add(newId());
            TopicRecords.send(keyed(again.key(), received(burglaries.get(i), "canterbury", "burglary",
                    Instant.parse("2031-05-02T10:00:00Z"))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cell(referrals("canterbury", 2031), "burglary", 5).path("value").asInt()).isEqualTo(5));

        // then March's violence is still five, and the year's totals agree
        JsonNode year = referrals("canterbury", 2031);
        assertThat(cell(year, "violent-crime", 3).path("value").asInt()).isEqualTo(5);
        assertThat(year.path("total").path("value").asInt()).isEqualTo(10);
        assertThat(line(year, "violent-crime").path("changePercent").isNull()).as("no referrals the year before").isTrue();

        // and when referrals links one of the burglaries to an earlier referral as a duplicate, the incident counts once:
        // four burglaries in May, which could point at someone, so suppressed
        TopicRecords.send(linked(burglaries.get(0), "ref-earlier", "canterbury"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cell(referrals("canterbury", 2031), "burglary", 5).path("reason").asString()).isEqualTo("primary"));
        assertThat(cell(referrals("canterbury", 2031), "burglary", 5).has("value")).isFalse();
    }

    @Test
    void aFileWithABadRowOnLine3IsRefusedNamingLine3AndNothingOfItIsStored() {
        long cells = mongo.getCollection("assessment_import_cells").countDocuments();
        long imports = mongo.getCollection("assessment_imports").countDocuments();
        String csv = String.join("\n", HEADER, row("2030-03", "Ashford 001A", "Burglary"),
                row("03/2030", "Ashford 001A", "Burglary"), row("2030-03", "Ashford 002A", "Burglary"));

        HttpResponse<String> refused = as(ANALYST).post("/api/partnership/assessments/imports", Map.of("csv", csv));

        assertThat(PartnershipApi.refusedFields(refused)).containsExactly("line 3: Month");
        assertThat(refused.body()).doesNotContain("03/2030").doesNotContain("abc-crime");
        assertThat(mongo.getCollection("assessment_import_cells").countDocuments()).isEqualTo(cells);
        assertThat(mongo.getCollection("assessment_imports").countDocuments()).isEqualTo(imports);
        assertThat(line(recorded("ashford", 2030), "burglary").path("total").path("value").asInt()).isZero();
    }

    @Test
    void anImportedFileShowsInTheDistrictsAssessmentWithItsChangeAndSmallCountsSuppressedAndImportingItAgainChangesNothing() {
        // given a police.uk file: Maidstone's burglaries in March 2032 (6) and March 2031 (8), two robberies and five
        // drug offences in April 2032, one crime in Medway and one without a location
        List<String> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 6; i++) {
            rows.add(row("2032-03", "Maidstone 0" + (10 + i) + "A", "Burglary"));
        }
        for (int i = 0; i < 8; i++) {
            rows.add(row("2031-03", "Maidstone 012A", "Burglary"));
        }
        rows.add(row("2032-04", "Maidstone 012A", "Robbery"));
        rows.add(row("2032-04", "Maidstone 012B", "Robbery"));
        for (int i = 0; i < 5; i++) {
            rows.add(row("2032-04", "Maidstone 012C", "Drugs"));
        }
        rows.add(row("2032-03", "Medway 021B", "Burglary"));
        rows.add(row("2032-03", "", "Drugs"));
        String csv = String.join("\r\n", rows) + "\r\n";

        // when
        JsonNode summary = as(ANALYST).postExpecting(201, "/api/partnership/assessments/imports",
                Map.of("fileName", "2032-03-kent-street.csv", "csv", csv));

        // then
        assertThat(summary.path("rows").asInt()).isEqualTo(23);
        assertThat(summary.path("counted").asInt()).isEqualTo(21);
        assertThat(summary.path("outsideKent").toString()).contains("\"area\":\"Medway\",\"rows\":1")
                .contains("\"area\":\"no location\",\"rows\":1");
        JsonNode year = recorded("maidstone", 2032);
        JsonNode burglary = line(year, "burglary");
        assertThat(burglary.path("months").get(2).path("value").asInt()).isEqualTo(6);
        assertThat(burglary.path("total").path("value").asInt()).isEqualTo(6);
        assertThat(burglary.path("previous").path("value").asInt()).isEqualTo(8);
        assertThat(burglary.path("changePercent").asDouble()).isEqualTo(-25.0);
        // two robberies could point at someone: shown as suppressed, with no number
        JsonNode robbery = cell(year, "robbery", 4);
        assertThat(robbery.path("suppressed").asBoolean()).isTrue();
        assertThat(robbery.path("reason").asString()).isEqualTo("primary");
        assertThat(robbery.has("value")).isFalse();
        assertThat(line(year, "robbery").path("total").path("suppressed").asBoolean()).isTrue();
        // and April's drug offences with them, or April's total less the drugs would be the robberies
        assertThat(cell(year, "drugs", 4).path("reason").asString()).isEqualTo("secondary");
        assertThat(cell(year, "drugs", 4).has("value")).isFalse();
        assertThat(year.path("monthTotals").get(3).path("value").asInt()).isEqualTo(7);

        // and the same file again changes nothing
        JsonNode again = as(ANALYST).postExpecting(200, "/api/partnership/assessments/imports", Map.of("csv", csv));
        assertThat(again.path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.path("importId").asString()).isEqualTo(summary.path("importId").asString());
        assertThat(line(recorded("maidstone", 2032), "burglary").path("total").path("value").asInt()).isEqualTo(6);

        // and the panel cannot import; a file past the size bound is refused whole
        assertThat(as(PANEL).post("/api/partnership/assessments/imports", Map.of("csv", csv)).statusCode()).isEqualTo(403);
        assertThat(as(ANALYST).post("/api/partnership/assessments/imports",
                Map.of("csv", HEADER + "\n" + "x".repeat(20 * 1024 * 1024))).statusCode()).isEqualTo(413);
    }

    @Test
    void theCountyRollsTheTwelveDistrictsUpIntoElevenCspsWithDartfordAndGraveshamAsOne() {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 6; i++) {
            rows.add(row("2033-05", "Dartford 003A", "Shoplifting"));
        }
        for (int i = 0; i < 5; i++) {
            rows.add(row("2033-06", "Gravesham 010D", "Shoplifting"));
        }
        for (int i = 0; i < 7; i++) {
            rows.add(row("2033-06", "Thanet 001A", "Shoplifting"));
        }
        as(ANALYST).postExpecting(201, "/api/partnership/assessments/imports", Map.of("csv", String.join("\n", rows)));

        JsonNode county = as(ANALYST).getJson("/api/partnership/assessments/county?year=2033").path("recorded");

        assertThat(county.path("csps").size()).isEqualTo(11);
        JsonNode dartfordAndGravesham = csp(county, "dartford-and-gravesham");
        assertThat(dartfordAndGravesham.path("total").path("value").asInt()).isEqualTo(11);
        assertThat(dartfordAndGravesham.path("districts").toString()).isEqualTo("[\"dartford\",\"gravesham\"]");
        assertThat(csp(county, "thanet").path("total").path("value").asInt()).isEqualTo(7);
        assertThat(county.path("total").path("value").asInt()).isEqualTo(18);
        assertThat(PartnershipApi.refusedFields(as(ANALYST).get("/api/partnership/assessments?district=kent&year=next")))
                .containsExactlyInAnyOrder("district", "year");
    }

    @Test
    void aSecondFileForAMonthReplacesTheFirstForThatMonthOnly() {
        // given police.uk's file with January and February 2035 in Canterbury
        List<String> first = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 5; i++) {
            first.add(row("2035-01", "Canterbury 004A", "Shoplifting"));
        }
        for (int i = 0; i < 6; i++) {
            first.add(row("2035-02", "Canterbury 004A", "Shoplifting"));
        }
        as(ANALYST).postExpecting(201, "/api/partnership/assessments/imports", Map.of("csv", String.join("\n", first)));
        assertThat(cell(recorded("canterbury", 2035), "shoplifting", 2).path("value").asInt()).isEqualTo(6);

        // when February is published again, corrected to seven crimes
        List<String> corrected = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 7; i++) {
            corrected.add(row("2035-02", "Canterbury 004A", "Shoplifting"));
        }
        as(ANALYST).postExpecting(201, "/api/partnership/assessments/imports", Map.of("csv", String.join("\n", corrected)));

        // then February is the new file's seven (not thirteen), January still the first file's five
        JsonNode shoplifting = line(recorded("canterbury", 2035), "shoplifting");
        assertThat(shoplifting.path("months").get(1).path("value").asInt()).isEqualTo(7);
        assertThat(shoplifting.path("months").get(0).path("value").asInt()).isEqualTo(5);
        assertThat(shoplifting.path("total").path("value").asInt()).isEqualTo(12);
    }

    /** Every query of the assessment's reads, imports and referral counts is served by an index. */
    @Test
    void theAssessmentsReadsAndWritesReadNoCollectionWhole() {
        String csv = String.join("\n", HEADER, row("2034-01", "Dover 001A", "Drugs"));
        StoreScans.Mark mark = StoreScans.mark("partnership");

        as(ANALYST).postExpecting(201, "/api/partnership/assessments/imports", Map.of("csv", csv));
        as(ANALYST).postExpecting(200, "/api/partnership/assessments/imports", Map.of("csv", csv));
        TopicRecords.send(received(newId(), "dover", "drugs", Instant.parse("2034-01-05T10:00:00Z")));
        as(ANALYST).getJson("/api/partnership/assessments?district=dover&year=2034");
        as(ANALYST).getJson("/api/partnership/assessments/county?year=2034");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("assessment_referrals").countDocuments(new org.bson.Document("year", 2034)) == 1);

        assertThat(StoreScans.since(mark).keySet().stream().filter(shape -> shape.startsWith("partnership.assessment")))
                .as("collection scans of the assessment's collections, by query shape").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode referrals(String district, int year) {
        return as(ANALYST).getJson("/api/partnership/assessments?district=" + district + "&year=" + year).path("referrals");
    }

    private JsonNode recorded(String district, int year) {
        return as(ANALYST).getJson("/api/partnership/assessments?district=" + district + "&year=" + year).path("recorded");
    }

    private static JsonNode line(JsonNode block, String category) {
        for (JsonNode line : block.path("categories")) {
            if (category.equals(line.path("category").asString())) {
                return line;
            }
        }
        throw new AssertionError("no category " + category + " in " + block);
    }

    private static JsonNode cell(JsonNode block, String category, int month) {
        return line(block, category).path("months").get(month - 1);
    }

    private static JsonNode csp(JsonNode county, String csp) {
        for (JsonNode line : county.path("csps")) {
            if (csp.equals(line.path("csp").asString())) {
                return line;
            }
        }
        throw new AssertionError("no CSP " + csp);
    }

    private static String row(String month, String lsoaName, String crimeType) {
        return "abc-crime-" + UUID.randomUUID() + "," + month + ",Kent Police,Kent Police,0.52,51.27,On or near High Street,"
                + "E01024400," + lsoaName + "," + crimeType + ",Under investigation,";
    }

    private static String newId() {
        return "ref-" + UUID.randomUUID();
    }

    /** {@code referrals.ReferralReceived.v1} as its schema says, with a field a tolerant reader must ignore. */
    private static ProducerRecord<String, byte[]> received(String referralId, String district, String category, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("referralId", referralId);
        p.put("agency", "kent-police");
        p.put("district", district);
        p.put("csp", "dartford".equals(district) || "gravesham".equals(district) ? "dartford-and-gravesham" : district);
        p.put("category", category);
        p.put("flags", List.of());
        p.put("asbType", null);
        p.put("subjectRole", "victim");
        p.put("subjectPseudonym", PSEUDONYM);
        p.put("ageBand", "35-49");
        p.put("consentBasis", "consent");
        p.put("receivedAt", at.toString());
        p.put("someFutureField", "ignored");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(REFERRALS, referralId, PartnershipApi.JSON.writeValueAsBytes(p));
        String id = UUID.randomUUID().toString();
        CloudEventHeaders.write(new EventMetadata(id, "referrals.ReferralReceived.v1", "/saferkent/referrals", referralId, at,
                "it-" + id, id, 1, "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        return record;
    }

    /** {@code referrals.ReferralLinked.v1} as its schema says. */
    private static ProducerRecord<String, byte[]> linked(String referralId, String linkedTo, String district) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("referralId", referralId);
        p.put("linkedTo", linkedTo);
        p.put("agency", "kent-fire-rescue");
        p.put("district", district);
        p.put("category", "burglary");
        p.put("subjectPseudonym", PSEUDONYM);
        p.put("reason", "same-crime-reference");
        p.put("linkedAt", "2031-05-03T10:00:00Z");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(REFERRALS, referralId, PartnershipApi.JSON.writeValueAsBytes(p));
        String id = UUID.randomUUID().toString();
        CloudEventHeaders.write(new EventMetadata(id, "referrals.ReferralLinked.v1", "/saferkent/referrals", referralId,
                Instant.parse("2031-05-03T10:00:00Z"), "it-" + id, id, 2, "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"),
                record.headers());
        return record;
    }

    private static ProducerRecord<String, byte[]> keyed(String key, ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, key, record.value(), record.headers());
    }
}
