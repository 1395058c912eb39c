package org.saferkent.simulator;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * After a run, what the system holds against what it acknowledged, read through the public APIs only:
 * every referral answered 201 must exist exactly once (by its id and in its agency's listing by agency
 * reference), each one routed to victim services must have exactly one victim case and each one routed
 * to restorative justice one RJ case, each one routed to a partner team's pathway answered at most once
 * there (its timeline holds at most one acceptance, one decline and one closure for the pathway, never both
 * an acceptance and a decline, and agrees with the pathway's state), commissioning's counts must equal what
 * the services hold (partner teams' cases opened and closed: what referrals holds on those pathways), the
 * outbox backlog must be empty and no dead letter may wait (open or replaying).
 *
 * <p>Each call to {@link #check} reads everything afresh: the caller repeats it until the report is
 * {@link Report#clean()} or its own bound runs out (events are still on their way for a while after the
 * last request).
 */
public final class Reconciliation {

    static final Set<String> VICTIM_PATHWAYS = Set.of("victim-support", "domestic-abuse");
    static final String RJ_PATHWAY = "restorative-justice";
    private static final int PAGE = 200;
    private static final int SHOWN = 10;
    private static final int PARALLEL_REQUESTS = 6;

    /** One pathway's cases: referrals routed to it, and how many of them have exactly one case, none, or more. */
    public record Cases(int routed, int once, List<String> missing, List<String> doubled) {

        boolean clean() {
            return missing.isEmpty() && doubled.isEmpty();
        }

        @Override
        public String toString() {
            return routed + " routed: " + once + " with one case, " + missing.size() + " without" + examples(missing) + ", "
                    + doubled.size() + " with more than one" + examples(doubled);
        }
    }

    /**
     * The referrals routed to partner teams' pathways (one per referral and pathway) and how they were answered.
     *
     * @param routed    acknowledged referral × partner pathway
     * @param answered  of those, answered (accepted, declined or closed)
     * @param twice     answered more than once, or in a way the pathway's state does not show
     */
    public record PartnerAnswers(int routed, int answered, List<String> twice) {

        boolean clean() {
            return twice.isEmpty();
        }

        @Override
        public String toString() {
            return routed + " routed (referral × pathway): " + answered + " answered, " + twice.size()
                    + " answered more than once or not as their state shows" + examples(twice);
        }
    }

    /**
     * @param acknowledged referrals answered 201
     * @param once         of those, found exactly once
     * @param lost         acknowledged but not found (agency reference and id)
     * @param doubled      acknowledged and found more than once
     * @param victimCases  acknowledged referrals routed to victim-support or domestic-abuse
     * @param rjCases      acknowledged referrals routed to restorative-justice
     * @param partnerAnswers acknowledged referrals routed to a partner team's pathway, and their answers
     * @param countMismatches commissioning's counts that differ from what the services hold
     * @param outboxBacklog events stored but not yet published, summed over the services
     * @param stuckDeadLetters dead letters open or replaying (with their topic and reason)
     * @param held         referrals the referrals service holds for the agencies of the run (acknowledged or not)
     */
    public record Report(int acknowledged, int once, List<String> lost, List<String> doubled, Cases victimCases, Cases rjCases,
            PartnerAnswers partnerAnswers, List<String> countMismatches, double outboxBacklog, List<String> stuckDeadLetters, int held) {

        /** Nothing lost, nothing doubled, the counts agree, nothing waits. */
        public boolean clean() {
            return lost.isEmpty() && doubled.isEmpty() && victimCases.clean() && rjCases.clean() && partnerAnswers.clean()
                    && countMismatches.isEmpty()
                    && outboxBacklog == 0 && stuckDeadLetters.isEmpty();
        }

        /** Only what can still change while events are on their way: every acknowledged referral is there once. */
        public boolean referralsClean() {
            return lost.isEmpty() && doubled.isEmpty();
        }

        @Override
        public String toString() {
            return "referrals: " + acknowledged + " acknowledged, " + once + " found once, " + lost.size() + " lost" + examples(lost)
                    + ", " + doubled.size() + " doubled" + examples(doubled) + " (" + held + " held in all)"
                    + "\nvictim cases: " + victimCases
                    + "\nRJ cases: " + rjCases
                    + "\npartner teams' answers: " + partnerAnswers
                    + "\ncommissioning counts: " + (countMismatches.isEmpty() ? "equal to what the services hold"
                            : countMismatches.size() + " differ: " + String.join("; ", countMismatches))
                    + "\noutbox backlog: " + (long) outboxBacklog
                    + "\ndead letters waiting: " + stuckDeadLetters.size() + examples(stuckDeadLetters);
        }
    }

    /** A referral as its agency's listing shows it. */
    private record Held(String id, String agency, String agencyReference, String district, String status, List<String> pathways,
            Map<String, String> states) {
    }

    private final AgencyClient client;

    public Reconciliation(AgencyClient client) {
        this.client = client;
    }

    /**
     * @param acknowledged the referrals answered 201, with the id they were given
     * @param agencies     every agency the run posted for (acknowledged or not): whose listings to read
     */
    public Report check(Collection<IntakeRun.Posted> acknowledged, Collection<String> agencies) {
        ServiceUrls urls = client.urls();
        // everything each agency's listing holds, grouped by agency reference
        Map<String, List<Held>> byReference = new HashMap<>();
        List<Held> held = new ArrayList<>();
        for (String agency : new TreeSet<>(agencies)) {
            for (JsonNode item : pages(urls.referrals() + "/api/referrals?", TokenSource.agencyClient(agency))) {
                List<String> pathways = new ArrayList<>();
                Map<String, String> states = new HashMap<>();
                item.path("pathways").forEach(p -> {
                    pathways.add(p.path("pathway").asString());
                    states.put(p.path("pathway").asString(), p.path("status").asString());
                });
                Held one = new Held(item.path("id").asString(), item.path("agency").asString(), item.path("agencyReference").asString(null),
                        item.path("district").asString(), item.path("status").asString(), pathways, states);
                held.add(one);
                byReference.computeIfAbsent(one.agency() + "/" + one.agencyReference(), k -> new ArrayList<>()).add(one);
            }
        }

        int once = 0;
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<Held> acknowledgedHeld = new ArrayList<>();
        List<IntakeRun.Posted> answered = List.copyOf(acknowledged);
        List<HttpResponse<String>> byIds = inParallel(answered, posted -> client.get(urls.referrals() + "/api/referrals/"
                + posted.referralId(), TokenSource.agencyClient(posted.referral().agency())));
        for (int i = 0; i < answered.size(); i++) {
            IntakeRun.Posted posted = answered.get(i);
            SimulatedReferral referral = posted.referral();
            String label = referral.agency() + "/" + referral.agencyReference() + " (id " + posted.referralId() + ")";
            List<Held> found = byReference.getOrDefault(referral.agency() + "/" + referral.agencyReference(), List.of());
            HttpResponse<String> byId = byIds.get(i);
            if (found.isEmpty() || byId.statusCode() == 404) {
                lost.add(label + (found.isEmpty() ? " not in its agency's listing" : "") + (byId.statusCode() == 404 ? " 404 by id" : ""));
            } else if (found.size() > 1) {
                doubled.add(label + " listed " + found.size() + " times");
            } else if (byId.statusCode() != 200 || !posted.referralId().equals(found.get(0).id())) {
                lost.add(label + ": by id HTTP " + byId.statusCode() + ", listed as " + found.get(0).id());
            } else {
                once++;
                acknowledgedHeld.add(found.get(0));
            }
        }

        // victim cases, all of them, grouped by the referral they were opened for
        Map<String, List<JsonNode>> victimCasesByReferral = new HashMap<>();
        Map<String, Long> victimCasesHeld = new TreeMap<>(); // district/pathway -> cases
        for (JsonNode victimCase : pages(urls.victims() + "/api/victim-cases?", AgencyClient.VICTIMS_CASEWORKER)) {
            victimCasesByReferral.computeIfAbsent(victimCase.path("referralId").asString(), k -> new ArrayList<>()).add(victimCase);
            victimCasesHeld.merge(victimCase.path("district").asString() + "/" + victimCase.path("pathway").asString(), 1L, Long::sum);
        }
        Cases victimCases = victimCases(acknowledgedHeld, victimCasesByReferral);

        // RJ cases have no listing: each held referral routed there is asked for its case
        Map<String, Long> rjCasesHeld = new TreeMap<>();
        Set<String> rjFound = new LinkedHashSet<>();
        Map<String, Integer> rjAnswered = new HashMap<>();
        List<Held> routedToRj = held.stream().filter(referral -> referral.pathways().contains(RJ_PATHWAY)).toList();
        List<HttpResponse<String>> rjAnswers = inParallel(routedToRj, referral -> client.get(urls.restorativeJustice()
                + "/api/rj-cases?referralId=" + encode(referral.id()), AgencyClient.RJ_PRACTITIONER));
        for (int i = 0; i < routedToRj.size(); i++) {
            Held referral = routedToRj.get(i);
            HttpResponse<String> rjCase = rjAnswers.get(i);
            rjAnswered.put(referral.id(), rjCase.statusCode());
            if (rjCase.statusCode() == 200 && referral.id().equals(client.read(rjCase).path("referralId").asString())) {
                rjFound.add(referral.id());
                rjCasesHeld.merge(referral.district() + "/" + RJ_PATHWAY, 1L, Long::sum);
            }
        }
        int rjRouted = 0;
        int rjOnce = 0;
        List<String> rjMissing = new ArrayList<>();
        for (Held referral : acknowledgedHeld) {
            if (referral.pathways().contains(RJ_PATHWAY)) {
                rjRouted++;
                if (rjFound.contains(referral.id())) {
                    rjOnce++; // a case's id derives from its referral's: a second one cannot be stored beside it
                } else {
                    rjMissing.add(referral.id() + " (" + referral.status() + ", HTTP " + rjAnswered.get(referral.id()) + ")");
                }
            }
        }
        Cases rjCases = new Cases(rjRouted, rjOnce, rjMissing, List.of());

        return new Report(acknowledged.size(), once, lost, doubled, victimCases, rjCases, partnerAnswers(acknowledgedHeld),
                countMismatches(held, victimCasesHeld, rjCasesHeld), outboxBacklog(), stuckDeadLetters(), held.size());
    }

    /** Each acknowledged referral routed to a partner team: its timeline, as its own agency reads it. */
    private PartnerAnswers partnerAnswers(List<Held> acknowledgedHeld) {
        List<Held> routed = acknowledgedHeld.stream()
                .filter(referral -> referral.pathways().stream().anyMatch(PartnerTeams.PATHWAYS::contains)).toList();
        List<HttpResponse<String>> timelines = inParallel(routed, referral -> client.get(client.urls().referrals() + "/api/referrals/"
                + encode(referral.id()) + "/timeline", TokenSource.agencyClient(referral.agency())));
        int pathways = 0;
        int answered = 0;
        List<String> twice = new ArrayList<>();
        for (int i = 0; i < routed.size(); i++) {
            Held referral = routed.get(i);
            HttpResponse<String> timeline = timelines.get(i);
            if (timeline.statusCode() != 200) {
                throw new IllegalStateException("the timeline of " + referral.id() + " answered " + timeline.statusCode());
            }
            for (String pathway : PartnerTeams.partnerPathways(referral.pathways())) {
                pathways++;
                String state = referral.states().get(pathway);
                if (!"routed".equals(state)) {
                    answered++;
                }
                answerProblem(pathway, state, client.read(timeline)).ifPresent(problem -> twice.add(referral.id() + " " + problem));
            }
        }
        return new PartnerAnswers(pathways, answered, twice);
    }

    /**
     * What is wrong with one pathway's answers in a referral's timeline ({@code accepted} "pathway case id",
     * {@code declined} "pathway: reason", {@code closed} "pathway: outcome"), given the pathway's state: an
     * answer given more than once, an acceptance and a decline both, or answers the state does not show.
     */
    static java.util.Optional<String> answerProblem(String pathway, String state, JsonNode timeline) {
        int accepted = 0;
        int declined = 0;
        int closed = 0;
        for (JsonNode entry : timeline) {
            String what = entry.path("what").asString("");
            String detail = entry.path("detail").asString("");
            if ("accepted".equals(what) && detail.startsWith(pathway + " ")) {
                accepted++;
            } else if ("declined".equals(what) && (detail.equals(pathway) || detail.startsWith(pathway + ":"))) {
                declined++;
            } else if ("closed".equals(what) && (detail.equals(pathway) || detail.startsWith(pathway + ":"))) {
                closed++;
            }
        }
        String counts = pathway + " (" + state + "): accepted " + accepted + ", declined " + declined + ", closed " + closed;
        if (accepted > 1 || declined > 1 || closed > 1) {
            return java.util.Optional.of(counts + ", answered more than once");
        }
        if (accepted + declined > 1) {
            return java.util.Optional.of(counts + ", both accepted and declined");
        }
        boolean asStateShows = switch (state == null ? "" : state) {
            case "routed" -> accepted + declined + closed == 0;
            case "accepted" -> accepted == 1 && closed == 0;
            case "declined" -> declined == 1 && closed == 0;
            case "closed" -> accepted == 1 && closed == 1;
            default -> false;
        };
        return asStateShows ? java.util.Optional.empty() : java.util.Optional.of(counts + ", not as its state shows");
    }

    private static Cases victimCases(List<Held> acknowledgedHeld, Map<String, List<JsonNode>> byReferral) {
        int routed = 0;
        int once = 0;
        List<String> missing = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        for (Held referral : acknowledgedHeld) {
            if (referral.pathways().stream().noneMatch(VICTIM_PATHWAYS::contains)) {
                continue;
            }
            routed++;
            List<JsonNode> cases = byReferral.getOrDefault(referral.id(), List.of());
            if (cases.size() == 1) {
                once++;
            } else if (cases.isEmpty()) {
                missing.add(referral.id() + " (" + referral.status() + ")");
            } else {
                doubled.add(referral.id() + " has " + cases.size() + " cases");
            }
        }
        return new Cases(routed, once, missing, doubled);
    }

    /**
     * Commissioning counts one row per district and pathway: referrals routed there (referrals holds
     * them with that pathway) and cases opened (victims holds the case, or restorative justice does; for a
     * partner team's pathway, referrals holds it accepted or closed) and, for a partner team's pathway,
     * cases closed (referrals holds it closed).
     */
    private List<String> countMismatches(List<Held> held, Map<String, Long> victimCasesHeld, Map<String, Long> rjCasesHeld) {
        Map<String, Long> routed = new TreeMap<>();
        for (Held referral : held) {
            for (String pathway : referral.pathways()) {
                routed.merge(referral.district() + "/" + pathway, 1L, Long::sum);
            }
        }
        Map<String, Long> opened = new TreeMap<>(victimCasesHeld);
        opened.putAll(rjCasesHeld);
        // a partner team's case is its acceptance (closing it keeps it opened); referrals holds both
        Map<String, Long> closed = new TreeMap<>();
        for (Held referral : held) {
            for (String pathway : PartnerTeams.partnerPathways(referral.pathways())) {
                String state = referral.states().get(pathway);
                if ("accepted".equals(state) || "closed".equals(state)) {
                    opened.merge(referral.district() + "/" + pathway, 1L, Long::sum);
                }
                if ("closed".equals(state)) {
                    closed.merge(referral.district() + "/" + pathway, 1L, Long::sum);
                }
            }
        }

        Map<String, long[]> counted = new TreeMap<>();
        HttpResponse<String> response = client.get(client.urls().commissioning() + "/api/commissioning/counts", AgencyClient.PCC_OFFICE);
        if (response.statusCode() != 200) {
            return List.of("GET /api/commissioning/counts answered " + response.statusCode());
        }
        for (JsonNode count : client.read(response)) {
            counted.put(count.path("district").asString() + "/" + count.path("pathway").asString(),
                    new long[] {count.path("referralsRouted").asLong(), count.path("casesOpened").asLong(),
                        count.path("casesClosed").asLong()});
        }
        Set<String> keys = new TreeSet<>(routed.keySet());
        keys.addAll(opened.keySet());
        keys.addAll(counted.keySet());
        List<String> mismatches = new ArrayList<>();
        for (String key : keys) {
            long[] counts = counted.getOrDefault(key, new long[3]);
            long routedHeld = routed.getOrDefault(key, 0L);
            long openedHeld = opened.getOrDefault(key, 0L);
            String pathway = key.substring(key.indexOf('/') + 1);
            boolean partner = PartnerTeams.PATHWAYS.contains(pathway);
            boolean caseService = VICTIM_PATHWAYS.contains(pathway) || RJ_PATHWAY.equals(pathway) || partner;
            if (counts[0] != routedHeld) {
                mismatches.add(key + " referralsRouted " + counts[0] + " (referrals holds " + routedHeld + ")");
            }
            if (caseService && counts[1] != openedHeld) {
                mismatches.add(key + " casesOpened " + counts[1] + (partner ? " (referrals holds " : " (the case service holds ")
                        + openedHeld + ")");
            }
            if (partner && counts[2] != closed.getOrDefault(key, 0L)) {
                mismatches.add(key + " casesClosed " + counts[2] + " (referrals holds " + closed.getOrDefault(key, 0L) + ")");
            }
        }
        return mismatches;
    }

    /** The services' outbox backlog gauges, summed. */
    public double outboxBacklog() {
        ServiceUrls urls = client.urls();
        double backlog = 0;
        for (String base : urls.byName().values()) {
            HttpResponse<String> response = client.get(base + "/actuator/prometheus", "ops");
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            for (String line : response.body().split("\n")) {
                if (line.startsWith("saferkent_outbox_backlog ") || line.startsWith("saferkent_outbox_backlog{")) {
                    backlog += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return backlog;
    }

    private List<String> stuckDeadLetters() {
        List<String> stuck = new ArrayList<>();
        for (String status : List.of("open", "replaying")) {
            HttpResponse<String> response = client.get(client.urls().opsMonitor() + "/api/ops/dead-letters?limit=500&status=" + status, "ops");
            if (response.statusCode() != 200) {
                stuck.add("GET /api/ops/dead-letters?status=" + status + " answered " + response.statusCode());
                continue;
            }
            for (JsonNode letter : client.read(response)) {
                stuck.add(status + " " + letter.path("topic").asString() + " " + letter.path("eventType").asString("")
                        + ": " + letter.path("reason").asString());
            }
        }
        return stuck;
    }

    private List<JsonNode> pages(String url, String clientId) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = client.get(url + "size=" + PAGE + "&page=" + page, clientId);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " as " + clientId + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = client.read(response);
            body.path("items").forEach(items::add);
            if (body.path("items").size() < PAGE || items.size() >= body.path("total").asLong()) {
                return items;
            }
        }
    }

    /**
     * One request per item, a few at a time (a long run's reconciliation asks about thousands of referrals), each waiting
     * out a 429 as the service asks: the services limit each client's requests a second, and a lookup refused for that
     * would read as a referral or case missing.
     */
    private static <T> List<HttpResponse<String>> inParallel(List<T> items, Function<T, HttpResponse<String>> call) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (T item : items) {
                answers.add(pool.submit(() -> IntakeRun.respectingLimits(() -> call.apply(item))));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String examples(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return " [" + String.join(", ", items.subList(0, Math.min(SHOWN, items.size()))) + (items.size() > SHOWN ? ", ..." : "") + "]";
    }
}
