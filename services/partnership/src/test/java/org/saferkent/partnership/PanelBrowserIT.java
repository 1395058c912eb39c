package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.partnership.PartnershipApi.ANALYST;
import static org.saferkent.partnership.PartnershipApi.PANEL;
import static org.saferkent.partnership.PartnershipApi.refusedFields;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.Browser;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * The Police and Crime Panel's view: the feed GET /api/partnership/panel (panel.read) keeps the latest commissioning
 * figures per contract × district × quarter and publishes aggregates through disclosure control; the print-friendly
 * page shows them to a signed-in panel member in a real headless browser, a small count as suppressed, with no axe-core
 * violation. The same context as PartnershipIT (same properties).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class PanelBrowserIT {

    private static final String FEED = "commissioning.feed";
    private static final int YEAR = 2017;
    private static final String TITLE = "SaferKent: Police and Crime Panel";

    private static Browser chromium;

    @Value("${local.server.port}")
    private int port;

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
    void thePanelSeesTheLatestCommissioningFiguresWithASmallCountSuppressedOnThePrintablePage() {
        // given the feed: a Dover cell, then an older entry of it (ignored), then a newer one; and a Thanet cell
        String contract = "c-" + UUID.randomUUID();
        feed(contract, "dover", 5, 12, 3);
        feed(contract, "dover", 4, 99, 3);
        feed(contract, "thanet", 7, 20, 9);
        feed(contract, "dover", 8, 14, 3);

        // then the Panel's feed: the latest figures, the small count suppressed and never shown
        PartnershipApi panel = new PartnershipApi(port, PANEL);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode routed = count(panel.getJson("/api/partnership/panel?year=" + YEAR), "referralsRouted");
            assertThat(cell(routed, "dover", 0).path("value").asInt()).isEqualTo(14);
            assertThat(cell(routed, "thanet", 0).path("value").asInt()).isEqualTo(20);
        });
        JsonNode view = panel.getJson("/api/partnership/panel?year=" + YEAR);
        assertThat(view.path("audience").asString()).isEqualTo("police-crime-panel");
        assertThat(count(view, "referralsRouted").path("total").path("value").asInt()).isEqualTo(34);
        JsonNode supported = count(view, "victimsSupported");
        assertThat(cell(supported, "dover", 0).path("suppressed").asString()).isEqualTo("primary");
        assertThat(cell(supported, "dover", 0).has("value") && !cell(supported, "dover", 0).path("value").isNull()).isFalse();
        assertThat(cell(supported, "thanet", 0).path("value").isNull()).as("9 minus the total would reveal Dover's 3").isTrue();
        // every share measure of the framework (first-time entrants, a count against the year before, is not one)
        assertThat(view.path("measures").size()).isEqualTo(5);
        // only the Panel's scope (or none) reads it, and a bad year is refused naming it
        assertThat(new PartnershipApi(port, ANALYST).get("/api/partnership/panel?year=" + YEAR).statusCode()).isEqualTo(403);
        assertThat(refusedFields(panel.get("/api/partnership/panel?year=soon"))).containsExactly("year");

        // when a panel member opens the page
        chromium.openSignedIn("http://127.0.0.1:" + port + "/panel.html?year=" + YEAR, "panel-member", TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("status"), "Figures for " + YEAR + " shown."));

        // then the figures, the small cell shown as suppressed, and no accessibility violation
        String doverSupported = chromium.driver().findElement(
                By.cssSelector("table[data-count=victimsSupported] tr[data-area=dover]")).getText();
        assertThat(doverSupported).contains("suppressed").doesNotContain(" 3");
        assertThat(chromium.driver().findElement(By.cssSelector("table[data-count=referralsRouted] tr[data-area=dover]"))
                .getText()).contains("14");
        assertThat(chromium.driver().findElements(By.cssSelector("table[data-measure]"))).hasSize(5);
        assertThat(chromium.driver().findElement(By.id("who")).getText()).isEqualTo("panel-member");
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA").isEmpty();
        chromium.screenshot("partnership-panel.png");
        chromium.signOutEverywhere();
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
        String key = contract + "|" + district + "|" + YEAR + "-Q1";
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("referralsRouted", routed);
        counts.put("victimsSupported", supported);
        counts.put("contactedWithinDeadline", 10);
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("contractId", contract);
        performance.put("service", "Kent and Medway victim care");
        performance.put("district", district);
        performance.put("quarter", YEAR + "-Q1");
        performance.put("counts", counts);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sequence", sequence);
        payload.put("key", key);
        payload.put("contractId", contract);
        payload.put("district", district);
        payload.put("quarter", YEAR + "-Q1");
        payload.put("removed", false);
        payload.put("performance", performance);
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(FEED, key, PartnershipApi.JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(id, "commissioning.PerformanceSnapshot.v1", "/saferkent/commissioning", key,
                Instant.now(), "it-" + id, id, sequence, "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        TopicRecords.send(record);
    }
}
