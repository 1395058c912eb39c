package org.saferkent.referrals.triage.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a domestic abuse incident goes to a MARAC (SafeLives MARAC guidance): HIGH risk, a repeat
 * within 12 months of the last MARAC referral (whatever the score), or escalation (3 incidents in 12 months).
 * The caller screens only domestic abuse incidents.
 *
 * <p>Windows are whole calendar periods added with {@link LocalDate#plus} and are inclusive at both ends:
 * with the default 12 months, an incident on the anniversary of the last MARAC referral is a repeat and one
 * the day after is not. java.time clamps to the end of a shorter month, so the 12-month anniversary of
 * 2024-02-29 is 2025-02-28 (and an incident on 2025-03-01 is not a repeat). An incident on the same day as the
 * last MARAC referral counts as a repeat (we cannot order events within a day, and erring towards MARAC is the
 * safer mistake); one dated before it is not a repeat of it.
 */
public final class MaracScreening {

    private MaracScreening() {
    }

    /**
     * @param level        the DASH level after professional judgement, or {@code null} if no DASH was completed
     * @param incidentDate when the incident being screened happened
     * @param history      the subject's earlier incidents (not this one) and last MARAC referral
     */
    public static MaracDecision screen(RiskLevel level, LocalDate incidentDate, SubjectHistory history, MaracRules rules) {
        Objects.requireNonNull(incidentDate, "incidentDate");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(rules, "rules");

        Set<MaracReason> reasons = EnumSet.noneOf(MaracReason.class);
        if (level == RiskLevel.HIGH) {
            reasons.add(MaracReason.HIGH_RISK);
        }
        if (isRepeat(incidentDate, history.lastMaracReferral(), rules)) {
            reasons.add(MaracReason.REPEAT);
        }
        int incidents = incidentsInEscalationWindow(incidentDate, history, rules);
        if (incidents >= rules.escalationIncidents()) {
            reasons.add(MaracReason.ESCALATION);
        }
        return MaracDecision.of(reasons, incidents);
    }

    private static boolean isRepeat(LocalDate incidentDate, LocalDate lastMaracReferral, MaracRules rules) {
        if (lastMaracReferral == null) {
            return false;
        }
        LocalDate windowEnd = lastMaracReferral.plus(rules.repeatWindow());
        return !incidentDate.isBefore(lastMaracReferral) && !incidentDate.isAfter(windowEnd);
    }

    /** This incident plus earlier ones on or after (incident date − window), counting back; later-dated ones are not "prior". */
    private static int incidentsInEscalationWindow(LocalDate incidentDate, SubjectHistory history, MaracRules rules) {
        LocalDate windowStart = incidentDate.minus(rules.escalationWindow());
        long prior = history.domesticAbuseIncidents().stream()
                .filter(d -> !d.isBefore(windowStart) && !d.isAfter(incidentDate))
                .count();
        return 1 + (int) prior;
    }
}
