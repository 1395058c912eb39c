package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.partnership.PartnershipApi.ANALYST;
import static org.saferkent.partnership.PartnershipApi.OFFICER;
import static org.saferkent.partnership.PartnershipApi.PANEL;
import static org.saferkent.partnership.PartnershipApi.refusedFields;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.Browser;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The Police and Crime Panel's view per financial year: the feed GET /api/partnership/panel?financialYear= (panel.read)
 * keeps the latest commissioning figures per contract × district × quarter and shows them with the framework's
 * measures of that year (first-time entrants and RJ satisfaction among them), every aggregate through disclosure
 * control; the print-friendly page shows them to a signed-in panel member in a real headless browser, the year in the
 * address (through the sign-in, the plain form and Back), a small count as suppressed, with no axe-core violation. The
 * data protection officer erases a Domestic Homicide Review's personal details on dhr-erasure.html under their own
 * name. The same context as PartnershipIT (same properties).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class PanelBrowserIT {

    private static final String FEED = "commissioning.feed";
    private static final String RJ = "rj.case.events";
    private static final String DISPOSALS = "rj.disposal.events";
    /** Financial year 2013-14 (April 2013 to March 2014) and the one before: no other test's years. */
    private static final int YEAR = 2013;
    private static final int YEAR_BEFORE = 2012;
    /** The financial year's first quarter (April to June 2013), as the commissioning feed names it. */
    private static final String QUARTER = YEAR + "-Q2";
    private static final String YOUTH = "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce";
    private static final String TITLE = "SaferKent: Police and Crime Panel";
    private static final String ERASURE_TITLE = "SaferKent: erase a Domestic Homicide Review's personal details";
    private static final String ERASURE_OFFICER = "data-protection-officer";

    private static Browser chromium;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @BeforeAll
    static void startBrowser() {
        chromium = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePanelSeesEachFinancialYearsOwnFiguresWithASmallCountSuppressedOnThePrintablePage() {
        // given the commissioning feed: a Dover cell, then an older entry of it (ignored), then a newer one; a Thanet cell
        String contract = "c-" + UUID.randomUUID();
        feed(contract, "dover", 5, 12, 3);
        feed(contract, "dover", 4, 99, 3);
        feed(contract, "thanet", 7, 20, 9);
        feed(contract, "dover", 8, 14, 3);
        // RJ victims in Dover: in 2012-13 five satisfied and five not (50%); in 2013-14 five satisfied (100%)
        for (int i = 0; i < 5; i++) {
            outcome("dover", true, YEAR_BEFORE + "-08-01T10:00:00Z");
            outcome("dover", false, YEAR_BEFORE + "-09-01T10:00:00Z");
            outcome("dover", true, YEAR + "-08-01T10:00:00Z");
        }
        // first-time entrants: Swale five in 2012-13 (the first in February 2013), six in 2013-14; Dover two in 2013-14
        for (int i = 0; i < 5; i++) {
            entrant("swale", i == 0 ? (YEAR_BEFORE + 1) + "-02-01" : YEAR_BEFORE + "-06-01");
        }
        for (int i = 0; i < 6; i++) {
            entrant("swale", YEAR + "-07-01");
        }
        entrant("dover", YEAR + "-05-01");
        entrant("dover", (YEAR + 1) + "-03-31");

        // then the Panel's feed for 2013-14: the year's own figures, once the consumers have read them all
        PartnershipApi panel = new PartnershipApi(port, PANEL);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode view = panel.getJson("/api/partnership/panel?financialYear=" + YEAR);
            assertThat(cell(count(view, "referralsRouted"), "dover", 0).path("value").asInt()).isEqualTo(14);
            assertThat(cell(count(view, "referralsRouted"), "thanet", 0).path("value").asInt()).isEqualTo(20);
            assertThat(area(measure(view, "rj-satisfaction"), "dover").path("rate").path("percent").asDouble()).isEqualTo(100.0);
            assertThat(area(measure(view, "first-time-entrants"), "dover").path("numerator").path("suppressed").asString())
                    .isEqualTo("primary");
            assertThat(area(measure(panel.getJson("/api/partnership/panel?financialYear=" + YEAR_BEFORE), "rj-satisfaction"),
                    "dover").path("denominator").path("value").asInt()).isEqualTo(10);
        });
        // a cell commissioning then drops (a contract stops covering it, or a rebuild of its projection drops it): counted
        // while it stands, then its tombstone (the compacted topic's null value) takes it out, not dead-lettered
        String dropped = "c-" + UUID.randomUUID();
        feed(dropped, "dover", 1, 100, 3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cell(count(
                panel.getJson("/api/partnership/panel?financialYear=" + YEAR), "referralsRouted"), "dover", 0).path("value").asInt())
                .isEqualTo(114));
        tombstone(dropped, "dover", 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cell(count(
                panel.getJson("/api/partnership/panel?financialYear=" + YEAR), "referralsRouted"), "dover", 0).path("value").asInt())
                .isEqualTo(14));
        JsonNode view = panel.getJson("/api/partnership/panel?financialYear=" + YEAR);
        assertThat(view.path("financialYear").asInt()).isEqualTo(YEAR);
        assertThat(view.path("label").asString()).isEqualTo("2013-14");
        assertThat(view.path("from").asString()).isEqualTo("2013-04-01");
        assertThat(view.path("to").asString()).isEqualTo("2014-03-31");
        assertThat(view.path("audience").asString()).isEqualTo("police-crime-panel");
        // the commissioning figures by the financial year's quarters, April to June first
        JsonNode routed = count(view, "referralsRouted");
        assertThat(routed.path("quarters").valueStream().map(JsonNode::asString))
                .containsExactly("2013-Q2", "2013-Q3", "2013-Q4", "2014-Q1");
        assertThat(routed.path("total").path("value").asInt()).isEqualTo(34);
        JsonNode supported = count(view, "victimsSupported");
        assertThat(cell(supported, "dover", 0).path("suppressed").asString()).isEqualTo("primary");
        assertThat(cell(supported, "dover", 0).path("value").isNull()).isTrue();
        assertThat(cell(supported, "thanet", 0).path("value").isNull()).as("9 minus the total would reveal Dover's 3").isTrue();
        // every measure of the framework, first-time entrants and RJ satisfaction among them
        assertThat(view.path("measures").valueStream().map(m -> m.path("measure").asString())).containsExactlyInAnyOrder(
                "victims-contacted-within-code", "repeat-domestic-abuse-referrals", "rj-completion", "asb-case-reviews",
                "first-time-entrants", "rj-satisfaction");
        // a measure that differs between the two years: each year's own figure
        JsonNode before = panel.getJson("/api/partnership/panel?financialYear=" + YEAR_BEFORE);
        JsonNode satisfied = area(measure(view, "rj-satisfaction"), "dover");
        assertThat(satisfied.path("numerator").path("value").asInt()).isEqualTo(5);
        assertThat(satisfied.path("denominator").path("value").asInt()).isEqualTo(5);
        assertThat(satisfied.path("rag").asString()).isEqualTo("green");
        JsonNode satisfiedBefore = area(measure(before, "rj-satisfaction"), "dover");
        assertThat(satisfiedBefore.path("rate").path("percent").asDouble()).isEqualTo(50.0);
        assertThat(satisfiedBefore.path("rag").asString()).isEqualTo("red");
        // first-time entrants against the year before: Swale's five of 2012-13 shown; Dover's two of 2013-14 suppressed,
        // its rate and RAG with them, and nothing published gives the two away
        JsonNode entrants = measure(view, "first-time-entrants");
        assertThat(entrants.path("kind").asString()).isEqualTo("against-year-before");
        assertThat(entrants.path("higherIsBetter").asBoolean()).isFalse();
        JsonNode dover = area(entrants, "dover");
        assertThat(dover.path("numerator").path("value").isNull()).isTrue();
        assertThat(dover.path("rate").path("suppressed").asString()).isEqualTo("primary");
        assertThat(dover.path("rag").asString()).isEqualTo("suppressed");
        JsonNode swale = area(entrants, "swale");
        JsonNode kent = area(entrants, "kent");
        if (!swale.path("numerator").path("value").isNull() && !kent.path("numerator").path("value").isNull()) {
            assertThat(kent.path("numerator").path("value").asInt() - swale.path("numerator").path("value").asInt())
                    .as("Kent's entrants less Swale's would be Dover's: one of them is suppressed").isNotEqualTo(2);
        }
        assertThat(area(measure(before, "first-time-entrants"), "swale").path("numerator").path("value").asInt()).isEqualTo(5);
        // without a year: the current financial year in the UK
        assertThat(panel.getJson("/api/partnership/panel").path("financialYear").asInt())
                .isEqualTo(KentDate.financialYear(KentDate.today(Clock.systemUTC())));
        // only the Panel's scope reads it; a bad year, or a calendar year as the view once took, is refused naming it
        assertThat(new PartnershipApi(port, ANALYST).get("/api/partnership/panel?financialYear=" + YEAR).statusCode()).isEqualTo(403);
        assertThat(refusedFields(panel.get("/api/partnership/panel?financialYear=soon"))).containsExactly("financialYear");
        assertThat(refusedFields(panel.get("/api/partnership/panel?year=" + YEAR))).containsExactly("year");

        // when a panel member opens the page for 2013-14 (the year in the address, kept through the sign-in)
        chromium.openSignedIn("http://127.0.0.1:" + port + "/panel.html?financialYear=" + YEAR, "panel-member", TITLE);
        awaitShown("2013-14");

        // then that year's figures, the small cells shown as suppressed, and no accessibility violation
        String doverSupported = row("table[data-count=victimsSupported] tr[data-area=dover]");
        assertThat(doverSupported).contains("suppressed").doesNotContain(" 3");
        assertThat(row("table[data-count=referralsRouted] tr[data-area=dover]")).contains("14");
        assertThat(chromium.driver().findElement(By.cssSelector("table[data-count=referralsRouted] thead")).getText())
                .contains("Apr–Jun 2013").contains("Jan–Mar 2014");
        assertThat(chromium.driver().findElements(By.cssSelector("table[data-measure]"))).hasSize(6);
        assertThat(row("table[data-measure=first-time-entrants] tr[data-area=dover]")).contains("suppressed");
        assertThat(row("table[data-measure=rj-satisfaction] tr[data-area=dover]")).contains("100.0%").contains("green");
        assertThat(chromium.driver().findElement(By.id("who")).getText()).isEqualTo("panel-member");
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA").isEmpty();
        chromium.screenshot("partnership-panel.png");

        // when the year picker's form is sent as it is without the script (a plain GET: submit() fires no handler)
        WebElement year = chromium.driver().findElement(By.id("financialYear"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR_BEFORE));
        ((JavascriptExecutor) chromium.driver()).executeScript("document.getElementById('year-form').submit();");

        // then the page of 2012-13, by its address
        chromium.await().until(ExpectedConditions.urlContains("financialYear=" + YEAR_BEFORE));
        awaitShown("2012-13");
        assertThat(row("table[data-measure=rj-satisfaction] tr[data-area=dover]")).contains("50.0%").contains("red");
        assertThat(row("table[data-measure=first-time-entrants] tr[data-area=swale]")).contains("5");

        // when the script's Show picks 2013-14 again, then its figures under its own address; Back returns to 2012-13
        year = chromium.driver().findElement(By.id("financialYear"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR));
        chromium.driver().findElement(By.cssSelector("#year-form button[type=submit]")).click();
        awaitShown("2013-14");
        assertThat(chromium.driver().getCurrentUrl()).endsWith("?financialYear=" + YEAR);
        assertThat(row("table[data-measure=rj-satisfaction] tr[data-area=dover]")).contains("100.0%");
        chromium.driver().navigate().back();
        awaitShown("2012-13");
        assertThat(chromium.driver().getCurrentUrl()).endsWith("?financialYear=" + YEAR_BEFORE);
        assertThat(chromium.driver().findElement(By.id("financialYear")).getDomProperty("value")).isEqualTo(String.valueOf(YEAR_BEFORE));
        assertThat(row("table[data-measure=rj-satisfaction] tr[data-area=dover]")).contains("50.0%");
        chromium.signOutEverywhere();
    }

    @Test
    void theDataProtectionOfficerErasesAReviewsPersonalDetailsOnThePageUnderTheirOwnName() {
        // given a review notified with the victim's name
        String victim = "Rowan Erasepage-Example";
        PartnershipApi officer = new PartnershipApi(port, OFFICER);
        String id = officer.postExpecting(201, "/api/partnership/dhrs", Map.of("district", "dover",
                "notifiedOn", KentDate.today(Clock.systemUTC()).toString(), "agenciesInvolved", List.of("kent-police"),
                "victimName", victim)).path("id").asString();
        assertThat(officer.getJson("/api/partnership/dhrs/" + id + "/personal-details").path("victimName").asString())
                .isEqualTo(victim);

        // when the data protection officer signs in, gives the review's id but no request reference, and confirms:
        // refused beside the reference (linked to it), and nothing is erased
        chromium.signOutEverywhere();
        chromium.openSignedIn("http://127.0.0.1:" + port + "/dhr-erasure.html", ERASURE_OFFICER, ERASURE_TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("who"), ERASURE_OFFICER));
        chromium.driver().findElement(By.id("reviewId")).sendKeys(id);
        chromium.driver().findElement(By.id("erase")).click();
        assertThat(chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-text"))).getText())
                .contains(id, "cannot be undone", "your name");
        chromium.driver().findElement(By.id("confirm-erase")).click();
        WebElement problem = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='requestReference'] .field-error")));
        assertThat(problem.getText()).contains("is required");
        WebElement referenceInput = chromium.driver().findElement(By.id("requestReference"));
        assertThat(referenceInput.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(referenceInput.getAttribute("aria-describedby")).isEqualTo(problem.getAttribute("id"));
        assertThat(chromium.driver().findElements(By.cssSelector("[data-field='reviewId'] .field-error"))).isEmpty();
        assertThat(officer.get("/api/partnership/dhrs/" + id + "/personal-details").statusCode()).as("nothing erased")
                .isEqualTo(200);

        // when they give the request's reference too and confirm
        String reference = "DSR-2026-" + UUID.randomUUID().toString().substring(0, 8);
        referenceInput.sendKeys(reference);
        chromium.driver().findElement(By.id("erase")).click();
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-erase"))).click();

        // then the answer: the review, one key destroyed, when, the reference and the officer's own name; focus on it;
        // axe clean
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertThat(chromium.driver().findElement(By.id("answer-review")).getText()).isEqualTo(id);
        assertThat(chromium.driver().findElement(By.id("answer-keys")).getText()).isEqualTo("1");
        assertThat(chromium.driver().findElement(By.id("answer-at")).getText()).isNotBlank();
        assertThat(chromium.driver().findElement(By.id("answer-by")).getText()).isEqualTo(ERASURE_OFFICER);
        assertThat(chromium.driver().findElement(By.id("answer-reference")).getText()).isEqualTo(reference);
        assertThat(chromium.driver().findElement(By.id("answer-note")).getText()).contains(reference, ERASURE_OFFICER);
        assertThat(chromium.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("answer-h");
        assertThat(chromium.driver().getPageSource()).doesNotContain("Erasepage");
        assertThat(chromium.accessibilityViolations()).as("axe-core on the answer").isEmpty();
        chromium.screenshot("partnership-dhr-erasure.png");

        // and the name is gone for good, the review kept, and the audit trail names the person, not a client
        assertThat(officer.get("/api/partnership/dhrs/" + id + "/personal-details").statusCode()).isEqualTo(410);
        assertThat(officer.get("/api/partnership/dhrs/" + id).statusCode()).isEqualTo(200);
        Document audited = mongo.getCollection("audit_trail").find(new Document("recordId", id)
                .append("action", "erase-personal-data")).first();
        assertThat(audited).as("the erasure on the audit trail").isNotNull();
        assertThat(audited.getString("subject")).isEqualTo(ERASURE_OFFICER);
        assertThat(audited.getString("clientId")).isNotEqualTo("dpo");
        assertThat(audited.getString("resource")).isEqualTo("dhr-personal-details");
        assertThat(audited.getString("reason")).contains("request " + reference);
        chromium.signOutEverywhere();
    }

    private static void awaitShown(String label) {
        chromium.await().until(ExpectedConditions.textToBe(By.id("status"), "Figures for " + label + " shown."));
    }

    private static String row(String css) {
        return chromium.driver().findElement(By.cssSelector(css)).getText();
    }

    private static JsonNode measure(JsonNode view, String code) {
        for (JsonNode table : view.path("measures")) {
            if (table.path("measure").asString().equals(code)) {
                return table;
            }
        }
        throw new AssertionError("no " + code + " in " + view);
    }

    private static JsonNode area(JsonNode measure, String area) {
        for (JsonNode row : measure.path("areas")) {
            if (row.path("area").asString().equals(area)) {
                return row;
            }
        }
        throw new AssertionError("no " + area + " in " + measure);
    }

    private static JsonNode count(JsonNode view, String name) {
        for (JsonNode table : view.path("commissioning")) {
            if (table.path("count").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no " + name + " in " + view);
    }

    private static JsonNode cell(JsonNode table, String district, int quarter) {
        for (JsonNode row : table.path("rows")) {
            if (row.path("district").asString().equals(district)) {
                return row.path("quarters").get(quarter);
            }
        }
        throw new AssertionError("no " + district);
    }

    private static void feed(String contract, String district, long sequence, int routed, int supported) {
        String key = contract + "|" + district + "|" + QUARTER;
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("referralsRouted", routed);
        counts.put("victimsSupported", supported);
        counts.put("contactedWithinDeadline", 10);
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("contractId", contract);
        performance.put("service", "Kent and Medway victim care");
        performance.put("district", district);
        performance.put("quarter", QUARTER);
        performance.put("counts", counts);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sequence", sequence);
        payload.put("key", key);
        payload.put("contractId", contract);
        payload.put("district", district);
        payload.put("quarter", QUARTER);
        payload.put("removed", false);
        payload.put("performance", performance);
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(FEED, key, PartnershipApi.JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(id, "commissioning.PerformanceSnapshot.v1", "/saferkent/commissioning", key,
                Instant.now(), "it-" + id, id, sequence, "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        TopicRecords.send(record);
    }

    /** A removed cell as commissioning publishes it: the snapshot's headers, the key, no value. */
    private static void tombstone(String contract, String district, long sequence) {
        String key = contract + "|" + district + "|" + QUARTER;
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(FEED, key, null);
        CloudEventHeaders.write(new EventMetadata(id, "commissioning.PerformanceSnapshot.v1", "/saferkent/commissioning", key,
                Instant.now(), id, id, sequence, null), record.headers());
        TopicRecords.send(record);
    }

    /** rj.RjOutcomeRecorded.v1 as RJ's schema has it: a case's outcome, the victim satisfied or not. */
    private static void outcome(String district, boolean satisfied, String recordedAt) {
        String caseId = "pfy-rj-" + UUID.randomUUID();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseId", caseId);
        p.put("referralId", null);
        p.put("district", district);
        p.put("category", null);
        p.put("type", "direct-conference");
        p.put("restorative", true);
        p.put("offenderTakesResponsibility", true);
        p.put("victimOrAffectedPartyInvolved", true);
        p.put("structuredProcess", true);
        p.put("reparation", true);
        p.put("result", "completed");
        p.put("apology", true);
        p.put("reparationType", "none");
        p.put("reparationHours", null);
        p.put("victimSatisfaction", satisfied ? 5 : 2);
        p.put("victimSatisfied", satisfied);
        p.put("wouldRecommend", null);
        p.put("recordedAt", recordedAt);
        send(RJ, caseId, "rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", p);
    }

    /** rj.FirstTimeEntrantRecorded.v1 as RJ's schema has it: one young person's first disposal. */
    private static void entrant(String district, String date) {
        java.time.LocalDate on = java.time.LocalDate.parse(date);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("personPseudonym", YOUTH);
        p.put("disposalId", "pfy-fte-" + UUID.randomUUID());
        p.put("district", district);
        p.put("quarter", on.getYear() + "-Q" + ((on.getMonthValue() - 1) / 3 + 1));
        p.put("disposalType", "youth-caution");
        p.put("disposalDate", date);
        p.put("ageAtDisposal", 15);
        p.put("supersedesDisposalId", null);
        p.put("recordedAt", Instant.now().toString());
        send(DISPOSALS, YOUTH, "rj.FirstTimeEntrantRecorded.v1", "/saferkent/restorative-justice", p);
    }

    private static void send(String topic, String key, String type, String source, Map<String, Object> payload) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, PartnershipApi.JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(id, type, source, key, Instant.now(), "it-" + id, id, 1,
                "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        TopicRecords.send(record);
    }
}
