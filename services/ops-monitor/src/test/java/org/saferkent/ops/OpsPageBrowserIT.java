package org.saferkent.ops;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.service.security.AuditEntry;
import org.saferkent.platform.service.security.AuditQuery;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.saferkent.platform.test.Browser;
import org.saferkent.platform.test.IdentityServer;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operations page in a real headless browser (Debian's chromium and chromium-driver, never a
 * downloaded one): it loads, shows a live event the moment it is published, and leads to a dead
 * letter's masked detail, where it can be parked; it lists the services' consumer bindings and pauses
 * and resumes one after a confirmation, as the person signed in. Skipped outside CI when chromium is not installed.
 */
@OpsMonitorTest
class OpsPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WIDGETS = "widgetSubscription-in-0";

    private static Browser chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    OpsEvents ops;
    @Autowired
    PersonalDataAudit audit;

    @BeforeAll
    static void startBrowser() {
        chromium = Browser.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePageShowsALiveEventAndLeadsToADeadLettersMaskedDetail() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        openSignedIn(wait);
        wait.until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA").isEmpty();

        // a live event, published while the page is open, is rendered without reloading
        String subject = "vc-" + UUID.randomUUID();
        ops.publish(subject, new SlaBreached("victims", "victims-code-first-contact", "victim-case", subject, "thanet",
                Instant.now().minusSeconds(60), Instant.now()));
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ol[@id='feed']/li[@data-kind='SlaBreached'][contains(., '" + subject + "')]")));
        assertThat(item.getText()).contains("SlaBreached", "victims");
        // ... and the breach reaches its card through the picture the event refreshed
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("breaches"), subject));

        // a dead letter appears in its card, and its link leads to the detail, personal data masked
        String eventId = UUID.randomUUID().toString();
        String reason = "payload does not fit the event at field 'pathways' (browser " + eventId.substring(0, 8) + ")";
        TopicRecords.send(OpsFixtures.deadLetter("referrals.referral.events.victims.dlq", "referrals.referral.events", eventId,
                reason, "{\"referralId\":\"r-77\",\"pathways\":7,\"subject\":{\"name\":\"Alex Example\",\"postcode\":\"ME14 1XX\"}}"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"), reason));
        // the list is redrawn when the picture changes: find and click in one step, again if it was redrawn meanwhile
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            for (WebElement li : driver.findElements(By.cssSelector("#dead-letters li"))) {
                if (li.getText().contains(reason)) {
                    li.findElement(By.cssSelector("a.dl-link")).click();
                    return true;
                }
            }
            return false;
        });

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-summary"), reason));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-payload"), "r-77"));
        String payload = browser.findElement(By.id("detail-payload")).getText();
        // shown: the fields the event type's allow-list names; masked: everything else, a malformed field included
        assertThat(payload).contains("\"referralId\": \"r-77\"", "\"pathways\": \"***\"", "\"name\": \"***\"",
                "\"postcode\": \"***\"");
        assertThat(browser.getPageSource()).doesNotContain("Alex Example", "ME14 1XX");
        assertThat(browser.findElement(By.id("detail-headers")).getText()).contains("x-dlq-reason", eventId);
        assertThat(browser.findElement(By.id("overview")).isDisplayed()).isFalse();

        // parked from the page by the signed-in person, and the audit names them
        browser.findElement(By.id("detail-note")).sendKeys("supplier test data");
        browser.findElement(By.id("detail-park")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-audit"), "PARK DONE"));
        assertThat(browser.findElement(By.id("detail-audit")).getText()).contains("by operator", "supplier test data");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-summary"), "PARKED"));
        screenshot("ops-page-dead-letter.png");

        browser.findElement(By.id("detail-back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview")));
        screenshot("ops-page-overview.png");
    }

    @Test
    void thePageListsTheBindingsAndPausesAndResumesOneAfterAConfirmationAsThePersonSignedIn() throws IOException {
        Instant began = Instant.now();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        try {
            openSignedIn(wait);
            By widgets = By.cssSelector("#bindings tr[data-binding='ops-monitor/" + WIDGETS + "']");
            By widgetsState = By.cssSelector("#bindings tr[data-binding='ops-monitor/" + WIDGETS + "'] td.binding-state");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(widgetsState, "running"));
            assertThat(browser.findElement(widgets).getText()).contains("ops-monitor", TestWidgets.TOPIC);
            // a service that does not answer is a row saying so, the others are listed all the same
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#bindings tr[data-service='nowhere']"), "unreachable"));
            assertThat(browser.findElements(By.cssSelector("#bindings-card thead th[scope=col]"))).extracting(WebElement::getText)
                    .containsExactly("service", "binding", "topic", "group", "state", "action");

            // asked to pause, the person cancels (Escape): nothing changes, focus is back on the button
            WebElement pause = browser.findElement(widgets).findElement(By.cssSelector("button.binding-action"));
            assertThat(pause.getAccessibleName()).isEqualTo("Pause " + WIDGETS + " on ops-monitor");
            pause.click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("binding-dialog")));
            assertThat(dialog.getText()).contains("Pause this consumer?", WIDGETS + " on ops-monitor will stop reading its topic");
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("binding-cancel");
            browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("binding-dialog")));
            assertThat(browser.switchTo().activeElement().getAttribute("data-binding")).isEqualTo(WIDGETS);
            assertThat(actuatorState()).isEqualTo("running");

            // confirmed: paused, under the signed-in person's own identity
            browser.switchTo().activeElement().click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("binding-dialog")));
            browser.findElement(By.id("binding-confirm")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(widgetsState, "paused"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bindings-message"), WIDGETS + " on ops-monitor is paused"));
            assertThat(actuatorState()).isEqualTo("paused");
            assertThat(browser.switchTo().activeElement().getAccessibleName()).isEqualTo("Resume " + WIDGETS + " on ops-monitor");
            screenshot("ops-page-bindings-paused.png");

            browser.switchTo().activeElement().click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("binding-dialog-h"), "Resume this consumer?"));
            screenshot("ops-page-bindings-confirm.png");
            browser.findElement(By.id("binding-confirm")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(widgetsState, "running"));
            assertThat(actuatorState()).isEqualTo("running");

            // the service audited the person, not ops-monitor
            assertThat(audit.find(new AuditQuery(null, WIDGETS, null, null, began, null, 50)))
                    .filteredOn(entry -> entry.action().endsWith("-binding"))
                    .extracting(AuditEntry::action, AuditEntry::subject)
                    .containsExactlyInAnyOrder(tuple("pause-binding", "operator"), tuple("resume-binding", "operator"));

            // signing out ends the identity server's session too: the page asks for a password again
            browser.findElement(By.id("sign-out")).click();
            wait.until(driver -> driver.getCurrentUrl().startsWith(IdentityServer.get().issuerUri()));
            browser.get("http://127.0.0.1:" + port + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            assertThat(browser.getCurrentUrl()).startsWith(IdentityServer.get().issuerUri() + "/login");
        } finally {
            SecuredApi.at(port).as(OpsFixtures.OPS).post("/actuator/bindings/" + WIDGETS, "{\"state\":\"RESUMED\"}");
        }
    }

    /** The page, signed in as the local person {@code operator} (on the identity server's form if not yet). */
    private void openSignedIn(WebDriverWait wait) {
        chromium.openSignedIn("http://127.0.0.1:" + port + "/", "operator", "SaferKent operations");
        wait.until(ExpectedConditions.textToBe(By.id("operator"), "operator"));
    }

    /** The test consumer's state as the service itself reports it. */
    private String actuatorState() {
        HttpResponse<String> response = SecuredApi.at(port).as(OpsFixtures.OPS).get("/actuator/bindings/" + WIDGETS);
        assertThat(response.statusCode()).isEqualTo(200);
        return OpsFixtures.JSON.readTree(response.body()).get(0).path("state").asString();
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}
