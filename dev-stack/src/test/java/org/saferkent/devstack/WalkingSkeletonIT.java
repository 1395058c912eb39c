package org.saferkent.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.saferkent.commissioning.CommissioningApplication;
import org.saferkent.ops.OpsMonitorApplication;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.WireNames;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.IdentityServer;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.referrals.ReferralsApplication;
import org.saferkent.rj.RestorativeJusticeApplication;
import org.saferkent.victims.VictimsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton, end to end: all five services, each its own application context, talking
 * only through the real broker, over real HTTP. A referral posted to referrals opens a victim case
 * and an RJ case and moves commissioning's counts; a poison record reaches ops-monitor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static String referrals;
    private static String victims;
    private static String rj;
    private static String commissioning;
    private static String opsMonitor;
    /** Records this test made malformed on purpose: not held to the catalogue. */
    private static final Set<String> deliberatelyBroken = ConcurrentHashMap.newKeySet();
    private static String claimCheckUrl = "http://127.0.0.1:8081";

    @BeforeAll
    static void startEveryService() {
        referrals = start(ReferralsApplication::application);
        claimCheckUrl = referrals;
        victims = start(VictimsApplication::application);
        rj = start(RestorativeJusticeApplication::application);
        commissioning = start(CommissioningApplication::application);
        opsMonitor = start(OpsMonitorApplication::application);
    }

    @AfterAll
    static void stopEveryService() {
        services.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    @Order(1)
    void aReferralOpensCasesInVictimsAndRestorativeJusticeAndIsCountedOnceByCommissioning() throws Exception {
        String district = "thanet";
        long routedBefore = count(district, "victim-support", "referralsRouted");

        HttpResponse<String> created = post(referrals + "/api/referrals", """
                {"agency":"kent-police","agencyReference":"%s","district":"%s","category":"violent-crime",
                 "subject":{"role":"victim","name":"Walking Skeleton %s","dateOfBirth":"1985-04-02","postcode":"CT9 1XX"},
                 "consent":{"given":true,"recordedOn":"2026-11-01","recordedBy":"PC 4411"},
                 "pathways":["victim-support","restorative-justice"]}""".formatted(UUID.randomUUID(), district, UUID.randomUUID()));
        assertThat(created.statusCode()).isEqualTo(201);
        String referralId = json.readTree(created.body()).get("id").asString();

        JsonNode victimCase = awaitJson(victims + "/api/victim-cases?referralId=" + referralId);
        assertThat(victimCase.get("district").asString()).isEqualTo(district);
        assertThat(victimCase.get("status").asString()).isEqualTo("OPEN");
        JsonNode rjCase = awaitJson(rj + "/api/rj-cases?referralId=" + referralId);
        assertThat(rjCase.get("district").asString()).isEqualTo(district);

        // the cases' events come back to referrals: the referral is accepted by both services
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode referral = getJson(referrals + "/api/referrals/" + referralId);
            assertThat(referral.get("status").asString()).isEqualTo("accepted");
            assertThat(referral.get("pathways").valueStream().map(p -> p.get("status").asString())).containsOnly("accepted");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count(district, "victim-support", "referralsRouted")).isEqualTo(routedBefore + 1);
            assertThat(count(district, "victim-support", "casesOpened")).isEqualTo(count(district, "victim-support", "referralsRouted"));
            assertThat(count(district, "restorative-justice", "casesOpened")).isPositive();
        });
    }

    @Test
    @Order(2)
    void aPoisonRecordShowsUpInOpsMonitorWithItsReasonAndTheFlowGoesOn() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        deliberatelyBroken.add(poisonId);
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>("referrals.referral.events", "poison",
                "{\"referralId\":".getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(poisonId, "referrals.ReferralRouted.v1", "/saferkent/referrals", "poison",
                Instant.now(), poisonId, poisonId, 1, null), poison.headers());
        TopicRecords.send(poison);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode deadLetters = getJson(opsMonitor + "/api/ops/dead-letters?limit=500");
            assertThat(deadLetters.valueStream()
                    .filter(d -> poisonId.equals(d.path("eventId").asString()))
                    .filter(d -> "referrals.referral.events.victims.dlq".equals(d.path("topic").asString()))
                    .map(d -> d.path("reason").asString()))
                    .containsExactly("malformed JSON (line 1, column 15)");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode events = getJson(opsMonitor + "/api/ops/events?type=ops.DeadLetterRecorded.v1&limit=500");
            assertThat(events.valueStream().map(e -> e.path("data").path("eventId").asString())).contains(poisonId);
        });

        HttpResponse<String> next = post(referrals + "/api/referrals", """
                {"agency":"victim-support","district":"dover","category":"burglary","pathway":"victim-support",
                 "subject":{"role":"victim","name":"Next In Line %s","dateOfBirth":"1990-01-01"},
                 "consent":{"given":false,"override":{"basis":"safeguarding","reason":"risk to life"}}}""".formatted(UUID.randomUUID()));
        String referralId = json.readTree(next.body()).get("id").asString();
        awaitJson(victims + "/api/victim-cases?referralId=" + referralId);
    }

    /**
     * External conformance: every record the services published during this run parses with the
     * official CloudEvents SDK (binary mode), has a registered wire name, and matches its schema in
     * contracts/schemas.
     */
    /**
     * The work done on the cases flows back: the victim is contacted, assessed and helped to cope and
     * recover; the RJ case is consented, risk-assessed, conferenced and completed against the ACPO
     * standards. Both close, and the referral closes with them.
     */
    @Test
    @Order(3)
    void outcomesOfTheCasesCloseTheReferralAndReachTheCommissioner() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        HttpResponse<String> contract = post(commissioning + "/api/contracts", """
                {"provider":"Swale Victim Care","service":"victim support and RJ","pathways":["victim-support","restorative-justice"],
                 "districts":["swale"],"period":{"start":"%s","end":"%s"},"value":120000,
                 "targets":[{"measure":"cope-and-recover-share","target":0.8,"amberWithin":0.1}]}"""
                .formatted(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1)));
        assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
        String contractId = json.readTree(contract.body()).get("id").asString();

        HttpResponse<String> created = post(referrals + "/api/referrals", """
                {"agency":"kent-police","agencyReference":"%s","district":"swale","category":"criminal-damage-arson",
                 "subject":{"role":"victim","name":"Outcome Flow %s","dateOfBirth":"1979-06-30","postcode":"ME10 4XX"},
                 "consent":{"given":true,"recordedOn":"2026-11-01","recordedBy":"PC 4411"},
                 "pathways":["victim-support","restorative-justice"]}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(created.statusCode()).isEqualTo(201);
        String referralId = json.readTree(created.body()).get("id").asString();

        String victimCase = awaitJson(victims + "/api/victim-cases?referralId=" + referralId).get("id").asString();
        String cases = victims + "/api/victim-cases/" + victimCase;
        expectOk(post(cases + "/contacts", """
                {"channel":"phone","outcome":"made"}"""));
        expectOk(post(cases + "/needs-assessments", """
                {"needs":{"mental-physical-health":"medium","shelter-accommodation":"none","family-friends-children":"none",
                 "education-skills-employment":"none","drugs-alcohol":"none","finance-benefits":"low",
                 "outlook-attitudes":"none","social-interaction":"none"}}"""));
        expectOk(post(cases + "/outcomes", """
                {"needs":{"mental-physical-health":"improved","finance-benefits":"sustained"},"copeAndRecover":true}"""));
        expectOk(post(cases + "/closure", """
                {"reason":"completed"}"""));

        String rjCase = awaitJson(rj + "/api/rj-cases?referralId=" + referralId).get("id").asString();
        String rjCases = rj + "/api/rj-cases/" + rjCase;
        participant(rjCases, "offender", 34); // the referred victim is a participant already
        for (String pid : getJson(rjCases).get("participants").valueStream().map(p -> p.get("id").asString()).toList()) {
            expectOk(post(rjCases + "/participants/" + pid + "/consent", """
                    {"written":true,"informed":true,"recordedOn":"%s"}""".formatted(today.toString())));
        }
        expectOk(post(rjCases + "/risk-assessment", """
                {"level":"low","assessedBy":"RJ practitioner 7"}"""));
        expectOk(post(rjCases + "/facilitator", """
                {"facilitator":"facilitator-12"}"""));
        expectOk(post(rjCases + "/conference", """
                {"type":"direct-conference","scheduledFor":"%s"}""".formatted(today)));
        expectOk(post(rjCases + "/conference/held", """
                {"heldOn":"%s"}""".formatted(today)));
        expectOk(post(rjCases + "/outcome", """
                {"acpo":{"offenderTakesResponsibility":true,"victimOrAffectedPartyInvolved":true,"structuredProcess":true,
                 "reparation":true},"agreement":{"apology":true,"reparationType":"community","reparationHours":10},
                 "result":"completed","victimSatisfaction":5,"wouldRecommend":true}"""));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode referral = getJson(referrals + "/api/referrals/" + referralId);
            assertThat(referral.get("pathways").valueStream().map(p -> p.get("status").asString())).containsOnly("closed");
            assertThat(referral.get("status").asString()).isEqualTo("closed");
        });
        // the PCC's view: aggregates only, moved by the victims and RJ outcomes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode performance = getJson(commissioning + "/api/commissioning/performance?contractId=" + contractId
                    + "&district=swale&quarter=" + quarter);
            assertThat(performance.size()).as(performance.toString()).isEqualTo(1);
            JsonNode counts = performance.get(0).path("performance").path("counts");
            assertThat(counts.path("victimsSupported").asLong()).as(counts.toString()).isEqualTo(1);
            assertThat(counts.path("contactedWithinDeadline").asLong()).isEqualTo(1);
            assertThat(counts.path("copedAndRecovered").asLong()).isEqualTo(1);
            assertThat(counts.path("rjCasesCompleted").asLong()).isEqualTo(1);
            assertThat(counts.path("referralsRouted").asLong()).isEqualTo(1); // one referral, counted once however many covered pathways
        });
    }

    @Test
    @Order(10)
    void everyRecordPublishedConformsToTheCatalogueAndParsesAsACloudEvent() {
        List<String> topics = List.of("referrals.referral.events", "referrals.subject.events", "victims.case.events", "rj.case.events",
                "ops.events");
        int checked = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(topic)) {
                String id = TopicRecords.header(record, CloudEventHeaders.ID);
                if (deliberatelyBroken.contains(id)) {
                    continue;
                }
                CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
                assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
                assertThat(WireNames.isWellFormed(event.getType())).as(event.getType()).isTrue();
                assertThat(event.getSource().toString()).startsWith("/saferkent/");
                assertThat(event.getExtension("correlationid")).isNotNull();
                assertThat(EventCatalogue.violations(record)).as(topic + " " + event.getType()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    private static String start(Supplier<SpringApplication> application) {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        ConfigurableApplicationContext context = application.get().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                "--saferkent.ops.topic-discovery-interval=1s",
                "--saferkent.victims.referrals-base-url=" + claimCheckUrl,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IdentityServer.get().issuerUri(),
                "--saferkent.security.client.token-uri=" + IdentityServer.get().tokenUri(),
                "--saferkent.security.client.local-default-secret=true");
        services.add(context);
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static String participant(String rjCase, String role, int age) throws Exception {
        String pseudonym = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> added = post(rjCase + "/participants", """
                {"role":"%s","pseudonym":"%s","age":%d}""".formatted(role, pseudonym, age));
        assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
        return json.readTree(added.body()).get("participants").valueStream()
                .filter(p -> pseudonym.equals(p.get("pseudonym").asString())).findFirst().orElseThrow().get("id").asString();
    }

    /** Each service is called as the people or systems it serves: the agency, case workers, practitioners, the PCC. */
    private static String tokenFor(String url, String body) {
        if (url.startsWith(referrals)) {
            return body == null ? Tokens.agency("kent-police") : Tokens.agencyNamedIn(body, "kent-police");
        }
        if (url.startsWith(victims)) {
            return Tokens.bearer("victims-caseworker");
        }
        if (url.startsWith(rj)) {
            return Tokens.bearer("rj-practitioner");
        }
        if (url.startsWith(commissioning)) {
            return Tokens.bearer("pcc-office");
        }
        return Tokens.bearer("ops");
    }

    private static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long count(String district, String pathway, String field) throws Exception {
        JsonNode counts = getJson(commissioning + "/api/commissioning/counts?district=" + district);
        return counts.valueStream().filter(c -> pathway.equals(c.path("pathway").asString()))
                .mapToLong(c -> c.path(field).asLong()).sum();
    }

    private static JsonNode awaitJson(String url) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = get(url);
            if (response.statusCode() == 200) {
                found.add(json.readTree(response.body()));
                return true;
            }
            return false;
        });
        return found.get(0);
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", tokenFor(url, null)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", tokenFor(url, body))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
