package org.saferkent.simulator;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * What practitioners do with the cases the referrals open, drawn from the seed: a victims caseworker
 * contacts the victim, assesses the eight needs, records cope-and-recover outcomes and closes the
 * case; an RJ practitioner takes consenting participants through a risk assessment to a conference
 * and its outcome. Not every case gets every step: some victims are never reached, some RJ cases stop
 * before a conference, as in life.
 */
public final class CaseWork {

    /** The steps one case got, for the run's summary. */
    public record Steps(String referralId, boolean victimCaseFound, int victimSteps, boolean rjCaseFound, int rjSteps) {
    }

    private static final List<String> NEEDS = List.of("mental-physical-health", "shelter-accommodation", "family-friends-children",
            "education-skills-employment", "drugs-alcohol", "finance-benefits", "outlook-attitudes", "social-interaction");
    private static final List<String> LEVELS = List.of("none", "none", "low", "medium", "high");
    private static final List<String> RESULTS = List.of("improved", "improved", "sustained", "not-improved");

    private final AgencyClient client;
    private final long seed;
    private final LocalDate today;

    public CaseWork(AgencyClient client, long seed, LocalDate today) {
        this.client = client;
        this.seed = seed;
        this.today = today;
    }

    /** Works the cases opened from one referral (those that exist by now); the same referral gets the same steps for a seed. */
    public Steps work(SimulatedReferral referral, String referralId) {
        Random random = new Random(seed * 31 + referral.sequence());
        int victimSteps = 0;
        int rjSteps = 0;
        Optional<String> victimCase = caseOf(client.urls().victims() + "/api/victim-cases?referralId=" + referralId,
                AgencyClient.VICTIMS_CASEWORKER);
        if (victimCase.isPresent()) {
            victimSteps = victimCaseWork(victimCase.get(), random);
        }
        Optional<String> rjCase = referral.pathways().contains("restorative-justice")
                ? caseOf(client.urls().restorativeJustice() + "/api/rj-cases?referralId=" + referralId, AgencyClient.RJ_PRACTITIONER)
                : Optional.empty();
        if (rjCase.isPresent() && !sensitive(referral.category())) {
            rjSteps = rjCaseWork(rjCase.get(), random);
        }
        return new Steps(referralId, victimCase.isPresent(), victimSteps, rjCase.isPresent(), rjSteps);
    }

    private Optional<String> caseOf(String url, String clientId) {
        HttpResponse<String> response = client.get(url, clientId);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode body = client.read(response);
        JsonNode found = body.isArray() ? (body.isEmpty() ? null : body.get(0)) : body;
        return found == null || !found.hasNonNull("id") ? Optional.empty() : Optional.of(found.get("id").asString());
    }

    private int victimCaseWork(String caseId, Random random) {
        String cases = client.urls().victims() + "/api/victim-cases/" + caseId;
        String worker = AgencyClient.VICTIMS_CASEWORKER;
        int steps = 0;
        if (random.nextDouble() < 0.1) { // never reached
            return ok(client.post(cases + "/contacts", worker, Map.of("channel", "phone", "outcome", "no-answer"))) ? 1 : 0;
        }
        steps += ok(client.post(cases + "/contacts", worker, Map.of("channel", random.nextBoolean() ? "phone" : "visit", "outcome", "made"))) ? 1 : 0;
        Map<String, String> assessed = new java.util.LinkedHashMap<>();
        NEEDS.forEach(need -> assessed.put(need, LEVELS.get(random.nextInt(LEVELS.size()))));
        steps += ok(client.post(cases + "/needs-assessments", worker, Map.of("needs", assessed))) ? 1 : 0;
        if (random.nextDouble() < 0.8) {
            Map<String, String> results = new java.util.LinkedHashMap<>();
            assessed.forEach((need, level) -> {
                if (!"none".equals(level)) {
                    results.put(need, RESULTS.get(random.nextInt(RESULTS.size())));
                }
            });
            boolean coped = results.values().stream().noneMatch("not-improved"::equals);
            steps += ok(client.post(cases + "/outcomes", worker, Map.of("needs", results, "copeAndRecover", coped))) ? 1 : 0;
            steps += ok(client.post(cases + "/closure", worker, Map.of("reason", "completed"))) ? 1 : 0;
        }
        return steps;
    }

    private int rjCaseWork(String caseId, Random random) {
        String cases = client.urls().restorativeJustice() + "/api/rj-cases/" + caseId;
        String worker = AgencyClient.RJ_PRACTITIONER;
        int steps = 0;
        HttpResponse<String> added = client.post(cases + "/participants", worker,
                Map.of("role", "offender", "pseudonym", "sim-offender-" + caseId, "age", 18 + random.nextInt(40)));
        if (!ok(added)) {
            return steps;
        }
        steps++;
        if (random.nextDouble() < 0.3) { // stops before a meeting
            return steps;
        }
        for (JsonNode participant : client.read(added).path("participants")) {
            steps += ok(client.post(cases + "/participants/" + participant.path("id").asString() + "/consent", worker,
                    Map.of("written", true, "informed", true, "recordedOn", today.toString()))) ? 1 : 0;
        }
        steps += ok(client.post(cases + "/risk-assessment", worker, Map.of("level", "low", "assessedBy", "sim practitioner"))) ? 1 : 0;
        steps += ok(client.post(cases + "/facilitator", worker, Map.of("facilitator", "sim-facilitator"))) ? 1 : 0;
        steps += ok(client.post(cases + "/conference", worker, Map.of("type", "direct-conference", "scheduledFor", today.toString()))) ? 1 : 0;
        steps += ok(client.post(cases + "/conference/held", worker, Map.of("heldOn", today.toString()))) ? 1 : 0;
        steps += ok(client.post(cases + "/outcome", worker, Map.of(
                "acpo", Map.of("offenderTakesResponsibility", true, "victimOrAffectedPartyInvolved", true, "structuredProcess", true,
                        "reparation", true),
                "agreement", Map.of("apology", true, "reparationType", "community", "reparationHours", 5 + random.nextInt(20)),
                "result", "completed", "victimSatisfaction", 3 + random.nextInt(3), "wouldRecommend", random.nextDouble() < 0.8))) ? 1 : 0;
        return steps;
    }

    /** Cases that need a manager's approval before direct contact: the simulator leaves those to people. */
    private static boolean sensitive(String category) {
        return List.of("domestic-abuse", "sexual-offence").contains(category);
    }

    private static boolean ok(HttpResponse<String> response) {
        return response.statusCode() / 100 == 2;
    }
}
