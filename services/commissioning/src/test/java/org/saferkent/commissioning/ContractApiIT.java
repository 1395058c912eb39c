package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/**
 * The PCC's office registers, varies and ends commissioned services over HTTP; every change is kept
 * as history and published; bad input is refused naming each field, and stores and publishes nothing.
 * Works in 2030.
 */
class ContractApiIT extends CommissioningIntegrationTest {

    private static final String GOOD = """
            {"provider":"Victim Support","service":"Kent Victim Care","pathways":["victim-support","domestic-abuse"],
             "districts":["dover","thanet"],"period":{"start":"2030-04-01","end":"2031-03-31"},"valuePence":125000000,
             "targets":[{"measure":"cope-and-recover-share","target":0.8,"amberWithin":0.05},
                        {"measure":"cost-per-victim-supported","target":250}]}""";

    @Test
    void aRegisteredContractIsStoredReadableAndPublished() throws Exception {
        HttpResponse<String> response = post("/api/contracts", GOOD);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode contract = JSON.readTree(response.body());
        String id = contract.path("id").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/contracts/" + id);
        assertThat(contract.path("value").decimalValue()).isEqualByComparingTo("1250000.00");
        assertThat(contract.path("period").path("end").asString()).isEqualTo("2031-03-31");
        assertThat(contract.path("targets").get(1).path("amberWithin").decimalValue()).isZero();
        assertThat(contract.path("status").asString()).isEqualTo("active");
        assertThat(contract.path("history").valueStream().map(h -> h.path("change").asString())).containsExactly("registered");

        assertThat(JSON.readTree(get("/api/contracts/" + id).body()).path("provider").asString()).isEqualTo("Victim Support");
        assertThat(JSON.readTree(get("/api/contracts?district=thanet&pathway=domestic-abuse&status=active").body())
                .valueStream().map(c -> c.path("id").asString())).contains(id);
        assertThat(JSON.readTree(get("/api/contracts?district=ashford").body()).valueStream().map(c -> c.path("id").asString()))
                .doesNotContain(id);

        ConsumerRecord<String, byte[]> event = TopicRecords.awaitRecord(CONTRACT_TOPIC,
                ofType("commissioning.ContractRegistered.v1").and(keyed(id)));
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.path("valuePence").asLong()).isEqualTo(125_000_000);
        assertThat(payload.path("period").path("start").asString()).isEqualTo("2030-04-01");
        assertThat(payload.path("targets").get(0).path("target").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(TopicRecords.header(event, "ce_source")).isEqualTo("/saferkent/commissioning");
    }

    @Test
    void aContractMayShareItsValueByDistrictAndItsCellsTakeTheirShare() throws Exception {
        HttpResponse<String> response = post("/api/contracts", GOOD.replace("\"valuePence\":125000000,",
                "\"valuePence\":125000000,\"districtShares\":{\"dover\":60,\"thanet\":40},"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode contract = JSON.readTree(response.body());
        String id = contract.path("id").asString();
        assertThat(contract.path("districtShares").path("dover").decimalValue()).isEqualByComparingTo("60");
        JsonNode payload = JSON.readTree(TopicRecords.awaitRecord(CONTRACT_TOPIC,
                ofType("commissioning.ContractRegistered.v1").and(keyed(id))).value());
        assertThat(payload.path("districtShares").path("thanet").decimalValue()).isEqualByComparingTo("40");

        String referralId = newId();
        publish(PartnershipEvents.victimCaseOpened("vc-" + referralId, referralId, "dover", "victim-support",
                Instant.parse("2030-05-01T10:00:00Z"), Instant.parse("2030-05-04T10:00:00Z")));
        JsonNode cell = awaitCell(id, "dover", "2030-Q2", count("victimCasesOpened", 1));
        // £1,250,000 over 365 days: April to June (91 days) is 31,164,383.56p, 31,164,384p with its largest remainder;
        // Dover's 60% of it is 18,698,630.4p: the leftover penny goes to Thanet's 12,465,753.6p
        assertThat(cell.path("performance").path("counts").path("valueProRatedPence").asLong()).isEqualTo(18_698_630);

        HttpResponse<String> districtsAlone = post("/api/contracts/" + id + "/variations", """
                {"districts":["dover","thanet","ashford"],"reason":"wider"}""");
        assertThat(districtsAlone.statusCode()).isEqualTo(422);
        assertThat(errorFields(districtsAlone)).containsExactly("districtShares");
        HttpResponse<String> withShares = post("/api/contracts/" + id + "/variations", """
                {"districts":["dover","thanet","ashford"],"districtShares":{"dover":0.5,"thanet":0.25,"ashford":0.25},"reason":"wider"}""");
        assertThat(withShares.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withShares.body()).path("districtShares").path("ashford").decimalValue()).isEqualByComparingTo("0.25");
    }

    @Test
    void variationsAndTheEndAreKeptAsHistoryAndPublished() throws Exception {
        String id = register(GOOD);

        HttpResponse<String> varied = post("/api/contracts/" + id + "/variations", """
                {"value":1300000.50,"districts":["dover","thanet","swale"],"period":{"end":"2031-06-30"},
                 "reason":"Swale added from July"}""");
        assertThat(varied.statusCode()).as(varied.body()).isEqualTo(200);
        JsonNode contract = JSON.readTree(varied.body());
        assertThat(contract.path("valuePence").asLong()).isEqualTo(130_000_050);
        assertThat(contract.path("districts").valueStream().map(JsonNode::asString)).containsExactly("dover", "thanet", "swale");
        assertThat(contract.path("history").get(1).path("reason").asString()).isEqualTo("Swale added from July");
        assertThat(contract.path("history").get(1).path("terms").valueStream().map(t -> t.path("term").asString()))
                .containsExactly("value", "districts", "period.end");

        HttpResponse<String> ended = post("/api/contracts/" + id + "/end", """
                {"endDate":"2030-12-31","reason":"provider withdrew"}""");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        JsonNode endedContract = JSON.readTree(ended.body());
        assertThat(endedContract.path("status").asString()).isEqualTo("ended");
        assertThat(endedContract.path("endedOn").asString()).isEqualTo("2030-12-31");
        assertThat(endedContract.path("history").valueStream().map(h -> h.path("change").asString()))
                .containsExactly("registered", "varied", "ended");
        assertThat(endedContract.path("version").asLong()).isEqualTo(3);

        TopicRecords.awaitRecord(CONTRACT_TOPIC, ofType("commissioning.ContractEnded.v1").and(keyed(id)));
        List<ConsumerRecord<String, byte[]>> events = records(CONTRACT_TOPIC, keyed(id));
        assertThat(events).extracting(r -> TopicRecords.header(r, "ce_type")).containsExactly(
                "commissioning.ContractRegistered.v1", "commissioning.ContractVaried.v1", "commissioning.ContractEnded.v1");
        JsonNode variation = JSON.readTree(events.get(1).value());
        assertThat(variation.path("variation").asInt()).isEqualTo(1);
        assertThat(variation.path("periodEnd").asString()).isEqualTo("2031-06-30");
        assertThat(variation.path("targets").isNull()).as("unchanged terms are null").isTrue();

        HttpResponse<String> again = post("/api/contracts/" + id + "/variations", "{\"valuePence\":1,\"reason\":\"late\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        assertThat(post("/api/contracts/" + id + "/end", "{\"endDate\":\"2030-12-30\",\"reason\":\"again\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void endingAContractTakesAwayItsLaterQuartersFromTheFeeds() throws Exception {
        String id = register(GOOD);
        awaitCell(id, "thanet", "2031-Q1", cell -> true);

        post("/api/contracts/" + id + "/end", "{\"endDate\":\"2030-12-31\",\"reason\":\"re-let\"}");

        Awaitility.await().atMost(WAIT).until(() -> cell(id, "thanet", "2031-Q1").isEmpty());
        JsonNode feed = JSON.readTree(get("/api/commissioning/feed?after=0&limit=1000").body());
        assertThat(feed.path("items").valueStream().filter(e -> e.path("key").asString().equals(id + "|thanet|2031-Q1")))
                .singleElement().satisfies(e -> assertThat(e.path("removed").asBoolean()).isTrue());
        assertThat(cell(id, "thanet", "2030-Q4")).isPresent();
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                bad("{}", 422, "provider", "service", "pathways", "districts", "period", "value"),
                bad("""
                        {"provider":" ","service":"%s","pathways":["victim-support","witchcraft","victim-support"],
                         "districts":["medway"],"period":{"start":"2030-13-01","end":"soon"},"value":-1}""".formatted("s".repeat(201)),
                        422, "provider", "service", "pathways[1]", "pathways[2]", "districts[0]", "period.start", "period.end", "value"),
                bad("""
                        {"provider":"P","service":"S","pathways":["asb-case"],"districts":["dover"],
                         "period":{"start":"2030-04-01","end":"2030-03-31"},"value":10.001}""", 422, "period.end", "value"),
                bad("""
                        {"provider":"P","service":"S","pathways":["asb-case"],"districts":["dover"],
                         "period":{"start":"2030-04-01","end":"2045-03-31"},"value":10,"valuePence":1000}""", 422, "period.end", "valuePence"),
                bad("""
                        {"provider":"P","service":"S","pathways":["asb-case"],"districts":["dover"],
                         "period":{"start":"2030-04-01","end":"2031-03-31"},"value":10,
                         "targets":[{"measure":"happiness","target":1},{"measure":"rj-satisfaction-share","target":85},
                                    {"measure":"rj-satisfaction-share","target":0.85},{"measure":"fte-reduction","amberWithin":-1}]}""",
                        422, "targets[0].measure", "targets[1].target", "targets[2].measure", "targets[3].target", "targets[3].amberWithin"),
                bad("""
                        {"provider":"P","service":"S","pathways":["asb-case"],"districts":["dover","thanet"],
                         "period":{"start":"2030-04-01","end":"2031-03-31"},"value":10,"districtShares":{"dover":0.5,"thanet":0.4}}""",
                        422, "districtShares"),
                bad("""
                        {"provider":"P","service":"S","pathways":["asb-case"],"districts":["dover","thanet"],
                         "period":{"start":"2030-04-01","end":"2031-03-31"},"value":10,"districtShares":{"dover":100}}""",
                        422, "districtShares"),
                bad(null, 422, "$"),
                bad("{\"provider\":", 400),
                bad("{\"provider\":\"P\",\"valuePence\":\"lots\"}", 400, "valuePence"),
                bad("[1,2]", 400));
    }

    @ParameterizedTest(name = "POST /api/contracts {0} -> {1}")
    @MethodSource("badRegistrations")
    void badInputIsAnsweredWithAProblemNamingEachFieldAndStoresAndPublishesNothing(String body, int status, List<String> fields)
            throws Exception {
        long stored = mongo.getCollection("contracts").countDocuments();
        int published = TopicRecords.readAll(CONTRACT_TOPIC).size();

        HttpResponse<String> response = post("/api/contracts", body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        if (!fields.isEmpty()) {
            assertThat(errorFields(response)).containsExactlyInAnyOrderElementsOf(fields);
        }
        assertThat(response.body()).doesNotContain("witchcraft", "medway", "soon", "happiness", "lots", "sssss");
        assertThat(mongo.getCollection("contracts").countDocuments()).isEqualTo(stored);
        assertThat(TopicRecords.readAll(CONTRACT_TOPIC)).hasSize(published);
    }

    @Test
    void badVariationsAndEndsAreRefusedAndChangeNothing() throws Exception {
        String id = register(GOOD);
        TopicRecords.awaitRecord(CONTRACT_TOPIC, ofType("commissioning.ContractRegistered.v1").and(keyed(id)));

        HttpResponse<String> noChange = post("/api/contracts/" + id + "/variations", "{\"reason\":\"nothing\"}");
        HttpResponse<String> badTerms = post("/api/contracts/" + id + "/variations", """
                {"valuePence":-5,"districts":[],"period":{"start":"2030-01-01","end":"never"},"targets":[{"measure":"x","target":1}]}""");
        HttpResponse<String> sameTerms = post("/api/contracts/" + id + "/variations", """
                {"districts":["thanet","dover"],"reason":"reordered"}""");
        HttpResponse<String> endBefore = post("/api/contracts/" + id + "/end", "{\"endDate\":\"2029-01-01\",\"reason\":\"r\"}");
        HttpResponse<String> endBlank = post("/api/contracts/" + id + "/end", "{}");
        HttpResponse<String> unknown = post("/api/contracts/" + newId() + "/end", "{\"endDate\":\"2030-06-01\",\"reason\":\"r\"}");

        assertThat(errorFields(noChange)).containsExactly("$");
        assertThat(errorFields(badTerms)).containsExactlyInAnyOrder("valuePence", "districts", "period.start", "period.end",
                "targets[0].measure", "reason");
        assertThat(sameTerms.statusCode()).isEqualTo(422);
        assertThat(errorFields(sameTerms)).containsExactly("$");
        assertThat(errorFields(endBefore)).containsExactly("endDate");
        assertThat(errorFields(endBlank)).containsExactlyInAnyOrder("endDate", "reason");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/contracts/" + id).body()).path("version").asLong()).isEqualTo(1);
        assertThat(records(CONTRACT_TOPIC, keyed(id))).hasSize(1);
        assertThat(get("/api/contracts?district=atlantis&status=maybe").statusCode()).isEqualTo(422);
    }

    private static Arguments bad(String body, int status, String... fields) {
        return Arguments.of(body, status, List.of(fields));
    }
}
