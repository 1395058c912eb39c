package org.saferkent.simulator;

import static java.util.Map.entry;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The partner teams that deliver the pathways SaferKent has no case service for, answering in their inboxes in
 * the referrals service ({@code /api/inbox}, scope {@code referrals.inbox}), each with its own agency's client:
 * KCC Integrated Youth Services (youth prevention), the Kent DAAT (substance misuse), the Troubled Families team
 * and each district council's ASB team (its own district). The owners mirror referrals'
 * {@code saferkent.referrals.inbox.owners}.
 *
 * <p>A team finds the referral in its inbox listing and answers it as drawn from the seed, the referral's
 * sequence and the pathway: most are accepted and most of those closed with an outcome, some declined with a
 * reason, a few accepted and left open. The answer is taken from what the listing shows, so a team that lost an
 * answer on the way (the stack was killed) carries on from where the referral stands.
 */
public final class PartnerTeams {

    /** The pathways answered in a partner team's inbox. */
    public static final Set<String> PATHWAYS = Set.of("youth-prevention", "substance-misuse", "troubled-families", "asb-case");

    private static final Map<String, String> KENT_WIDE = Map.of("youth-prevention", "kcc-integrated-youth-services",
            "substance-misuse", "kent-daat", "troubled-families", "kcc-families-social-care");

    /** Why a team declines (referrals' fixed vocabulary), as often as teams give each reason. */
    static final WeightedChoice<String> DECLINE_REASONS = WeightedChoice.of(entry("does-not-meet-criteria", 0.3),
            entry("already-supported", 0.2), entry("consent-not-given", 0.15), entry("unable-to-contact", 0.15),
            entry("no-capacity", 0.1), entry("out-of-area", 0.05), entry("other", 0.05));

    /** How a team's work ended (referrals' fixed vocabulary). */
    static final WeightedChoice<String> OUTCOMES = WeightedChoice.of(entry("completed", 0.5), entry("partly-completed", 0.15),
            entry("disengaged", 0.1), entry("declined-support", 0.08), entry("unable-to-contact", 0.07), entry("moved-away", 0.04),
            entry("transferred", 0.04), entry("other", 0.02));

    private static final double DECLINED = 0.15;
    private static final double LEFT_OPEN = 0.2;
    private static final int INBOX_PAGE = 200;

    /**
     * What a team does with one referral on one pathway.
     *
     * @param accept  accepted (or else declined with {@code reason})
     * @param reason  the decline's reason, or null
     * @param outcome the closure's outcome once accepted, or null when the work is still going on
     */
    public record Decision(boolean accept, String reason, String outcome) {
    }

    /**
     * Where one referral's partner pathways stand after a round.
     *
     * @param found   every partner pathway was found in its team's inbox
     * @param settled every partner pathway is where its decision takes it (nothing left to send)
     * @param answers answers sent and taken (2xx)
     */
    public record Round(boolean found, boolean settled, int answers) {
    }

    private final AgencyClient client;
    private final long seed;

    public PartnerTeams(AgencyClient client, long seed) {
        this.client = client;
        this.seed = seed;
    }

    /** The agency whose team answers for the pathway in the district, or null for a pathway of a case service. */
    public static String owner(String pathway, String district) {
        if ("asb-case".equals(pathway)) {
            return KentShape.DISTRICT_COUNCILS.get(district);
        }
        return KENT_WIDE.get(pathway);
    }

    /** The referral's pathways that partner teams answer, in the referral's order. */
    public static List<String> partnerPathways(List<String> pathways) {
        return pathways.stream().filter(PATHWAYS::contains).toList();
    }

    /** The same referral and pathway get the same decision for a seed, whatever else the run did. */
    public Decision decide(long sequence, String pathway) {
        Random random = new Random(seed * 131 + sequence * 8191 + pathway.hashCode());
        if (random.nextDouble() < DECLINED) {
            return new Decision(false, DECLINE_REASONS.pick(random), null);
        }
        return new Decision(true, null, random.nextDouble() < LEFT_OPEN ? null : OUTCOMES.pick(random));
    }

    /** One round of the teams' work on the referral's partner pathways: list the inbox, answer what is due. */
    public Round answer(SimulatedReferral referral, String referralId) {
        boolean found = true;
        boolean settled = true;
        int answers = 0;
        for (String pathway : partnerPathways(referral.pathways())) {
            String team = TokenSource.agencyClient(owner(pathway, referral.district()));
            String status = statusInInbox(team, pathway, referral.district(), referralId);
            if (status == null) {
                found = false;
                settled = false;
                continue;
            }
            Decision decision = decide(referral.sequence(), pathway);
            String base = client.urls().referrals() + "/api/inbox/" + referralId + "/pathways/" + pathway;
            if ("routed".equals(status)) {
                HttpResponse<String> first = decision.accept()
                        ? client.post(base + "/acceptance", team, null)
                        : client.post(base + "/decline", team, Map.of("reason", decision.reason()));
                if (!ok(first)) {
                    settled = false;
                    continue;
                }
                answers++;
                status = stateOn(client.read(first), pathway, status);
            }
            if ("accepted".equals(status) && decision.accept() && decision.outcome() != null) {
                if (ok(client.post(base + "/closure", team, Map.of("outcome", decision.outcome())))) {
                    answers++;
                } else {
                    settled = false;
                }
            }
        }
        return new Round(found, settled, answers);
    }

    /** The referral's state on the pathway as its team's inbox lists it, or null when it is not listed (yet). */
    private String statusInInbox(String team, String pathway, String district, String referralId) {
        HttpResponse<String> response = client.get(client.urls().referrals() + "/api/inbox?pathway=" + encode(pathway) + "&district="
                + encode(district) + "&size=" + INBOX_PAGE, team);
        if (response.statusCode() != 200) {
            return null;
        }
        for (JsonNode item : client.read(response).path("items")) {
            if (referralId.equals(item.path("referralId").asString())) {
                return stateOn(item, pathway, null);
            }
        }
        return null;
    }

    /** The pathway's status in an inbox item, or {@code otherwise}. */
    static String stateOn(JsonNode item, String pathway, String otherwise) {
        for (JsonNode state : item.path("pathways")) {
            if (pathway.equals(state.path("pathway").asString())) {
                return state.path("status").asString();
            }
        }
        return otherwise;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean ok(HttpResponse<String> response) {
        return response.statusCode() / 100 == 2;
    }
}
