package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.referrals.referral.application.IntakeSteps;
import org.saferkent.referrals.referral.application.IntakeSteps.Step;
import org.saferkent.referrals.referral.application.UnfinishedIntakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake killed part way, over real HTTP with the real broker and store. The intake is stopped at each of
 * its steps by an exception from its step hook: nothing catches it, so the store is left exactly as a killed
 * process would leave it (the subject's history written, the personal details perhaps, the referral not).
 * Nothing of such an intake may count, and a retry of the same agency reference completes it.
 *
 * <p>Its clock runs ahead (past the in-flight grace), so the context is closed after the class.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.config.name=referrals",
        "saferkent.referrals.clocks.scan-interval=1h",
        "saferkent.referrals.intake.settle-interval=1h"})
@WithRealInfrastructure
@DirtiesContext
class IntakeCrashIT {

    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final Duration PAST_THE_GRACE = Duration.ofSeconds(11); // the grace is 10 s
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Thrown where a process would have been killed. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(Step step, String referralId) {
            super("intake of " + referralId + " killed at " + step);
        }
    }

    /** Kills (or holds) the next intake that reaches a step; otherwise lets every intake through. */
    static final class ControlledSteps implements IntakeSteps {
        private final AtomicReference<Step> crashAt = new AtomicReference<>();
        private final AtomicReference<Step> holdAt = new AtomicReference<>();
        private final AtomicReference<String> stopped = new AtomicReference<>();
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(1);
        private volatile CountDownLatch waiting = new CountDownLatch(1);

        @Override
        public void reached(Step step, String referralId) {
            if (step == Step.WAITING_FOR_EARLIER_INTAKE) {
                waiting.countDown();
            }
            if (crashAt.compareAndSet(step, null)) {
                stopped.set(referralId);
                throw new SimulatedCrash(step, referralId);
            }
            if (holdAt.compareAndSet(step, null)) {
                stopped.set(referralId);
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void crashNextAt(Step step) {
            crashAt.set(step);
        }

        void holdNextAt(Step step) {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
            waiting = new CountDownLatch(1);
            holdAt.set(step);
        }

        void reset() {
            crashAt.set(null);
            holdAt.set(null);
            release.countDown();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Controls {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        @Bean
        ControlledSteps intakeSteps() {
            return new ControlledSteps();
        }
    }

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private MovableClock clock;
    @Autowired
    private ControlledSteps steps;
    @Autowired
    private UnfinishedIntakes unfinished;

    @AfterEach
    void letIntakesThrough() {
        steps.reset();
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"HISTORY_RECORDED", "DETAILS_SAVED"})
    void aReferralWhoseIntakeDiedIsNeverLinkedToAndALaterDuplicateLinksToTheRealFirst(Step step) throws Exception {
        Person person = Person.random();
        String crimeReference = randomCrimeReference();
        steps.crashNextAt(step);

        HttpResponse<String> killed = post(referral("kent-police", person, "violent-crime", crimeReference));

        assertThat(killed.statusCode()).as(killed.body()).isEqualTo(500);
        String ghost = steps.stopped.get();
        assertThat(get("kent-police", "/api/referrals/" + ghost).statusCode()).isEqualTo(404);
        assertThat(claimCheck(ghost).statusCode()).as("details without their referral are not served").isEqualTo(404);
        clock.moveTo(clock.instant().plus(PAST_THE_GRACE));

        JsonNode first = created(referral("kcc-families-social-care", person, "public-order", crimeReference));
        JsonNode second = created(referral("probation-kent", person, "public-order", crimeReference));

        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("routed");
        assertThat(first.path("linkedTo").isNull() || first.path("linkedTo").isMissingNode()).isTrue();
        assertThat(second.path("status").asString()).isEqualTo("linked");
        assertThat(second.path("linkedTo").asString()).isEqualTo(first.path("id").asString());
        assertThat(detailsHeldFor(ghost)).as("the dead intake's personal details are forgotten").isZero();
        assertThat(historyOf(first.path("subjectPseudonym").asString()).getList("referralIds", String.class))
                .containsExactly(first.path("id").asString(), second.path("id").asString());
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"HISTORY_RECORDED", "DETAILS_SAVED"})
    void aRetryOfTheSameAgencyReferenceCompletesTheReferralWithItsHistoryAndDetailsCountedOnce(Step step) throws Exception {
        Person victim = Person.random();
        String crimeReference = randomCrimeReference();
        Map<String, Object> incident = domesticAbuse("kent-police", victim, 3, today().minusDays(20), crimeReference);
        steps.crashNextAt(step);
        assertThat(post(incident).statusCode()).isEqualTo(500);
        String ghost = steps.stopped.get();

        JsonNode retried = created(incident);

        assertThat(retried.path("id").asString()).isEqualTo(ghost);
        assertThat(retried.path("status").asString()).isEqualTo("routed");
        HttpResponse<String> details = claimCheck(ghost);
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        assertThat(JSON.readTree(details.body()).path("name").asString()).isEqualTo(victim.name());
        // a duplicate from another agency links to it
        JsonNode duplicate = created(domesticAbuse("kcc-families-social-care", victim, 3, today().minusDays(20), crimeReference));
        assertThat(duplicate.path("linkedTo").asString()).isEqualTo(ghost);
        // its incident counts once: two incidents in twelve months, not the three of an escalation
        JsonNode secondIncident = created(domesticAbuse("kent-police", victim, 3, today().minusDays(5), randomCrimeReference()));
        assertThat(secondIncident.path("triage").path("marac").asBoolean()).as(secondIncident.toString()).isFalse();
        JsonNode thirdIncident = created(domesticAbuse("kent-police", victim, 3, today().minusDays(1), randomCrimeReference()));
        assertThat(thirdIncident.path("triage").path("maracReasons").valueStream().map(JsonNode::asString))
                .containsExactly("escalation");
        // and the retry answered, the same reference is a replay again
        HttpResponse<String> replay = post(incident);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("id").asString()).isEqualTo(ghost);
    }

    @Test
    void aReferralOfThePersonArrivingWhileAnotherIsBeingTakenInWaitsForItAndLinksToIt() throws Exception {
        Person person = Person.random();
        String crimeReference = randomCrimeReference();
        steps.holdNextAt(Step.DETAILS_SAVED);
        CompletableFuture<HttpResponse<String>> first = postAsync(referral("kent-police", person, "violent-crime", crimeReference));
        assertThat(steps.held.await(30, TimeUnit.SECONDS)).as("the first intake is between its history and its referral").isTrue();

        CompletableFuture<HttpResponse<String>> second = postAsync(
                referral("kcc-families-social-care", person, "public-order", crimeReference));
        assertThat(steps.waiting.await(30, TimeUnit.SECONDS)).as("the second intake waits for the first").isTrue();
        steps.reset();

        JsonNode firstReferral = JSON.readTree(first.get(30, TimeUnit.SECONDS).body());
        HttpResponse<String> secondResponse = second.get(30, TimeUnit.SECONDS);
        assertThat(secondResponse.statusCode()).as(secondResponse.body()).isEqualTo(201);
        JsonNode secondReferral = safeguardingView(JSON.readTree(secondResponse.body()).path("id").asString());
        assertThat(firstReferral.path("status").asString()).isEqualTo("routed");
        assertThat(secondReferral.path("status").asString()).isEqualTo("linked");
        assertThat(secondReferral.path("linkedTo").asString()).isEqualTo(firstReferral.path("id").asString());
    }

    @Test
    void anIntakeStalledPastTheGraceAndTakenForDeadStillEndsWithItsHistoryAndDetails() throws Exception {
        Person person = Person.random();
        String crimeReference = randomCrimeReference();
        steps.holdNextAt(Step.DETAILS_SAVED);
        CompletableFuture<HttpResponse<String>> stalled = postAsync(referral("kent-police", person, "violent-crime", crimeReference));
        assertThat(steps.held.await(30, TimeUnit.SECONDS)).isTrue();
        String stalledId = steps.stopped.get();
        clock.moveTo(clock.instant().plus(PAST_THE_GRACE));
        JsonNode meanwhile = created(referral("kcc-families-social-care", person, "public-order", crimeReference));
        assertThat(meanwhile.path("status").asString()).as("the stalled intake was taken for dead").isEqualTo("routed");
        assertThat(detailsHeldFor(stalledId)).isZero();

        steps.reset();

        HttpResponse<String> finished = stalled.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(201);
        assertThat(claimCheck(stalledId).statusCode()).as("its details are saved again").isEqualTo(200);
        JsonNode later = created(referral("probation-kent", person, "public-order", crimeReference));
        assertThat(later.path("linkedTo").asString()).as("its history is recorded again: the earliest links")
                .isEqualTo(stalledId);
    }

    @Test
    void theSettlementForgetsADeadIntakeOfASubjectNobodyRefersAgain() throws Exception {
        Person person = Person.random();
        steps.crashNextAt(Step.DETAILS_SAVED);
        assertThat(post(referral("kent-police", person, "burglary", null)).statusCode()).isEqualTo(500);
        String ghost = steps.stopped.get();
        String pseudonym = pseudonymHolding(ghost);
        assertThat(detailsHeldFor(ghost)).isEqualTo(1);
        unfinished.settleAll();
        assertThat(detailsHeldFor(ghost)).as("still within the grace: it may be running").isEqualTo(1);
        clock.moveTo(clock.instant().plus(PAST_THE_GRACE));

        unfinished.settleAll();

        assertThat(detailsHeldFor(ghost)).isZero();
        Document history = historyOf(pseudonym);
        assertThat(history.getList("referralIds", String.class)).doesNotContain(ghost);
        assertThat(history.getList("priors", Document.class)).isEmpty();
        assertThat(history.get("pending")).isNull();
    }

    /** The settlement writes nothing for an intake that finished: its history stands, and the next intake of the person reads it. */
    @Test
    void theSettlementLeavesAFinishedIntakeAsItIs() throws Exception {
        Person person = Person.random();
        String crimeReference = "46/" + UUID.randomUUID().toString().substring(0, 6) + "/26";
        JsonNode first = created(referral("kent-police", person, "public-order", crimeReference));
        String pseudonym = pseudonymHolding(first.path("id").asString());
        Object versionBefore = historyOf(pseudonym).get("version");
        clock.moveTo(clock.instant().plus(PAST_THE_GRACE));

        unfinished.settleAll();

        assertThat(historyOf(pseudonym).get("version")).as("the history was not written again").isEqualTo(versionBefore);
        JsonNode again = created(referral("probation-kent", person, "public-order", crimeReference));
        assertThat(again.path("linkedTo").asString()).as("the finished intake counts").isEqualTo(first.path("id").asString());
        assertThat(historyOf(pseudonym).get("pending", Document.class).getString("referralId"))
                .as("the next intake confirmed the first in its own write").isEqualTo(again.path("id").asString());
    }

    // ---------------------------------------------------------------- helpers

    record Person(String name, String dateOfBirth, String postcode) {
        static Person random() {
            String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            return new Person("Morgan Crashley" + suffix, "1979-03-" + String.format("%02d", 1 + (int) (Math.random() * 28)),
                    "ME14 1" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26)));
        }
    }

    private static Map<String, Object> referral(String agency, Person person, String category, String crimeReference) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", "victim");
        subject.put("name", person.name());
        subject.put("dateOfBirth", person.dateOfBirth());
        subject.put("postcode", person.postcode());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", agency);
        fields.put("agencyReference", "CRASH-" + UUID.randomUUID());
        fields.put("district", "maidstone");
        fields.put("category", category);
        if (crimeReference != null) {
            fields.put("crimeReference", crimeReference);
        }
        fields.put("subject", subject);
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 123"));
        return fields;
    }

    private static Map<String, Object> domesticAbuse(String agency, Person person, int yesAnswers, LocalDate incidentDate,
            String crimeReference) {
        Map<String, Object> fields = referral(agency, person, "domestic-abuse", crimeReference);
        fields.put("incidentDate", incidentDate.toString());
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            answers.add(i < yesAnswers);
        }
        fields.put("dash", Map.of("checklist", "police", "answers", answers));
        return fields;
    }

    private static String randomCrimeReference() {
        return "46/" + UUID.randomUUID().toString().substring(0, 8) + "/26";
    }

    private static LocalDate today() {
        return LocalDate.now(KENT);
    }

    private long detailsHeldFor(String referralId) {
        return mongo.getCollection("subject_details").countDocuments(new Document("_id", referralId));
    }

    private Document historyOf(String pseudonym) {
        return mongo.getCollection("subjects").find(new Document("_id", pseudonym)).first();
    }

    private String pseudonymHolding(String referralId) {
        Document history = mongo.getCollection("subjects").find(new Document("referralIds", referralId)).first();
        assertThat(history).as("a history naming " + referralId).isNotNull();
        return history.getString("_id");
    }

    /** Posts and answers the referral as the safeguarding scope reads it: with its link and all its MARAC reasons. */
    private JsonNode created(Map<String, Object> referral) throws Exception {
        HttpResponse<String> response = post(referral);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return safeguardingView(JSON.readTree(response.body()).path("id").asString());
    }

    private JsonNode safeguardingView(String id) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/referrals/" + id + "/safeguarding"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", Tokens.safeguarding()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(Map<String, Object> referral) throws Exception {
        return postAsync(referral).get(60, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(Map<String, Object> referral) {
        String json = JSON.writeValueAsString(referral);
        return HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/referrals")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", Tokens.agencyNamedIn(json, "kent-police"))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String agency, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.agency(agency)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The victims service's claim check (it alone holds the referrals.subject scope). */
    private HttpResponse<String> claimCheck(String referralId) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/referrals/" + referralId + "/subject")).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.bearer("svc-victims")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }
}
