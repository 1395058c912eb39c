package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.saferkent.platform.service.security.AuditEntry;
import org.saferkent.platform.service.security.AuditQuery;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.saferkent.platform.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The victims caseworker's queue and case page in a real headless browser (Debian's chromium), signed in at
 * the identity server as the local person {@code caseworker}: cases opened from referral events published on
 * the real broker are queued by their Victims' Code deadline, the overdue first and said so; a case's personal
 * details show only when asked for, and the view is audited under the person's own name; a contact refused by
 * the API shows its problem beside the field, a contact recorded shows on the timeline; axe-core finds no WCAG
 * 2.2 A/AA violation on either page. Also over plain HTTP: no session, no page (sign-in); a write without the
 * CSRF token is refused.
 */
class CaseworkerQueueBrowserIT extends VictimsIntegrationTest {

    private static final String QUEUE_TITLE = "SaferKent victims queue";
    private static final String SESSION_COOKIE = "VICTIMS_SESSION";
    private static final String VICTIM_NAME = "Robin Queueworthy";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Browser chromium;
    private static WebDriver browser;

    @Autowired
    private PersonalDataAudit audit;

    @BeforeAll
    static void startBrowser() {
        // a browser in New York: the contact's time is still typed and read as the UK's
        chromium = Browser.start(java.time.ZoneId.of("America/New_York"));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theQueueListsOpenCasesByDeadlineOverdueFirstAndACaseIsWorkedFromItsPage() throws Exception {
        // three cases in a district no other test uses: one routed a month ago (its first contact long overdue),
        // one standard and one enhanced (domestic abuse: first contact within one working day) routed now
        String district = "gravesham";
        String overdue = openCaseIn(district, Map.of("routedAt", clock.instant().minus(Duration.ofDays(30)).toString()),
                "{\"name\":\"" + VICTIM_NAME + "\",\"postcode\":\"DA11 0XX\",\"phone\":\"07700 900456\"}");
        String standard = openCaseIn(district, Map.of(), null);
        String enhanced = openCaseIn(district, Map.of("flags", List.of("domestic-abuse")), null);

        chromium.openSignedIn(page("/"), "caseworker", QUEUE_TITLE);
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-status"), "Showing"));
        assertThat(browser.findElement(By.id("person")).getText()).isEqualTo("caseworker");
        // every district: the overdue before the rest, then by the date the deadline falls due
        assertQueueOrder(browser.findElements(By.cssSelector("#queue tr[data-case-id]")));
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA, the queue").isEmpty();

        new Select(browser.findElement(By.id("district"))).selectByValue(district);
        browser.findElement(By.cssSelector("#queue-filter button[type=submit]")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-status"), "of 3 open cases in gravesham"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue tr[data-case-id]"));
        assertThat(rows).extracting(row -> row.getAttribute("data-case-id")).containsExactly(overdue, enhanced, standard);
        assertThat(rows.get(0).getText()).contains("Overdue", "First contact", "Standard", "violent crime");
        assertThat(rows.get(1).getText()).contains("Enhanced", "First contact").doesNotContain("Overdue");
        assertThat(rows.get(2).getText()).contains("Standard", "First contact").doesNotContain("Overdue");
        assertQueueOrder(rows);
        assertThat(browser.getPageSource()).as("no personal details on the queue").doesNotContain(VICTIM_NAME, "DA11 0XX");
        chromium.screenshot("victims-queue.png");

        // the overdue case's own page: summary and timeline, personal details only when asked for
        rows.get(0).findElement(By.cssSelector("a")).click();
        chromium.await().until(ExpectedConditions.textToBe(By.id("case-id"), overdue));
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "opened"));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("gravesham", "Standard");
        assertThat(browser.findElement(By.id("deadlines")).getText()).contains("First contact", "Overdue");
        assertThat(browser.getPageSource()).as("not shown until asked for").doesNotContain(VICTIM_NAME);

        browser.findElement(By.id("show-details")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-result"), VICTIM_NAME));
        assertThat(browser.findElement(By.id("details")).getText()).contains("DA11 0XX", "07700 900456");
        assertThat(audit.find(new AuditQuery(null, overdue, null, "read-personal-data", null, null, 10)))
                .extracting(AuditEntry::subject, AuditEntry::resource, AuditEntry::reason)
                .containsExactly(tuple("caseworker", "victim-details", "found"));
        chromium.screenshot("victims-case-details.png");

        // a contact the API refuses (no channel): its problem beside the field, nothing recorded
        new Select(browser.findElement(By.id("contact-outcome"))).selectByValue("made");
        browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
        WebElement channelError = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#contact-form [data-field=channel] .field-error")));
        assertThat(channelError.getText()).isNotBlank();
        WebElement channel = browser.findElement(By.id("contact-channel"));
        assertThat(channel.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(channel.getAttribute("aria-describedby")).contains(channelError.getAttribute("id"));
        assertThat(browser.findElement(By.cssSelector("#contact-form .form-summary")).getText()).contains("channel");
        assertThat(readCase(overdue).path("contacts").size()).isZero();
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA, the case page").isEmpty();
        chromium.screenshot("victims-case-contact-refused.png");

        // recorded: the timeline refreshes, the problem is gone; the time typed is the UK's (the browser is in New York)
        // (a minute on from the case's opening, to the minute as the form takes it; the service's clock two minutes on)
        clock.advanceTo(clock.instant().plus(Duration.ofMinutes(2)));
        java.time.LocalDateTime typed = java.time.LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(1)),
                java.time.ZoneId.of("Europe/London")).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("contact-at")), typed.toString());
        new Select(channel).selectByValue("phone");
        new Select(browser.findElement(By.id("contact-outcome"))).selectByValue("made");
        browser.findElement(By.cssSelector("#contact-form button[type=submit]")).click();
        chromium.await().until(ExpectedConditions.textToBe(By.id("work-message"), "Contact recorded."));
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "first contact made"));
        assertThat(browser.findElements(By.cssSelector("#contact-form .field-error"))).isEmpty();
        assertThat(readCase(overdue).path("contacts").get(0).path("channel").asString()).isEqualTo("phone");
        assertThat(java.time.Instant.parse(readCase(overdue).path("contacts").get(0).path("attemptedAt").asString()))
                .isEqualTo(typed.atZone(java.time.ZoneId.of("Europe/London")).toInstant());
        chromium.screenshot("victims-case-contact-recorded.png");

        // a needs assessment (every category rated; one in need), then the outcome for that need
        for (WebElement level : browser.findElements(By.cssSelector("#needs-fields select"))) {
            new Select(level).selectByValue("none");
        }
        new Select(browser.findElement(By.id("need-shelter-accommodation"))).selectByValue("high");
        browser.findElement(By.cssSelector("#needs-form button[type=submit]")).click();
        chromium.await().until(ExpectedConditions.textToBe(By.id("work-message"), "Needs assessment recorded."));
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "needs assessed"));
        assertThat(browser.findElements(By.cssSelector("#outcome-fields select"))).extracting(e -> e.getAttribute("id"))
                .containsExactly("outcome-shelter-accommodation");
        new Select(browser.findElement(By.id("outcome-shelter-accommodation"))).selectByValue("improved");
        new Select(browser.findElement(By.id("cope"))).selectByValue("true");
        browser.findElement(By.cssSelector("#outcome-form button[type=submit]")).click();
        chromium.await().until(ExpectedConditions.textToBe(By.id("work-message"), "Outcome recorded."));
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "outcome recorded"));
        assertThat(readCase(overdue).path("outcomes").get(0).path("needs").path("shelter-accommodation").asString())
                .isEqualTo("improved");
    }

    @Test
    void withoutASessionThePagesLeadToSignInAndAWriteWithoutTheCsrfTokenIsRefused() throws Exception {
        for (String path : List.of("/", "/index.html", "/case.html?id=vc-x")) {
            // as a browser asks for a page
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/saferkent"));
        }

        String caseId = openCaseIn("swale", Map.of(), null);
        chromium.openSignedIn(page("/"), "caseworker", QUEUE_TITLE);
        Cookie session = browser.manage().getCookieNamed(SESSION_COOKIE);
        assertThat(session).as("signed in: the page's session").isNotNull();
        String contact = "{\"channel\":\"phone\",\"outcome\":\"no-answer\"}";

        // the person's own session, but no CSRF token: refused, nothing recorded
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(uri("/api/victim-cases/" + caseId + "/contacts"))
                .header("Cookie", SESSION_COOKIE + "=" + session.getValue())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(readCase(caseId).path("contacts").size()).isZero();

        // the same write with the token (cookie and header, as the page sends it) is recorded
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(uri("/api/victim-cases/" + caseId + "/contacts"))
                .header("Cookie", SESSION_COOKIE + "=" + session.getValue() + "; XSRF-TOKEN=token-of-this-test")
                .header("X-XSRF-TOKEN", "token-of-this-test")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(readCase(caseId).path("contacts").size()).isEqualTo(1);
    }

    /** Opens a case for a referral routed in {@code district} (details held by referrals if {@code subject}). */
    private String openCaseIn(String district, Map<String, Object> changes, String subject) {
        String referralId = newReferralId();
        if (subject != null) {
            REFERRALS.holdSubject(referralId, subject);
        }
        Map<String, Object> routed = new HashMap<>(changes);
        routed.put("district", district);
        route(referralId, "victim-support", routed);
        String caseId = "vc-" + referralId;
        awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        awaitOutboxDrained(caseId);
        return caseId;
    }

    /** Overdue rows first; then by deadline, earliest first; the rows with no deadline last. */
    private static void assertQueueOrder(List<WebElement> rows) {
        List<Boolean> overdue = new ArrayList<>();
        List<String> due = new ArrayList<>();
        for (WebElement row : rows) {
            overdue.add(row.getText().contains("Overdue"));
            due.add(row.findElement(By.cssSelector("time")).getAttribute("datetime"));
        }
        assertThat(overdue.indexOf(false) < 0 || !overdue.subList(overdue.indexOf(false), overdue.size()).contains(true))
                .as("no overdue case after one that is not: %s", overdue).isTrue();
        List<Instant> dated = due.stream().takeWhile(at -> !at.isEmpty()).map(Instant::parse).toList();
        assertThat(dated).as("by deadline").isSorted();
        assertThat(due.subList(dated.size(), due.size())).as("no deadline: last").allMatch(String::isEmpty);
    }

    private String page(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
