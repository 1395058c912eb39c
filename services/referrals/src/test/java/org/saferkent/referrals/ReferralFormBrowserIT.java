package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.saferkent.platform.test.Browser;
import org.saferkent.platform.test.IdentityServer;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referral form and the agency's own referrals in a real headless browser (Debian's chromium), signed in
 * at the identity server as the local people police-referrer (Kent Police) and council-referrer (Maidstone BC):
 * the API's own problems beside the fields, a domestic-abuse referral with its DASH answers, the receipt with
 * triage and clocks, the agency's list, and nothing of another agency's; and a partner team's inbox (inbox.html) as
 * youth-worker of KCC Integrated Youth Services, and erasure on request (erasure.html) as data-protection-officer, in the
 * same context and browser. axe-core checks WCAG 2.2 A/AA on each.
 */
// Same context as ReferralApiIT, ReferralTriageIT and ReferralsSecurityIT (the same properties): no new context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralFormBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM_TITLE = "SaferKent referral";
    private static final String LIST_TITLE = "SaferKent: our referrals";
    private static final String NAME = "Robin Formtest";

    private static Browser chromium;
    private static WebDriver browser;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

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
    void withoutASessionTheFormSendsThePersonToSignIn() throws Exception {
        // as a browser asks for a page (a script's call without a session is answered 401 instead)
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/refer.html"))).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/saferkent"));
        // the list alike, and the API without a session or a token is still refused
        HttpResponse<String> list = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/referrals.html"))).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(302);
        HttpResponse<String> inbox = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/inbox.html"))).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(SecuredApi.at(port).anonymous().get("/api/referrals").statusCode()).isEqualTo(401);
    }

    @Test
    void aReferrerFilesADomesticAbuseReferralSeesItsReceiptAndListAndAnotherAgencySeesNoneOfIt() throws IOException {
        // Maidstone BC's own referral, made by its systems: Kent Police never sees it
        String councilReference = "MBC-" + UUID.randomUUID();
        HttpResponse<String> council = SecuredApi.at(port).asAgency("maidstone-bc").post("/api/referrals", referral(councilReference));
        assertThat(council.statusCode()).as(council.body()).isEqualTo(201);
        String councilId = JSON.readTree(council.body()).path("id").asString();

        signOutEverywhere();
        chromium.openSignedIn(url("/refer.html"), "police-referrer", FORM_TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("agency"), "kent-police"));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("police-referrer");
        assertThat(browser.findElement(By.id("dash")).isDisplayed()).as("DASH only for domestic abuse").isFalse();

        // an incomplete referral: the API's problems beside their fields, and nothing is stored
        long before = policeReferrals();
        String reference = "KP-FORM-" + UUID.randomUUID();
        type("agencyReference", reference);
        new Select(browser.findElement(By.id("category"))).selectByValue("domestic-abuse");
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("dash")));
        type("subject-name", NAME);
        browser.findElement(By.id("dash-police")).click();
        List<WebElement> questions = chromium.await().until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#dash-questions fieldset"), 27));
        assertThat(questions.get(0).findElement(By.tagName("legend")).getText()).startsWith("1. Has the current incident resulted in injury");
        // every question answered but the fifth: 15 yes, the rest no or not known
        for (int i = 0; i < 27; i++) {
            if (i != 4) {
                answer(i, i < 16 ? "yes" : (i % 2 == 0 ? "no" : "not-known"));
            }
        }
        browser.findElement(By.id("send")).click();

        WebElement summary = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-summary")));
        assertThat(summary.getText()).contains("Invalid request");
        assertThat(problemBeside("district")).isEqualTo("is required");
        assertThat(problemBeside("subject.role")).isEqualTo("is required");
        assertThat(problemBeside("subject.dateOfBirth")).isEqualTo("is required");
        assertThat(problemBeside("consent")).startsWith("is required: the subject's recorded consent, or a lawful override");
        assertThat(problemBeside("dash.answers[4]")).isEqualTo("must be true or false");
        assertThat(browser.findElements(By.cssSelector("[data-field='subject.name'] .field-error"))).isEmpty();
        // each message is linked to its input, and the summary has focus
        WebElement district = browser.findElement(By.id("district"));
        assertThat(district.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(district.getAttribute("aria-describedby")).isEqualTo(
                browser.findElement(By.cssSelector("[data-field='district'] .field-error")).getAttribute("id"));
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("form-summary");
        assertThat(policeReferrals()).as("nothing stored").isEqualTo(before);
        assertThat(chromium.accessibilityViolations()).as("axe-core on the form with its problems").isEmpty();
        chromium.screenshot("referral-form-problems.png");

        // put right: a valid domestic-abuse referral with its DASH answers
        new Select(district).selectByValue("maidstone");
        new Select(browser.findElement(By.id("subject-role"))).selectByValue("victim");
        setDate("subject-dob", "1988-03-14");
        type("subject-postcode", "ME14 1XX");
        type("crimeReference", "46/9999/26");
        setDate("incidentDate", today().minusDays(1).toString());
        browser.findElement(By.id("consent-given")).click();
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-recordedOn")));
        setDate("consent-recordedOn", today().toString());
        type("consent-recordedBy", "PC 4411");
        browser.findElement(By.id("pathways-domestic-abuse")).click();
        browser.findElement(By.id("pathways-victim-support")).click();
        answer(4, "yes");
        browser.findElement(By.id("send")).click();

        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        String id = browser.findElement(By.id("receipt-id")).getText();
        assertThat(id).isNotBlank();
        assertThat(browser.findElement(By.id("receipt-risk")).getText()).isEqualTo("high");
        assertThat(browser.findElement(By.id("receipt-marac")).getText()).startsWith("yes");
        assertThat(browser.findElement(By.id("receipt-summary")).getText()).contains(reference, "16");
        assertThat(browser.findElement(By.id("receipt-pathways")).getText()).contains("domestic abuse", "victim support", "routed");
        assertThat(browser.findElements(By.cssSelector("#receipt-clocks tr")))
                .extracting(row -> row.getAttribute("data-clock"))
                .containsExactlyInAnyOrder("victim-details-to-victim-services", "triage-response");
        assertThat(browser.findElement(By.id("receipt-clocks")).getText()).contains("running");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("receipt-h");
        // the person's details stay nowhere in the browser: not in the address, not in its storage, not in the form
        assertThat(browser.getCurrentUrl()).doesNotContain("Robin", "Formtest", "ME14", "1988");
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.findElement(By.id("subject-name")).getAttribute("value")).isEmpty();
        assertThat(chromium.accessibilityViolations()).as("axe-core on the receipt").isEmpty();
        chromium.screenshot("referral-form-receipt.png");

        // what the API holds is what the form sent: the police checklist, 16 yes answers
        JsonNode held = JSON.readTree(SecuredApi.at(port).asAgency("kent-police").get("/api/referrals/" + id).body());
        assertThat(held.path("agencyReference").asString()).isEqualTo(reference);
        assertThat(held.path("triage").path("dashYesAnswers").asInt()).isEqualTo(16);
        assertThat(held.path("subjectRole").asString()).isEqualTo("victim");

        // the receipt leads to the referral's history
        browser.findElement(By.id("receipt-link")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "triaged"));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("received", "risk high, MARAC");
        assertThat(browser.findElement(By.id("detail-id")).getText()).isEqualTo(id);
        assertThat(chromium.accessibilityViolations()).as("axe-core on the referral's history").isEmpty();
        chromium.screenshot("referral-history-police.png");

        // the agency's own list: this referral, not Maidstone's
        browser.get(url("/referrals.html"));
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#referrals tr[data-id='" + id + "']")));
        WebElement row = browser.findElement(By.cssSelector("#referrals tr[data-id='" + id + "']"));
        assertThat(row.getText()).contains(reference, "maidstone", "domestic abuse", "high", "MARAC");
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isIn("routed", "accepted");
        assertThat(browser.findElements(By.cssSelector("#referrals tr[data-id='" + councilId + "']"))).isEmpty();
        assertThat(browser.findElement(By.id("referrals")).getText()).doesNotContain(councilReference);
        assertThat(chromium.accessibilityViolations()).as("axe-core on the list").isEmpty();
        chromium.screenshot("referral-list-police.png");

        // Maidstone BC's referrer: the police referral is neither listed nor found
        signOutEverywhere();
        chromium.openSignedIn(url("/referrals.html"), "council-referrer", LIST_TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("agency"), "maidstone-bc"));
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#referrals tr[data-id='" + councilId + "']")));
        assertThat(browser.findElements(By.cssSelector("#referrals tr[data-id='" + id + "']"))).isEmpty();
        assertThat(browser.findElement(By.id("referrals")).getText()).doesNotContain(reference);
        chromium.screenshot("referral-list-council.png");
        browser.get(url("/referrals.html?id=" + id));
        chromium.await().until(ExpectedConditions.textToBe(By.id("detail-message"), "Your agency holds no referral with this id."));
        assertThat(browser.findElement(By.id("timeline")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("detail-summary")).getText()).isEmpty();

        // signing out on the page ends the identity server's session too: the next page asks for a password
        browser.findElement(By.id("sign-out")).click();
        chromium.await().until(driver -> driver.getCurrentUrl().startsWith(IdentityServer.get().issuerUri()));
        browser.get(url("/refer.html"));
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    @Test
    void aWriteFromTheSessionWithoutItsCsrfTokenIsRefused() throws Exception {
        signOutEverywhere();
        chromium.openSignedIn(url("/refer.html"), "council-referrer", FORM_TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("agency"), "maidstone-bc"));
        Cookie session = browser.manage().getCookieNamed("REFERRALS_SESSION");
        Cookie csrf = browser.manage().getCookieNamed("XSRF-TOKEN");
        assertThat(session).isNotNull();
        assertThat(csrf).isNotNull();
        String cookies = session.getName() + "=" + session.getValue() + "; " + csrf.getName() + "=" + csrf.getValue();
        String reference = "MBC-CSRF-" + UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(url("/api/referrals")))
                .header("Cookie", cookies).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(referral(reference))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(SecuredApi.at(port).asAgency("maidstone-bc").get("/api/referrals?size=200").body()).doesNotContain(reference);

        // the same request with the token is the session's own write (so the 403 was the missing token)
        HttpResponse<String> taken = http.send(HttpRequest.newBuilder(URI.create(url("/api/referrals")))
                .header("Cookie", cookies).header("X-XSRF-TOKEN", csrf.getValue()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(referral(reference))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(JSON.readTree(taken.body()).path("agency").asString()).isEqualTo("maidstone-bc");
    }

    // ---------------------------------------------------------------- a partner team's inbox (issue 17)

    /**
     * KCC Integrated Youth Services' worker answers the team's inbox: the referrals routed to youth prevention are
     * listed (without a name), a decline without a reason is refused beside the reason, a decline with one and an
     * acceptance move the referrals without a reload, and what is another team's (substance misuse, Dover's ASB
     * team) is never shown. Keyboard only for the answers; axe-core on each state.
     */
    @Test
    void aYouthWorkerDeclinesOneReferralAcceptsAnotherAndSeesNoOtherTeamsReferral() throws IOException {
        String toDecline = referred(offender("public-order", 15));
        String toAccept = referred(offender("criminal-damage-arson", 16));
        String substanceMisuse = referred(offender("drugs", 34));            // the Kent DAAT's (and restorative justice)
        String antiSocial = referred(offender("anti-social-behaviour", 29)); // Dover's ASB team's (and restorative justice)

        signOutEverywhere();
        chromium.openSignedIn(url("/inbox.html"), "youth-worker", INBOX_TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("agency"), "kcc-integrated-youth-services"));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("youth-worker");
        // the team covers Kent: its list narrowed to Dover, where this test's referrals are
        new Select(browser.findElement(By.id("district"))).selectByValue(INBOX_DISTRICT);
        // both lists narrowed: every row in Dover, this test's two waiting
        chromium.await().ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(
                        By.cssSelector("#waiting tr[data-id], #taken tr[data-id]")).stream()
                .allMatch(row -> row.getText().contains("dover"))
                && !driver.findElements(inboxRowLocator("waiting", toDecline)).isEmpty()
                && !driver.findElements(inboxRowLocator("waiting", toAccept)).isEmpty());
        WebElement declined = inboxRow("waiting", toDecline);
        WebElement accepted = inboxRow("waiting", toAccept);
        assertThat(declined.getText()).contains("public order", "offender", "dover", "youth prevention", "by ");
        assertThat(accepted.getText()).contains("criminal damage arson", "youth prevention");
        assertThat(browser.findElements(By.cssSelector("#waiting tr[data-id], #taken tr[data-id]")))
                .extracting(row -> row.getAttribute("data-pathway")).containsOnly("youth-prevention");
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + substanceMisuse + "'], tr[data-id='" + antiSocial + "']")))
                .as("another team's pathway, another team's district").isEmpty();
        assertThat(browser.getPageSource()).as("no personal details on the page").doesNotContain(INBOX_NAME);
        assertThat(chromium.accessibilityViolations()).as("axe-core on the inbox").isEmpty();
        chromium.screenshot("inbox-youth-worker.png");

        // a decline without a reason: the API's problem beside the reason, and nothing is answered
        declined.findElement(By.cssSelector("button.decline")).sendKeys(Keys.ENTER);
        WebElement problem = chromium.await().until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                inboxRowLocator("waiting", toDecline), By.cssSelector("[data-field='reason'] > .field-error"))).get(0);
        assertThat(problem.getText()).startsWith("is required").contains("no-capacity");
        WebElement reason = declined.findElement(By.cssSelector("select[name='reason']"));
        assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(reason.getAttribute("aria-describedby")).isEqualTo(problem.getAttribute("id"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(reason);
        assertThat(browser.findElement(By.id("answered")).getText()).contains("was not answered");
        assertThat(referralStatus(toDecline)).isEqualTo("routed");
        assertThat(chromium.accessibilityViolations()).as("axe-core on the refused decline").isEmpty();

        // with a reason, from the keyboard: the referral leaves the list, no reload
        new Select(reason).selectByValue("no-capacity");
        declined.findElement(By.cssSelector("button.decline")).sendKeys(Keys.ENTER);
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answered"),
                "Referral " + toDecline + " declined for youth prevention: no capacity."));
        chromium.await().until(ExpectedConditions.invisibilityOfElementLocated(inboxRowLocator("waiting", toDecline)));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("answered");

        // the other accepted: it moves to the team's open work, its case named
        inboxRow("waiting", toAccept).findElement(By.cssSelector("button.accept")).sendKeys(Keys.ENTER);
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answered"),
                "Referral " + toAccept + " accepted for youth prevention"));
        WebElement taken = inboxRow("taken", toAccept);
        assertThat(taken.getText()).contains("youth-prevention-" + toAccept);
        assertThat(browser.findElements(inboxRowLocator("waiting", toAccept))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + toDecline + "']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + substanceMisuse + "'], tr[data-id='" + antiSocial + "']")))
                .isEmpty();
        assertThat(referralStatus(toDecline)).isEqualTo("declined");
        assertThat(referralStatus(toAccept)).isEqualTo("accepted");
        assertThat(chromium.accessibilityViolations()).as("axe-core after the answers").isEmpty();
        chromium.screenshot("inbox-answered.png");

        // closed with its outcome: it leaves the open work
        new Select(taken.findElement(By.cssSelector("select[name='outcome']"))).selectByValue("completed");
        taken.findElement(By.cssSelector("button.close")).sendKeys(Keys.ENTER);
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answered"),
                "Referral " + toAccept + " closed for youth prevention: completed."));
        chromium.await().until(ExpectedConditions.invisibilityOfElementLocated(inboxRowLocator("taken", toAccept)));
        assertThat(referralStatus(toAccept)).isEqualTo("closed");
    }

    // ---------------------------------------------------------------- erasure on request, by a person (issue 18)

    /**
     * The data protection officer, signed in under their own name (not the dpo client), erases a person a referral of
     * this test named: without the request's reference the API's 422 is shown beside it and nothing is erased; with it
     * the answer names the officer and the reference, the person's details are gone (the claim check answers 410), and
     * the erasure's record and its audit row name the person, never a client.
     */
    @Test
    void theDataProtectionOfficerErasesAPersonUnderTheirOwnNameAndTheRequestsReference() throws IOException {
        String name = "Morwenna " + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + " Erasetest";
        String dateOfBirth = "1979-06-23";
        String postcode = "ME16 8ZZ";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agencyReference", "MBC-ERASE-" + UUID.randomUUID());
        fields.put("district", "maidstone");
        fields.put("category", "violent-crime");
        fields.put("pathway", "victim-support");
        fields.put("subject", Map.of("role", "victim", "name", name, "dateOfBirth", dateOfBirth, "postcode", postcode));
        fields.put("consent", Map.of("given", true, "recordedOn", today().minusDays(1).toString(), "recordedBy", "CSO 31"));
        HttpResponse<String> created = SecuredApi.at(port).asAgency("maidstone-bc").post("/api/referrals", JSON.writeValueAsString(fields));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode referral = JSON.readTree(created.body());
        String claimCheck = "/api/referrals/" + referral.path("id").asString() + "/subject";
        assertThat(SecuredApi.at(port).as("svc-victims").get(claimCheck).statusCode()).isEqualTo(200);

        signOutEverywhere();
        chromium.openSignedIn(url("/erasure.html"), ERASURE_OFFICER, ERASURE_TITLE);
        chromium.await().until(ExpectedConditions.textToBe(By.id("who"), ERASURE_OFFICER));
        type("name", name);
        setDate("dateOfBirth", dateOfBirth);
        type("postcode", postcode);

        // no request reference: confirmed, but the API refuses it beside the reference, and nothing is erased
        browser.findElement(By.id("erase")).click();
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-text")).getText()).contains("cannot be undone", "your name");
        browser.findElement(By.id("confirm-erase")).click();
        WebElement summary = chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-summary")));
        assertThat(summary.getText()).contains("requestReference");
        assertThat(problemBeside("requestReference")).startsWith("is required: the data subject's request reference");
        WebElement referenceInput = browser.findElement(By.id("requestReference"));
        assertThat(referenceInput.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(referenceInput.getAttribute("aria-describedby")).isEqualTo(
                browser.findElement(By.cssSelector("[data-field='requestReference'] .field-error")).getAttribute("id"));
        assertThat(browser.findElements(By.cssSelector("[data-field='name'] .field-error"))).isEmpty();
        assertThat(SecuredApi.at(port).as("svc-victims").get(claimCheck).statusCode()).as("nothing erased").isEqualTo(200);
        assertThat(mongo.getCollection("erasures").countDocuments(new Document("erasedBy", ERASURE_OFFICER)
                .append("subjectPseudonym", referral.path("subjectPseudonym").asString()))).isZero();
        assertThat(chromium.accessibilityViolations()).as("axe-core on the refused erasure").isEmpty();
        chromium.screenshot("erasure-problems.png");

        // with the reference: the answer names the officer and the request
        String reference = "DSR-2026-" + UUID.randomUUID().toString().substring(0, 8);
        type("requestReference", reference);
        browser.findElement(By.id("erase")).click();
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-erase"))).click();
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        String erasureId = browser.findElement(By.id("answer-id")).getText();
        assertThat(erasureId).isNotBlank();
        assertThat(browser.findElement(By.id("answer-by")).getText()).isEqualTo(ERASURE_OFFICER);
        assertThat(browser.findElement(By.id("answer-reference")).getText()).isEqualTo(reference);
        assertThat(browser.findElement(By.id("answer-pseudonym")).getText()).isEqualTo(referral.path("subjectPseudonym").asString());
        assertThat(Long.parseLong(browser.findElement(By.id("answer-keys")).getText())).isPositive();
        assertThat(browser.findElement(By.id("answer-note")).getText()).contains(reference, ERASURE_OFFICER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("answer-h");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("the form emptied").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(name, postcode);
        assertThat(chromium.accessibilityViolations()).as("axe-core on the answer").isEmpty();
        chromium.screenshot("erasure-answer.png");

        // the person's details are gone; the record and the audit trail name the officer and the request, not a client
        assertThat(SecuredApi.at(port).as("svc-victims").get(claimCheck).statusCode()).isEqualTo(410);
        Document record = mongo.getCollection("erasures").find(new Document("_id", erasureId)).first();
        assertThat(record).isNotNull();
        assertThat(record.getString("erasedBy")).isEqualTo(ERASURE_OFFICER);
        assertThat(record.getString("requestReference")).isEqualTo(reference);
        Document audited = mongo.getCollection("audit_trail").find(new Document("recordId", erasureId)).first();
        assertThat(audited).as("the erasure on the audit trail").isNotNull();
        assertThat(audited.getString("action")).isEqualTo("erase-personal-data");
        assertThat(audited.getString("subject")).isEqualTo(ERASURE_OFFICER);
        assertThat(audited.getString("clientId")).isNotEqualTo("dpo");
        assertThat(audited.getString("reason")).contains("request " + reference);
    }

    private static final String ERASURE_TITLE = "SaferKent: erasure on request";
    private static final String ERASURE_OFFICER = "data-protection-officer";

    private static final String INBOX_TITLE = "SaferKent: our inbox";
    private static final String INBOX_DISTRICT = "dover";
    private static final String INBOX_NAME = "Jordan Inboxtest";
    private static final String INBOX_REFERRER = "probation-kent";

    private static By inboxRowLocator(String table, String referralId) {
        return By.cssSelector("#" + table + " tr[data-id='" + referralId + "']");
    }

    private static WebElement inboxRow(String table, String referralId) {
        return chromium.await().until(ExpectedConditions.visibilityOfElementLocated(inboxRowLocator(table, referralId)));
    }

    /** Referred by the probation service (whose own list no test reads), in Dover: the new referral's id. */
    private String referred(String json) {
        HttpResponse<String> created = SecuredApi.at(port).asAgency(INBOX_REFERRER).post("/api/referrals", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private String referralStatus(String id) {
        HttpResponse<String> referral = SecuredApi.at(port).asAgency(INBOX_REFERRER).get("/api/referrals/" + id);
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(200);
        return JSON.readTree(referral.body()).path("status").asString();
    }

    /** An offender of {@code age} in Dover: youth prevention under 18, else restorative justice (and by category more). */
    private static String offender(String category, int age) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agencyReference", "PK-INBOX-" + UUID.randomUUID());
        fields.put("district", INBOX_DISTRICT);
        fields.put("category", category);
        if (category.equals("anti-social-behaviour")) {
            fields.put("asbType", "nuisance");
        }
        fields.put("subject", Map.of("role", "offender", "name", INBOX_NAME + " " + UUID.randomUUID().toString().substring(0, 6),
                "dateOfBirth", today().minusYears(age).minusDays(40).toString(), "postcode", "CT17 9AA"));
        fields.put("consent", Map.of("given", true, "recordedOn", today().minusDays(1).toString(), "recordedBy", "PO 77"));
        return JSON.writeValueAsString(fields);
    }

    /** Whoever was signed in (by another test of this class) is no longer: the next page signs in afresh. */
    private void signOutEverywhere() {
        browser.get(url("/saferkent.css")); // cookies are deleted for the page's host: be on it
        chromium.signOutEverywhere();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private long policeReferrals() {
        HttpResponse<String> list = SecuredApi.at(port).asAgency("kent-police").get("/api/referrals?size=1");
        assertThat(list.statusCode()).isEqualTo(200);
        return JSON.readTree(list.body()).path("total").asLong();
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** A date input's value as the browser holds it (typing into one depends on the browser's locale). */
    private static void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", browser.findElement(By.id(id)), isoDate);
    }

    /** Answers a DASH question from the keyboard: focus its radio, press space. */
    private static void answer(int question, String code) {
        WebElement radio = browser.findElement(By.id("dash-q" + question + "-" + code));
        radio.sendKeys(" ");
        assertThat(radio.isSelected()).as("question " + (question + 1) + " answered " + code + " from the keyboard").isTrue();
    }

    private static String problemBeside(String field) {
        return browser.findElement(By.cssSelector("[data-field='" + field + "'] > .field-error")).getText();
    }

    private static String referral(String reference) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agencyReference", reference);
        fields.put("district", "maidstone");
        fields.put("category", "violent-crime");
        fields.put("pathway", "victim-support");
        fields.put("subject", Map.of("role", "victim", "name", "Sam Council", "dateOfBirth", "1990-01-01", "postcode", "ME15 6AA"));
        fields.put("consent", Map.of("given", true, "recordedOn", today().minusDays(2).toString(), "recordedBy", "CSO 12"));
        return JSON.writeValueAsString(fields);
    }
}
