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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.saferkent.commissioning.CommissioningApplication;
import org.saferkent.ops.OpsMonitorApplication;
import org.saferkent.partnership.PartnershipApplication;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.WireNames;
import org.saferkent.platform.test.Browser;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.IdentityServer;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.referrals.ReferralsApplication;
import org.saferkent.rj.RestorativeJusticeApplication;
import org.saferkent.simulator.fuzz.FuzzOptions;
import org.saferkent.simulator.fuzz.FuzzRun;
import org.saferkent.victims.VictimsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton, end to end: all six services, each its own application context, talking
 * only through the real broker, over real HTTP. A referral posted to referrals opens a victim case
 * and an RJ case and moves commissioning's counts; a poison record reaches ops-monitor. The person
 * walked to commissioning's performance is then erased: neither service can decrypt their details again,
 * commissioning's numbers stand, restorative justice makes the person anonymous, none of their identifying
 * values is on any topic, in any log line of the run or in the commissioner's feeds, and none is left in
 * any collection of any service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class WalkingSkeletonIT {

    /** The person walked from referral to the commissioner's performance, then erased. */
    private record Person(String name, String dateOfBirth, String postcode, String phone, String email, String address) {

        /** Every identifying value, as written and in the other forms a careless line might print it. */
        List<String> identifyingValues() {
            List<String> values = new ArrayList<>(List.of(name, name.toLowerCase(Locale.ROOT), name.substring(name.indexOf(' ') + 1),
                    dateOfBirth, dateOfBirth.replace("-", ""), postcode, postcode.replace(" ", "")));
            if (!phone.isEmpty()) { // the form's person was given no phone, email or address
                values.addAll(List.of(phone, phone.replace(" ", ""), email, address, address.substring(0, address.indexOf(','))));
            }
            return values;
        }
    }

    /** What the outcome walk left behind for the erasure to work on. */
    private record Walked(String referralId, String victimCaseId, String contractId, String quarter) {
    }

    private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
    private static final Person PERSON = new Person("Rowan Shredwell" + TOKEN, "1979-06-30", "ME10 4QZ", "07700 900461",
            "rowan." + TOKEN + "@example.org", "12 Tollgate" + TOKEN + " Lane, Sittingbourne");
    /** The person typed into the referral form by the pages' walk (not erased: held to the same scans). */
    private static final Person FORM_PERSON = new Person("Ash Pagewalker" + TOKEN, "1984-09-12", "TN23 7QQ", "", "", "");
    private static volatile Walked walked;
    /** The walked person's pseudonym, once they were erased. */
    private static volatile String erasedPseudonym;
    /** The captured output of every test method so far (each method's capture ends with it). */
    private static final StringBuilder runOutput = new StringBuilder();

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static String referrals;
    private static String victims;
    private static String rj;
    private static String commissioning;
    private static String opsMonitor;
    private static String partnership;
    /** Records this test made malformed on purpose: not held to the catalogue. */
    private static final Set<String> deliberatelyBroken = ConcurrentHashMap.newKeySet();
    private static String claimCheckUrl = "http://127.0.0.1:8081";
    /** Every service's finished spans: each context exports to it as well (see {@link #start}). */
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    /** Collection scans counted from the moment every service is up: the walk itself must cause none. */
    private static StoreScans.Mark scansAfterStart;

    @BeforeAll
    static void startEveryService() {
        referrals = start(ReferralsApplication::application);
        claimCheckUrl = referrals;
        victims = start(VictimsApplication::application);
        rj = start(RestorativeJusticeApplication::application);
        commissioning = start(CommissioningApplication::application);
        opsMonitor = start(OpsMonitorApplication::application);
        partnership = start(PartnershipApplication::application);
        scansAfterStart = StoreScans.mark("referrals", "victims", "restorative-justice", "commissioning", "ops-monitor",
                "partnership");
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
                 "subject":{"role":"victim","name":"%s","dateOfBirth":"%s","postcode":"%s",
                            "phone":"%s","email":"%s","address":"%s"},
                 "consent":{"given":true,"recordedOn":"2026-11-01","recordedBy":"PC 4411"},
                 "pathways":["victim-support","restorative-justice"]}""".formatted(UUID.randomUUID(), PERSON.name(),
                PERSON.dateOfBirth(), PERSON.postcode(), PERSON.phone(), PERSON.email(), PERSON.address()));
        assertThat(created.statusCode()).isEqualTo(201);
        String referralId = json.readTree(created.body()).get("id").asString();

        String victimCase = awaitJson(victims + "/api/victim-cases?referralId=" + referralId).get("id").asString();
        // the case worker reads the details victims fetched through the claim check (both reads audited)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> details = getAs(victims + "/api/victim-cases/" + victimCase + "/details", "victims-caseworker");
            assertThat(details.statusCode()).isEqualTo(200);
            assertThat(json.readTree(details.body()).path("name").asString()).isEqualTo(PERSON.name());
        });
        walked = new Walked(referralId, victimCase, contractId, quarter);
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
        // the PCC's view: aggregates only, moved by the victims and RJ outcomes; exact in the MoJ return, while the
        // performance the PCC's office is shown suppresses counts from 1 to 4 (disclosure control, audience pcc-office)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode performance = getJson(commissioning + "/api/commissioning/performance?contractId=" + contractId
                    + "&district=swale&quarter=" + quarter);
            assertThat(performance.size()).as(performance.toString()).isEqualTo(1);
            JsonNode shown = performance.get(0).path("performance");
            assertThat(shown.path("counts").path("victimsSupported").isNull()).as(shown.toString()).isTrue();
            assertThat(shown.path("suppressed").path("victimsSupported").asString()).isEqualTo("primary");
            assertThat(mojCount(contractId, "swale", quarter, "victims_supported")).isEqualTo(1);
            assertThat(mojCount(contractId, "swale", quarter, "contacted_within_deadline")).isEqualTo(1);
            assertThat(mojCount(contractId, "swale", quarter, "coped_and_recovered")).isEqualTo(1);
            assertThat(mojCount(contractId, "swale", quarter, "rj_cases_completed")).isEqualTo(1);
            // one referral, counted once however many covered pathways
            assertThat(mojCount(contractId, "swale", quarter, "referrals_routed")).isEqualTo(1);
        });
    }

    /**
     * The partnership: a death notified for a Domestic Homicide Review names its victim, and the name stays in the
     * service, sealed, served only to partnership.personal (audited): the event carries the district and agencies.
     */
    @Test
    @Order(7)
    void aDomesticHomicideReviewIsNotifiedWithTheVictimsNameKeptOffTheBus() throws Exception {
        String victimName = "Skeleton Dhrvictim" + TOKEN;
        HttpResponse<String> notified = postAs(partnership + "/api/partnership/dhrs", "partnership-officer", """
                {"district":"dartford","notifiedOn":"%s","agenciesInvolved":["kent-police"],"victimName":"%s"}"""
                .formatted(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")), victimName));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(201);
        String reviewId = json.readTree(notified.body()).get("id").asString();

        ConsumerRecord<String, byte[]> event = TopicRecords.awaitRecord("partnership.dhr.events",
                TopicRecords.headerEquals(CloudEventHeaders.TYPE, "partnership.DhrNotified.v1").and(r -> reviewId.equals(r.key())));
        assertThat(TopicRecords.value(event)).contains("dartford-and-gravesham").doesNotContain(victimName);
        assertThat(getAs(partnership + "/api/partnership/dhrs/" + reviewId + "/personal-details", "partnership-officer").body())
                .contains(victimName);
    }

    /**
     * The three pages end to end, in a real headless browser against the running services: a Kent Police referrer
     * files a referral through the form and sees its receipt; the victims caseworker finds the case it opened in
     * the queue, records the first contact made and the needs assessment on the case page (support delivered);
     * the PCC analyst sees the referral routed and the victim supported in the contract's district row of the
     * dashboard. The person typed into the form is held to the same scans as the walked person (topics, logs,
     * feeds, stores).
     */
    @Test
    @Order(8)
    void aReferralFiledThroughTheFormIsWorkedFromTheQueueAndCountedOnThePccDashboard() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        String district = "ashford";
        HttpResponse<String> contract = post(commissioning + "/api/contracts", """
                {"provider":"Ashford Pages Victim Care %s","service":"victim support","pathways":["victim-support"],
                 "districts":["%s"],"period":{"start":"%s","end":"%s"},"value":60000,
                 "targets":[{"measure":"contacted-within-deadline-share","target":0.9,"amberWithin":0.1}]}"""
                .formatted(TOKEN, district, today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1)));
        assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
        String contractId = json.readTree(contract.body()).get("id").asString();
        String performanceUrl = commissioning + "/api/commissioning/performance?contractId=" + contractId + "&district=" + district
                + "&quarter=" + quarter;
        long routedBefore = mojCount(contractId, district, quarter, "referrals_routed");
        long supportedBefore = mojCount(contractId, district, quarter, "victims_supported");

        try (Browser chromium = Browser.start()) {
            WebDriver browser = chromium.driver();

            // 1. Kent Police's referrer files the referral through the form and sees its receipt
            chromium.openSignedIn(referrals + "/refer.html", "police-referrer", "SaferKent referral");
            chromium.await().until(ExpectedConditions.textToBe(By.id("agency"), "kent-police"));
            String reference = "KP-PAGES-" + UUID.randomUUID();
            type(browser, "agencyReference", reference);
            new Select(browser.findElement(By.id("district"))).selectByValue(district);
            new Select(browser.findElement(By.id("category"))).selectByValue("burglary");
            new Select(browser.findElement(By.id("subject-role"))).selectByValue("victim");
            type(browser, "subject-name", FORM_PERSON.name());
            setDate(browser, "subject-dob", FORM_PERSON.dateOfBirth());
            type(browser, "subject-postcode", FORM_PERSON.postcode());
            browser.findElement(By.id("consent-given")).click();
            chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-recordedOn")));
            setDate(browser, "consent-recordedOn", today.toString());
            type(browser, "consent-recordedBy", "PC 4411");
            browser.findElement(By.id("pathways-victim-support")).click();
            browser.findElement(By.id("send")).click();
            chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
            String referralId = browser.findElement(By.id("receipt-id")).getText();
            assertThat(referralId).isNotBlank();
            assertThat(browser.findElement(By.id("receipt-summary")).getText()).contains(reference);
            assertThat(browser.findElement(By.id("receipt-pathways")).getText()).contains("victim support");
            chromium.screenshot("walk-1-referral-receipt.png");

            // 2. the victims caseworker finds the case it opened in the queue and works it from the case page
            String caseId = awaitJson(victims + "/api/victim-cases?referralId=" + referralId).get("id").asString();
            chromium.signOutEverywhere();
            chromium.openSignedIn(victims + "/", "caseworker", "SaferKent victims queue");
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-status"), "Showing"));
            new Select(browser.findElement(By.id("district"))).selectByValue(district);
            browser.findElement(By.cssSelector("#queue-filter button[type=submit]")).click();
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-status"),
                    "open cases in " + district));
            By queued = By.cssSelector("#queue tr[data-case-id='" + caseId + "']");
            WebElement row = chromium.await().until(ExpectedConditions.presenceOfElementLocated(queued));
            assertThat(row.getText()).contains("First contact", "burglary");
            assertThat(browser.getPageSource()).as("no personal details on the queue")
                    .doesNotContain(FORM_PERSON.name(), FORM_PERSON.postcode());
            chromium.screenshot("walk-2-victims-queue.png");

            row.findElement(By.cssSelector("a")).click();
            chromium.await().until(ExpectedConditions.textToBe(By.id("case-id"), caseId));
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "opened"));
            assertThat(browser.findElement(By.id("summary")).getText()).contains(district);
            new Select(browser.findElement(By.id("contact-channel"))).selectByValue("phone");
            new Select(browser.findElement(By.id("contact-outcome"))).selectByValue("made");
            browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
            chromium.await().until(ExpectedConditions.textToBe(By.id("work-message"), "Contact recorded."));
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "first contact made"));
            for (WebElement level : browser.findElements(By.cssSelector("#needs-fields select"))) {
                new Select(level).selectByValue("none");
            }
            new Select(browser.findElement(By.id("need-finance-benefits"))).selectByValue("medium");
            browser.findElement(By.cssSelector("#needs-form button[type=submit]")).click();
            chromium.await().until(ExpectedConditions.textToBe(By.id("work-message"), "Needs assessment recorded."));
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "needs assessed"));
            chromium.screenshot("walk-3-victims-case-worked.png");

            // 3. the PCC analyst sees the referral routed and the victim supported in the contract's district row
            // (the figures reach commissioning through the broker: wait for them there, then look)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(mojCount(contractId, district, quarter, "referrals_routed")).isEqualTo(routedBefore + 1);
                assertThat(mojCount(contractId, district, quarter, "victims_supported")).isEqualTo(supportedBefore + 1);
                assertThat(getJson(performanceUrl)).as("the PCC's office is shown the cell").isNotEmpty();
            });
            chromium.signOutEverywhere();
            chromium.openSignedIn(commissioning + "/", "pcc-analyst", "SaferKent PCC performance");
            chromium.await().until(ExpectedConditions.textToBe(By.id("person"), "pcc-analyst"));
            // the contract and quarter to look at, as a link to the dashboard names them (a sign-in drops the fragment)
            browser.get(commissioning + "/#contract=" + contractId + "&quarter=" + quarter);
            By districtRow = By.cssSelector("#performance tr[data-contract='" + contractId + "'][data-district='" + district + "']");
            WebElement figures = chromium.await().until(ExpectedConditions.presenceOfElementLocated(districtRow));
            assertThat(figures.findElement(By.cssSelector("th")).getText()).isEqualTo("Ashford");
            assertThat(figures.findElements(By.cssSelector("td.num"))).extracting(WebElement::getText)
                    .extracting(text -> text.startsWith("fewer than 5") ? "fewer than 5" : text)
                    .containsExactly(shown(routedBefore + 1), shown(supportedBefore + 1));
            assertThat(browser.findElement(By.id("contracts")).getText()).contains("Ashford Pages Victim Care " + TOKEN);
            chromium.screenshot("walk-4-pcc-dashboard.png");
        }
    }

    @Test
    @Order(10)
    void everyRecordPublishedConformsToTheCatalogueAndParsesAsACloudEvent() {
        List<String> topics = List.of("referrals.referral.events", "referrals.subject.events", "victims.case.events", "rj.case.events",
                "partnership.dhr.events", "ops.events");
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

    /**
     * Art. 17 end to end: the data protection officer erases the person walked to the commissioner's
     * performance. Referrals' claim check and victims' details answer 410, the raw documents in both
     * services stay but the data keys that sealed them are gone from each service's {@code subject_keys},
     * the referral and the victim case remain with their anonymous fields, and commissioning's numbers
     * are exactly what they were.
     */
    @Test
    @Order(4)
    void anErasedSubjectCanNoLongerBeReadAnywhereAndTheCommissionersNumbersStand() throws Exception {
        assertThat(walked).as("the outcome walk ran first").isNotNull();
        String performanceUrl = commissioning + "/api/commissioning/performance?contractId=" + walked.contractId()
                + "&district=swale&quarter=" + walked.quarter();
        String countsUrl = commissioning + "/api/commissioning/counts?district=swale";
        JsonNode performanceBefore = getJson(performanceUrl);
        JsonNode countsBefore = getJson(countsUrl);
        List<JsonNode> feedBefore = feedItems();
        assertThat(mojCount(walked.contractId(), "swale", walked.quarter(), "victims_supported")).isEqualTo(1);
        String pseudonym = getJson(referrals + "/api/referrals/" + walked.referralId()).get("subjectPseudonym").asString();
        // restorative justice holds the person too: a participant of the walked RJ case, and a disposal posted with
        // the person's details as the police wrote them, which RJ keys into the pseudonym referrals gave them
        // (issue 17: one secret, one keying) and drops
        String rjCase = rj + "/api/rj-cases/" + getJson(rj + "/api/rj-cases?referralId=" + walked.referralId()).get("id").asString();
        assertThat(getJson(rjCase).get("participants").valueStream().map(p -> p.get("pseudonym").asString())).contains(pseudonym);
        HttpResponse<String> disposal = postAs(rj + "/api/disposals", "agency-kent-police", """
                {"person":{"name":"Mr %s","dateOfBirth":"%s","postcode":"%s"},"offenceCategory":"criminal-damage-arson",
                 "offenceDate":"2026-10-01","disposalType":"court-sentence","disposalDate":"2026-11-02","district":"swale"}"""
                .formatted(PERSON.name().toUpperCase(java.util.Locale.ROOT), PERSON.dateOfBirth(),
                        PERSON.postcode().replace(" ", "").toLowerCase(java.util.Locale.ROOT)));
        assertThat(disposal.statusCode()).as(disposal.body()).isEqualTo(201);
        assertThat(json.readTree(disposal.body()).path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(getJson(rj + "/api/disposals?personPseudonym=" + pseudonym).size()).isEqualTo(1);

        try (MongoClient mongo = MongoClients.create(RealInfrastructure.get().mongoUri())) {
            MongoDatabase referralsStore = mongo.getDatabase("referrals");
            MongoDatabase victimsStore = mongo.getDatabase("victims");
            String referralsKey = sealingKeyOf(referralsStore, "subject_details", walked.referralId());
            String victimsKey = sealingKeyOf(victimsStore, "victim_details", walked.victimCaseId());
            assertThat(wrappedKey(referralsStore, referralsKey)).as("referrals can open its copy before the erasure").isNotNull();
            assertThat(wrappedKey(victimsStore, victimsKey)).as("victims can open its copy before the erasure").isNotNull();

            HttpResponse<String> erased = postAs(referrals + "/api/data-protection/erasures", "dpo", """
                    {"requestReference":"DSR-WALK-1","name":"%s","dateOfBirth":"%s","postcode":"%s"}""".formatted(PERSON.name(), PERSON.dateOfBirth(), PERSON.postcode()));
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
            JsonNode erasure = json.readTree(erased.body());
            assertThat(erasure.path("subjectPseudonym").asString()).isEqualTo(pseudonym);
            assertThat(erasure.path("keysDestroyed").asLong()).isPositive();

            // referrals' copy is shredded before it answers: the claim check says erased, for good
            HttpResponse<String> claimCheck = getAs(referrals + "/api/referrals/" + walked.referralId() + "/subject", "svc-victims");
            assertThat(claimCheck.statusCode()).as(claimCheck.body()).isEqualTo(410);
            assertThat(json.readTree(claimCheck.body()).path("erased").asBoolean()).isTrue();
            // victims hears referrals.SubjectErased.v1 and shreds its own copy
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> details = getAs(victims + "/api/victim-cases/" + walked.victimCaseId() + "/details",
                        "victims-caseworker");
                assertThat(details.statusCode()).as(details.body()).isEqualTo(410);
                assertThat(json.readTree(details.body()).path("erased").asBoolean()).isTrue();
            });

            // the ciphertext stays where it was; the only key that opens it does not
            assertThat(sealingKeyOf(referralsStore, "subject_details", walked.referralId())).isEqualTo(referralsKey);
            assertThat(sealingKeyOf(victimsStore, "victim_details", walked.victimCaseId())).isEqualTo(victimsKey);
            assertThat(wrappedKey(referralsStore, referralsKey)).as("referrals' data key after the erasure").isNull();
            assertThat(wrappedKey(victimsStore, victimsKey)).as("victims' data key after the erasure").isNull();
            assertThat(liveKeysOf(referralsStore, pseudonym)).as("referrals' live keys of the subject").isZero();
            assertThat(liveKeysOf(victimsStore, pseudonym)).as("victims' live keys of the subject").isZero();
        }
        // restorative justice hears it too: the person in the case and their disposals are anonymous
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(getJson(rjCase).get("participants").valueStream().map(p -> p.get("pseudonym").asString()))
                    .doesNotContain(pseudonym).anySatisfy(p -> assertThat(p).startsWith("erased-"));
            assertThat(getJson(rj + "/api/disposals?personPseudonym=" + pseudonym).size()).isZero();
        });
        erasedPseudonym = pseudonym;

        // what stays: the referral and the case, anonymous, and the commissioner's numbers untouched
        JsonNode referral = getJson(referrals + "/api/referrals/" + walked.referralId());
        assertThat(referral.get("status").asString()).isEqualTo("closed");
        assertThat(referral.get("district").asString()).isEqualTo("swale");
        assertThat(referral.get("subjectPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(referral.get("ageBand").asString()).isNotBlank();
        JsonNode victimCase = getJson(victims + "/api/victim-cases/" + walked.victimCaseId());
        assertThat(victimCase.get("referralId").asString()).isEqualTo(walked.referralId());
        assertThat(victimCase.get("district").asString()).isEqualTo("swale");
        assertThat(victimCase.get("outcomes").size()).isEqualTo(1);
        assertThat(getJson(performanceUrl)).isEqualTo(performanceBefore);
        assertThat(getJson(countsUrl)).isEqualTo(countsBefore);
        assertThat(feedItems()).isEqualTo(feedBefore);
    }

    /** The auditor sees who read the person's details during the walk, and which record. */
    @Test
    @Order(5)
    void theAuditorSeesTheReadsOfPersonalDataMadeDuringTheWalk() throws Exception {
        assertThat(walked).as("the outcome walk ran first").isNotNull();
        JsonNode claimChecks = json.readTree(expectOkBody(getAs(referrals + "/api/audit?recordId=" + walked.referralId()
                + "&action=read-personal-data", "auditor")));
        assertThat(claimChecks.valueStream()
                .filter(e -> "svc-victims".equals(e.path("clientId").asString()))
                .filter(e -> "referral-subject".equals(e.path("resource").asString()))
                .filter(e -> "found".equals(e.path("reason").asString()))
                .map(e -> e.path("recordId").asString()))
                .as(claimChecks.toString()).isNotEmpty().containsOnly(walked.referralId());

        JsonNode detailReads = json.readTree(expectOkBody(getAs(victims + "/api/audit?recordId=" + walked.victimCaseId()
                + "&action=read-personal-data", "auditor")));
        assertThat(detailReads.valueStream()
                .filter(e -> "victims-caseworker".equals(e.path("clientId").asString()))
                .filter(e -> "victim-details".equals(e.path("resource").asString()))
                .filter(e -> "found".equals(e.path("reason").asString()))
                .map(e -> e.path("recordId").asString()))
                .as(detailReads.toString()).isNotEmpty().containsOnly(walked.victimCaseId());
        // the attempts made after the erasure (answered 410) are on the trail too
        assertThat(claimChecks.valueStream().filter(e -> "erased".equals(e.path("reason").asString())))
                .as(claimChecks.toString()).isNotEmpty();
        assertThat(detailReads.valueStream().filter(e -> "erased".equals(e.path("reason").asString())))
                .as(detailReads.toString()).isNotEmpty();
        assertNoIdentifyingValue("the audit trail", claimChecks.toString() + detailReads);
        // the trail is for auditors: the case worker who made the reads cannot read it
        assertThat(getAs(victims + "/api/audit", "victims-caseworker").statusCode()).isEqualTo(403);
    }

    /**
     * One trace, with a real broker and store: the agency's request to referrals, each event the outbox relay
     * sends, each consumer in victims, restorative justice and commissioning, the claim check victims makes
     * back to referrals; the agency's correlation id goes along as baggage.
     */
    @Test
    @Order(6)
    void oneTraceFollowsAReferralFromTheAgencyThroughEveryServiceAndTheClaimCheckBack() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String correlationId = "agency-" + UUID.randomUUID();
        String body = """
                {"agency":"kent-police","agencyReference":"%s","district":"canterbury","category":"violent-crime",
                 "subject":{"role":"victim","name":"Traced Person %s","dateOfBirth":"1982-03-04","postcode":"CT1 2XX"},
                 "consent":{"given":true,"recordedOn":"2026-11-01","recordedBy":"PC 4411"},
                 "pathways":["victim-support","restorative-justice"]}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(referrals + "/api/referrals"))
                .header("Authorization", tokenFor(referrals + "/api/referrals", body))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Trace-Id")).contains(traceId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<SpanData> trace = SPANS.getFinishedSpanItems().stream().filter(span -> traceId.equals(span.getTraceId())).toList();
            Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, span -> span));
            assertThat(trace.stream().map(WalkingSkeletonIT::service).collect(Collectors.toSet()))
                    .contains("referrals", "victims", "restorative-justice", "commissioning");
            // each consumer continues the span in which the relay sent the event it handles
            List<SpanData> consumed = trace.stream().filter(span -> span.getKind() == SpanKind.CONSUMER).toList();
            assertThat(consumed.stream().map(WalkingSkeletonIT::service))
                    .contains("victims", "restorative-justice", "commissioning");
            assertThat(consumed).allSatisfy(span -> assertThat(byId.get(span.getParentSpanId()))
                    .as("the producer span of " + span.getName()).isNotNull()
                    .satisfies(parent -> assertThat(parent.getKind()).isEqualTo(SpanKind.PRODUCER)));
            // the claim check: victims' client call, continued by referrals, with the agency's correlation id
            SpanData claimCheck = trace.stream()
                    .filter(span -> service(span).equals("referrals") && span.getKind() == SpanKind.SERVER)
                    .filter(span -> byId.containsKey(span.getParentSpanId()))
                    .filter(span -> service(byId.get(span.getParentSpanId())).equals("victims")
                            && byId.get(span.getParentSpanId()).getKind() == SpanKind.CLIENT)
                    .findFirst().orElse(null);
            assertThat(claimCheck).as("referrals answering victims' claim check in the trace").isNotNull();
            assertThat(claimCheck.getAttributes().get(AttributeKey.stringKey("correlationId"))).isEqualTo(correlationId);
        });
    }

    /**
     * No personal data leaves the two stores: every record on every topic of the broker (key, value,
     * headers), every line the run logged, and what the commissioner and operations are served hold none
     * of the walked person's identifying values.
     */
    @Test
    @Order(20)
    void noIdentifyingValueOfThePersonIsOnAnyTopicInAnyLogLineOrInTheFeeds(CapturedOutput output) throws Exception {
        assertThat(walked).as("the outcome walk ran first").isNotNull();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            topics = admin.listTopics().names().get();
        }
        assertThat(topics).contains("referrals.referral.events", "referrals.subject.events", "victims.case.events",
                "rj.case.events", "commissioning.feed", "ops.events", "referrals.referral.events.victims.dlq");
        int records = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(topic)) {
                StringBuilder text = new StringBuilder(String.valueOf(record.key())).append('\n')
                        .append(String.valueOf(TopicRecords.value(record)));
                for (Header header : record.headers()) {
                    text.append('\n').append(header.key()).append('=')
                            .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                assertNoIdentifyingValue("record " + record.offset() + " on " + topic + " partition " + record.partition(), text);
                records++;
            }
        }
        assertThat(records).isGreaterThan(10);
        assertThat(TopicRecords.readAll("referrals.subject.events")).as("the erasure was announced").isNotEmpty();

        for (JsonNode item : feedItems()) {
            assertNoIdentifyingValue("the commissioning feed", item.toString());
        }
        assertNoIdentifyingValue("commissioning's performance", getJson(commissioning + "/api/commissioning/performance").toString());
        assertNoIdentifyingValue("commissioning's counts", getJson(commissioning + "/api/commissioning/counts?district=swale").toString());
        assertNoIdentifyingValue("the MoJ return", expectOkBody(get(commissioning + "/api/commissioning/returns/moj.csv?quarter="
                + walked.quarter())));
        assertNoIdentifyingValue("the ops events", getJson(opsMonitor + "/api/ops/events?limit=500").toString());
        assertNoIdentifyingValue("the dead letters", getJson(opsMonitor + "/api/ops/dead-letters?limit=500").toString());

        // nor is any in the spans the services recorded (exported over OTLP where configured)
        assertThat(SPANS.getFinishedSpanItems()).isNotEmpty();
        for (SpanData span : SPANS.getFinishedSpanItems()) {
            assertNoIdentifyingValue("span " + span.getName() + " of " + service(span), span.toString());
        }

        String logged = runOutput + output.getAll();
        // the capture holds the services' own lines, the erasure's among them
        assertThat(logged).contains("victims data key(s) destroyed");
        assertNoIdentifyingValue("the run's log output", logged);
    }

    /**
     * Every query the services ran during the walk — intake, duplicates, routing, the cases, their clocks
     * and sweeps, the outbox relays, commissioning's facts and feed, ops-monitor, the erasure — was served
     * by an index they declare: no collection was read whole, so none of it costs more as the data grows.
     * (Embedded store: counted by the store; MongoDB: the profiler's COLLSCAN plans.)
     */
    @Test
    @Order(100)
    void theWalkReadNoCollectionWhole() {
        Map<String, Long> scans = new TreeMap<>(StoreScans.since(scansAfterStart));
        // Read whole on purpose, and bounded by the PCC's portfolio, not by referrals or time: the contracts
        // (tens), each contract's refresh mark, and the performance cells a listing with no filter asks for.
        scans.keySet().removeIf(PORTFOLIO_SIZED.asMatchPredicate());
        assertThat(scans).as("collection scans during the walk, by query shape").isEmpty();
    }

    /**
     * After the erasure, nothing readable of the person is left in any collection of any service: every
     * document of every store (referrals, victims, restorative justice, commissioning, ops-monitor) is read raw
     * and holds none of their identifying values. Restorative justice, commissioning and ops-monitor do not
     * hold even the pseudonym; referrals and victims keep it only where the design keeps it on purpose: the
     * anonymous referral and case and the subject index (safeguarding history), the sealed documents'
     * {@code subject}, and the erasure's own records (key tombstones, erasure times), which answer 410.
     * (Runs after {@link #theWalkReadNoCollectionWhole}: it reads every collection whole.)
     */
    @Test
    @Order(200)
    void nothingReadableOfTheErasedPersonIsLeftInAnyCollectionOfAnyService() {
        assertThat(erasedPseudonym).as("the erasure ran first").isNotNull();
        Map<String, Set<String>> keptOnPurpose = Map.of(
                "referrals", Set.of("referrals", "subjects", "subject_details", "erasures", "subject_keys", "subject_erasures"),
                "victims", Set.of("victim_cases", "victim_details", "subject_keys", "subject_erasures"));
        int documents = 0;
        try (MongoClient mongo = MongoClients.create(RealInfrastructure.get().mongoUri())) {
            for (String database : List.of("referrals", "victims", "restorative-justice", "commissioning", "ops-monitor",
                    "partnership")) {
                MongoDatabase store = mongo.getDatabase(database);
                for (String collection : store.listCollectionNames()) {
                    if (collection.startsWith("system.")) {
                        continue;
                    }
                    for (Document doc : store.getCollection(collection).find()) {
                        String raw = doc.toJson();
                        assertNoIdentifyingValue(database + "." + collection + " " + doc.get("_id"), raw);
                        if (!keptOnPurpose.getOrDefault(database, Set.of()).contains(collection)) {
                            assertThat(raw.contains(erasedPseudonym)).as("%s.%s %s names the erased pseudonym", database, collection,
                                    doc.get("_id")).isFalse();
                        }
                        documents++;
                    }
                }
            }
        }
        assertThat(documents).isGreaterThan(20);
    }

    /**
     * Hostile requests in bulk (the fuzz of tools/simulator, {@code fuzz.sh}): malformed, oversized, wrongly typed and
     * injection-looking requests to every operation of every service's committed OpenAPI document, each with a token that
     * gets it past the access rules. None is answered 5xx, and no collection of any service holds a document more or
     * less afterwards (the audit trail aside: refusals and reads of personal data are recorded by design). Runs last:
     * the walk's own work is done by then, and it counts every collection.
     */
    @Test
    @Order(300)
    void hostileRequestsToEveryOperationAreRefusedWithoutAServerErrorAndStoreNothing() throws Exception {
        FuzzRun.Result result = new FuzzRun(FuzzOptions.parse("--requests", "1000", "--seed", "18", "--concurrency", "4",
                "--base-urls", "referrals=" + referrals + ",victims=" + victims + ",restorative-justice=" + rj + ",commissioning="
                        + commissioning + ",ops-monitor=" + opsMonitor + ",partnership=" + partnership,
                "--issuer", IdentityServer.get().issuerUri(), "--mongo-uri", RealInfrastructure.get().mongoUri(), "--timeout", "30")
                .settings()).run();
        assertThat(result.operations()).as("operations of the six documents").isGreaterThan(100);
        assertThat(result.serverErrors()).as(result.report()).isEmpty();
        assertThat(result.unanswered()).as(result.report()).isEmpty();
        assertThat(result.storeChanges()).as(result.report()).isEmpty();
        assertThat(result.byClass().getOrDefault("4xx", 0L)).as(result.report()).isGreaterThan(850);
    }

    private static final Pattern PORTFOLIO_SIZED = Pattern.compile(
            "commissioning\\.(contracts|performance_contract_marks(_v\\d+)?|performance(_v\\d+)?) .*");

    /** Each test method's captured output, kept for the scan of the whole run's log. */
    @AfterEach
    void keepTheOutput(CapturedOutput output) {
        synchronized (runOutput) {
            runOutput.append(output.getAll());
        }
    }

    private static String start(Supplier<SpringApplication> application) {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        SpringApplication service = application.get();
        // each span as it ends, into the shared exporter (a context that stops does not stop it for the others)
        service.addInitializers(context -> context.getBeanFactory().registerSingleton("walkingSkeletonSpans",
                SimpleSpanProcessor.create(new SpanExporter() {
                    @Override
                    public CompletableResultCode export(java.util.Collection<SpanData> spans) {
                        return SPANS.export(spans);
                    }

                    @Override
                    public CompletableResultCode flush() {
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode shutdown() {
                        return CompletableResultCode.ofSuccess();
                    }
                })));
        ConfigurableApplicationContext context = service.run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                "--spring.cloud.stream.kafka.bindings.deadLetterWatch-in-0.consumer.configuration.metadata.max.age.ms=1000",
                "--saferkent.victims.referrals-base-url=" + claimCheckUrl,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IdentityServer.get().issuerUri(),
                "--saferkent.security.client.token-uri=" + IdentityServer.get().tokenUri(),
                "--saferkent.security.client.local-default-secret=true",
                "--saferkent.development-defaults=true");
        services.add(context);
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static String service(SpanData span) {
        return String.valueOf(span.getResource().getAttribute(AttributeKey.stringKey("service.name")));
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
        if (url.startsWith(referrals + "/")) {
            return body == null ? Tokens.agency("kent-police") : Tokens.agencyNamedIn(body, "kent-police");
        }
        if (url.startsWith(victims + "/")) {
            return Tokens.bearer("victims-caseworker");
        }
        if (url.startsWith(rj + "/")) {
            return Tokens.bearer("rj-practitioner");
        }
        if (url.startsWith(commissioning + "/")) {
            return Tokens.bearer("pcc-office");
        }
        return Tokens.bearer("ops");
    }

    private static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void assertNoIdentifyingValue(String where, CharSequence text) {
        String haystack = text.toString();
        String lower = haystack.toLowerCase(Locale.ROOT);
        for (String value : PERSON.identifyingValues()) {
            assertThat(lower.contains(value.toLowerCase(Locale.ROOT)))
                    .as("%s holds one of the erased person's identifying values (%s)", where,
                            value.length() > 4 ? value.substring(0, 2) + "..." : "...")
                    .isFalse();
        }
        // the person typed into the referral form: their details are sealed in the stores and go nowhere else either
        for (String value : FORM_PERSON.identifyingValues()) {
            assertThat(lower.contains(value.toLowerCase(Locale.ROOT)))
                    .as("%s holds one of the form's person's identifying values (%s)", where,
                            value.length() > 4 ? value.substring(0, 2) + "..." : "...")
                    .isFalse();
        }
    }

    /** The id of the data key that sealed a personal data document's fields, read raw from the store. */
    private static String sealingKeyOf(MongoDatabase store, String collection, String id) {
        Document doc = store.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(doc).as(collection + " " + id).isNotNull();
        Document sealed = doc.get("sealed", Document.class);
        assertThat(sealed).as("sealed fields of " + collection + " " + id).isNotNull();
        assertThat(sealed.keySet()).contains("name", "dateOfBirth", "postcode", "phone", "email", "address");
        assertNoIdentifyingValue("the raw " + collection + " document", doc.toJson());
        Set<String> keys = sealed.values().stream().map(v -> ((String) v).split(":")[1]).collect(Collectors.toSet());
        assertThat(keys).as("every field sealed under one key").hasSize(1);
        return keys.iterator().next();
    }

    /** The data key's wrapped material in the store, or null once it was destroyed. */
    private static String wrappedKey(MongoDatabase store, String keyId) {
        Document key = store.getCollection("subject_keys").find(Filters.eq("_id", keyId)).first();
        return key == null ? null : key.getString("wrapped");
    }

    private static long liveKeysOf(MongoDatabase store, String subject) {
        return store.getCollection("subject_keys").countDocuments(Filters.and(Filters.eq("subject", subject),
                Filters.exists("wrapped")));
    }

    /** Every item of commissioning's HTTP feed, from the start. */
    private static List<JsonNode> feedItems() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String after = "0";
        for (int page = 0; page < 100; page++) {
            JsonNode body = getJson(commissioning + "/api/commissioning/feed?limit=1000&after=" + after);
            body.path("items").valueStream().forEach(items::add);
            if (!body.path("more").asBoolean()) {
                return items;
            }
            after = body.path("next").asString();
        }
        throw new AssertionError("the feed did not end within 100 pages");
    }

    private static String expectOkBody(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> getAs(String url, String clientId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Tokens.bearer(clientId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postAs(String url, String clientId, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", Tokens.bearer(clientId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One count of a contract's performance in a district and quarter, 0 before it has a figure there. */
    /** One count of a cell as the MoJ return gives it: exact (the performance the PCC's office is shown suppresses 1 to 4). */
    private static long mojCount(String contractId, String district, String quarter, String column) throws Exception {
        String[] lines = expectOkBody(get(commissioning + "/api/commissioning/returns/moj.csv?quarter=" + quarter)).split("\r\n");
        List<String> headers = List.of(lines[0].split(",", -1));
        for (int i = 1; i < lines.length; i++) {
            List<String> values = List.of(lines[i].split(",", -1)); // the walk's names have no commas
            if (values.get(headers.indexOf("contract_id")).equals(contractId) && values.get(headers.indexOf("district")).equals(district)) {
                return Long.parseLong(values.get(headers.indexOf(column)));
            }
        }
        return 0;
    }

    /** A count as the PCC dashboard shows it: from 1 to 4 suppressed, in words. */
    private static String shown(long count) {
        return count >= 1 && count <= 4 ? "fewer than 5" : String.valueOf(count);
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** A date input's value as the browser holds it (typing into one depends on the browser's locale). */
    private static void setDate(WebDriver browser, String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", browser.findElement(By.id(id)), isoDate);
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
