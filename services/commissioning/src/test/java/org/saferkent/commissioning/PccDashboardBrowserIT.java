package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.accepted;
import static org.saferkent.commissioning.PartnershipEvents.declined;
import static org.saferkent.commissioning.PartnershipEvents.routed;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saferkent.platform.test.Browser;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

import tools.jackson.databind.JsonNode;

/**
 * The PCC office's performance dashboard in a real headless browser (Debian's chromium), signed in at the
 * identity server as the local person {@code pcc-analyst}: a contract's figures per district with the
 * red / amber / green word per target, drill-down to a district with its trends, a figure that moves while
 * the page is open (an event on the real broker, no reload), the MoJ return downloaded with the session,
 * axe-core's WCAG 2.2 AA rules, and the printed copy. Works in 2042 and 2043.
 */
class PccDashboardBrowserIT extends CommissioningIntegrationTest {

    private static final String QUARTER = "2043-Q2";
    private static final String PATHWAY = "victim-support";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Browser chromium;
    private static WebDriver browser;

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
    void withoutASessionThePageSendsThePersonToSignIn() throws Exception {
        for (String page : List.of("/", "/index.html")) {
            // as a browser asks: for HTML, no token, no session cookie
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(page)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/oauth2/authorization/saferkent"));
        }
    }

    @Test
    void theAnalystSeesTheFiguresWithTheirRagWordsDrillsDownToADistrictAndWatchesAFigureMove() throws Exception {
        // a contract with a target, referrals accepted and declined by its provider in two districts
        String contractId = register(contract("Dashboard Victim Care", List.of(PATHWAY), List.of("thanet", "dover"),
                "2042-01-01", "2043-12-31", "240000", """
                [{"measure":"referrals-accepted-share","target":0.8,"amberWithin":0.1}]"""));
        // counts of 5 or more, as the PCC's office is shown them (disclosure control suppresses 1 to 4, and a share over them)
        // a quarter last year, for the trend
        referrals("thanet", "2042-08-1", 5, true);
        // this quarter: Thanet accepts one in two (50%: red), Dover all of its own (100%: green)
        referrals("thanet", "2043-04-1", 5, true);
        referrals("thanet", "2043-04-2", 5, false);
        referrals("dover", "2043-05-2", 5, true);
        // last quarter one referral in Kent, routed and not yet answered: too few to show
        publish(routed(newId(), "thanet", PATHWAY, Instant.parse("2043-02-10T10:00:00Z")));
        awaitCell(contractId, "thanet", QUARTER, count("referralsDeclined", 5).and(count("referralsAccepted", 5)));
        awaitCell(contractId, "dover", QUARTER, count("referralsAccepted", 5));
        awaitCell(contractId, "thanet", "2042-Q3", count("referralsAccepted", 5));
        awaitCell(contractId, "thanet", "2043-Q1", count("referralsRouted", 1));

        WebDriverWait wait = chromium.await();
        // a link naming the contract and quarter to look at, followed before signing in: the view survives the sign-in
        chromium.openSignedIn("http://127.0.0.1:" + port + "/?contract=" + contractId + "&quarter=" + QUARTER, "pcc-analyst",
                "SaferKent PCC performance");
        wait.until(ExpectedConditions.textToBe(By.id("person"), "pcc-analyst"));

        By thanet = row(contractId, "thanet");
        By dover = row(contractId, "dover");
        wait.until(ExpectedConditions.presenceOfElementLocated(thanet));
        assertThat(browser.findElement(thanet).getText()).contains("Thanet", "50.0%", "Red");
        assertThat(browser.findElement(dover).getText()).contains("Dover", "100.0%", "Green");
        assertThat(browser.findElements(By.cssSelector("#performance thead th[scope=col]"))).extracting(WebElement::getText)
                .contains("District", "Referrals routed").anySatisfy(header ->
                        assertThat(header).contains("Referrals accepted", "target at least 80%, amber within 10 points"));
        assertThat(browser.findElement(By.id("contracts")).getText()).contains("Dashboard Victim Care", "Thanet, Dover",
                "Referrals accepted: at least 80%, amber within 10 points");
        // Kent's trend: one district of two at Green this quarter, the one last year
        assertThat(figures("Districts at Green on referrals accepted, Kent")).contains("2042-Q31", "2043-Q21");
        // Kent's total is the service's (10 + 5 routed); last quarter's single referral is shown as suppressed, not as 0
        assertThat(browser.findElement(By.cssSelector("#performance [data-contract='" + contractId + "'] tfoot")).getText())
                .contains("Kent (these 2 districts)", "15");
        assertThat(figures("Referrals routed, Kent")).contains("2042-Q35", "2043-Q215",
                "2043-Q1fewer than 5 (suppressed so that it cannot point at a person)").doesNotContain("2043-Q10");
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA (Kent)").isEmpty();
        chromium.screenshot("pcc-dashboard-kent.png");

        // the MoJ return for the quarter, downloaded with the session (no token of the page's own)
        String href = browser.findElement(By.id("moj-return")).getAttribute("href");
        assertThat(href).endsWith("/api/commissioning/returns/moj.csv?quarter=" + QUARTER);
        Map<?, ?> download = fetchInThePage(href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat((String) download.get("type")).startsWith("text/csv");
        assertThat((String) download.get("body")).startsWith("quarter,").contains(contractId + ",Dashboard Victim Care");

        // drill down to Thanet with the keyboard: its row only, and its target's trend over eight quarters
        WebElement drill = browser.findElement(thanet).findElement(By.cssSelector("a.drill"));
        drill.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(dover));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view-summary"), "Thanet"));
        assertThat(new Select(browser.findElement(By.id("choose-district"))).getFirstSelectedOption().getText()).isEqualTo("Thanet");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus after the drill-down").isEqualTo("performance-h");
        assertThat(figures("Referrals accepted, Thanet")).contains("2041-Q3", "2042-Q3100.0%Green", "2043-Q250.0%Red");
        assertThat(chromium.accessibilityViolations()).as("axe-core, WCAG 2.2 A and AA (a district)").isEmpty();
        // the browser's Back returns to every district, Forward to Thanet again: each view is an address
        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(dover));
        assertThat(new Select(browser.findElement(By.id("choose-district"))).getFirstSelectedOption().getText())
                .isEqualTo("Kent (every district)");
        browser.navigate().forward();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(dover));
        assertThat(browser.getCurrentUrl()).contains("district=thanet", "contract=" + contractId);

        // ten more referrals accepted in Thanet while the page is open: 15 in 20 (75%) is amber, without a reload
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
        referrals("thanet", "2043-05-1", 10, true);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(thanet, "75.0%"));
        assertThat(browser.findElement(thanet).getText()).contains("Amber").doesNotContain("Red");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Figures updated"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true")).isEqualTo(true);
        chromium.screenshot("pcc-dashboard-thanet.png");

        // the Police and Crime Panel's printed copy: no controls, every figure's table open
        WebElement printButton = browser.findElement(By.id("print"));
        assertThat(printButton.getText()).contains("Print");
        ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('beforeprint'))");
        assertThat(browser.findElements(By.cssSelector("details.figures-table:not([open])"))).isEmpty();
        emulatePrint(true);
        try {
            assertThat(browser.findElement(By.id("choose")).isDisplayed()).isFalse();
            assertThat(printButton.isDisplayed()).isFalse();
            assertThat(browser.findElement(thanet).isDisplayed()).isTrue();
            chromium.screenshot("pcc-dashboard-print.png");
        } finally {
            emulatePrint(false);
        }

        // a cell the projection holds that a rebuild from the events does not give (as one an earlier release computed
        // for a district the contract never covered): it shows in Kent's table, then the rebuild drops it, without a reload
        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(dover));
        String staleKey = contractId + "|swale|" + QUARTER;
        long staleSequence = staleCell(contractId + "|thanet|" + QUARTER, staleKey, "swale");
        By swale = row(contractId, "swale");
        wait.until(ExpectedConditions.presenceOfElementLocated(swale));
        assertThat(browser.findElement(swale).getText()).contains("Swale");

        HttpResponse<String> rebuilt = post("/api/commissioning/rebuild", null);
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(JSON.readTree(rebuilt.body()).path("changedCells").asLong()).as("the dropped cell is a change").isPositive();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(swale));
        assertThat(browser.findElement(thanet).getText()).contains("Thanet", "75.0%");
        assertThat(browser.findElement(dover).getText()).contains("Dover", "100.0%");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true")).isEqualTo(true);

        // every reader of the feed is told the same: the cursor feed has the removal, the cells as they stand lack it,
        // and the compacted topic ends the key with a tombstone (a null value: compaction then forgets the cell)
        JsonNode removal = JSON.readTree(get("/api/commissioning/feed?after=" + staleSequence + "&limit=1000").body()).path("items").valueStream()
                .filter(entry -> staleKey.equals(entry.path("key").asString())).reduce((first, last) -> last).orElseThrow();
        assertThat(removal.path("removed").asBoolean()).isTrue();
        assertThat(removal.path("performance").isNull()).isTrue();
        assertThat(removal.path("sequence").asLong()).isGreaterThan(staleSequence);
        assertThat(cell(contractId, "swale", QUARTER)).isEmpty();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(records(FEED_TOPIC, keyed(staleKey))).last().satisfies(record -> {
                    assertThat(record.value()).as("a tombstone").isNull();
                    assertThat(new String(record.headers().lastHeader("ce_aggregateversion").value(), StandardCharsets.UTF_8))
                            .isEqualTo(removal.path("sequence").asString());
                }));
    }

    /**
     * Copies a live cell to another district in the projection read now, as the cell's latest change (the next feed
     * sequence, not yet published), as an earlier release could have left it; returns its sequence.
     */
    private long staleCell(String fromKey, String key, String district) {
        Document from = mongo.getCollection(currentCollection("performance")).find(new Document("_id", fromKey)).first();
        assertThat(from).as(fromKey).isNotNull();
        long sequence = ((Number) mongo.getCollection("feed_sequence").findOneAndUpdate(new Document("_id", "performance"),
                new Document("$inc", new Document("value", 1L)), new FindOneAndUpdateOptions().upsert(true)
                        .returnDocument(ReturnDocument.AFTER)).get("value")).longValue();
        Document snapshot = new Document(from.get("snapshot", Document.class)).append("district", district);
        mongo.getCollection(currentCollection("performance")).insertOne(new Document(from).append("_id", key)
                .append("district", district).append("sequence", sequence).append("published", false).append("snapshot", snapshot));
        return sequence;
    }

    /**
     * {@code count} referrals routed to the provider's pathway and then accepted or declined, on the real broker, on the
     * days {@code <dayPrefix>0}, {@code <dayPrefix>1}, ... (at most 10).
     */
    private static void referrals(String district, String dayPrefix, int count, boolean accept) {
        List<PartnershipEvents.Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String referralId = newId();
            Instant at = Instant.parse(dayPrefix + i + "T10:00:00Z");
            events.add(routed(referralId, district, PATHWAY, at));
            events.add(accept ? accepted(referralId, district, PATHWAY, at.plusSeconds(3600))
                    : declined(referralId, district, PATHWAY, at.plusSeconds(3600)));
        }
        publishAll(events);
    }

    /** The text of the table beside the chart whose caption starts with {@code caption} (read closed, as a screen reader can). */
    private static String figures(String caption) {
        WebElement trend = browser.findElement(By.xpath("//figure[figcaption[starts-with(., '" + caption + "')]]"));
        assertThat(trend.findElement(By.tagName("svg")).getAttribute("role")).isEqualTo("img");
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return arguments[0].querySelector('table').textContent", trend));
    }

    private static By row(String contractId, String district) {
        return By.cssSelector("#performance tr[data-contract='" + contractId + "'][data-district='" + district + "']");
    }

    /** GET {@code url} from inside the page (its session cookie, nothing else): status, content type and body. */
    private static Map<?, ?> fetchInThePage(String url) {
        return (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type'), body})))
                  .catch(e => done({status: -1, type: '', body: String(e)}));""", url);
    }

    /** Chromium's print media emulation (DevTools), so the print stylesheet applies to what is shown. */
    private static void emulatePrint(boolean on) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", on ? "print" : ""));
    }
}
