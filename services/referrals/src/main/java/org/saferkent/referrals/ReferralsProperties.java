package org.saferkent.referrals;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.saferkent.referrals.triage.domain.RiskLevel;
import org.saferkent.referrals.triage.domain.SubjectRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the referral rules leave to configuration (DOMAIN.md marks these "configurable").
 *
 * @param topic           where referral events are published
 * @param victimsTopic    victim case events (status feedback)
 * @param rjTopic         restorative justice case events (status feedback)
 * @param batchMaxSize    most referrals in one batch request
 * @param pseudonymSecret the partnership secret keying subject pseudonyms (at least 32 bytes)
 * @param dash            DASH thresholds
 * @param marac           MARAC repeat and escalation rules
 * @param duplicates      how near in time two referrals of one category count as the same incident
 * @param clocks          deadlines, in working days
 * @param routing         the routing table: category × risk × role × age → pathways
 * @param previousPseudonymSecrets secrets used before the current one, newest first: a subject recorded
 *                        under one is still recognised (and moved to the current pseudonym)
 * @param subjectTopic    where subject events (erasures) are published
 * @param intake          how intakes cut short by a crash are recognised
 * @param claimCheck      who is served subjects' personal details, and for which referrals
 */
@Validated
@ConfigurationProperties("saferkent.referrals")
public record ReferralsProperties(
        @NotBlank String topic,
        @NotBlank String victimsTopic,
        @NotBlank String rjTopic,
        @DefaultValue("500") @Positive int batchMaxSize,
        String pseudonymSecret,
        @DefaultValue @Valid Dash dash,
        @DefaultValue @Valid Marac marac,
        @DefaultValue @Valid Duplicates duplicates,
        @DefaultValue @Valid Clocks clocks,
        List<@Valid Route> routing,
        List<String> previousPseudonymSecrets,
        @DefaultValue("referrals.subject.events") @NotBlank String subjectTopic,
        @DefaultValue @Valid Intake intake,
        @DefaultValue @Valid ClaimCheck claimCheck) {

    /**
     * @param clientId the victims service's client: the only one served personal details
     * @param pathways the victim services' pathways: a subject's details are served only for a referral routed to one
     */
    public record ClaimCheck(@DefaultValue("svc-victims") @NotBlank String clientId,
            @DefaultValue({"victim-support", "domestic-abuse"}) List<String> pathways) {
    }

    /**
     * @param inFlightGrace  longest an intake may take from writing the subject's history to writing the referral
     *                       (milliseconds in practice): one older whose referral does not exist died, and its
     *                       history entries stop counting; a younger one is waited for by the next intake of the same subject
     * @param settleInterval how often histories left by dead intakes are settled for subjects nobody refers again
     */
    public record Intake(@DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration inFlightGrace,
            @DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration settleInterval) {
    }

    public record Dash(@DefaultValue("14") @Positive int high, @DefaultValue("10") @Positive int medium) {

        public Dash {
            if (medium >= 1 && high <= medium) {
                throw new IllegalArgumentException("saferkent.referrals.dash.high must be above saferkent.referrals.dash.medium ("
                        + medium + "), was " + high);
            }
        }
    }

    public record Marac(@DefaultValue("12m") @NotNull Period repeatWindow, @DefaultValue("3") @Positive int escalationIncidents,
            @DefaultValue("12m") @NotNull Period escalationWindow) {

        public Marac {
            // no Bean Validation constraint bounds a Period
            if (repeatWindow != null && repeatWindow.isNegative()) {
                throw new IllegalArgumentException("saferkent.referrals.marac.repeat-window must not be negative, was "
                        + repeatWindow);
            }
            if (escalationWindow != null && escalationWindow.isNegative()) {
                throw new IllegalArgumentException("saferkent.referrals.marac.escalation-window must not be negative, was "
                        + escalationWindow);
            }
        }
    }

    public record Duplicates(@DefaultValue("7d") @NotNull @DurationMin(millis = 0) Duration sameCategoryWindow) {
    }

    /**
     * @param victimDetailsWorkingDays Victims' Code 2020 para 4.5: victim details reach victim services within 2 working days
     * @param triageWorkingDays        working days a receiving service has to accept or decline, per risk level
     * @param scanInterval             how often overdue clocks are looked for
     */
    public record Clocks(@DefaultValue("2") @PositiveOrZero int victimDetailsWorkingDays,
            Map<RiskLevel, @NotNull @PositiveOrZero Integer> triageWorkingDays,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration scanInterval) {
    }

    public record Route(String name, Set<String> categories, Set<RiskLevel> risks, Set<SubjectRole> roles,
            @PositiveOrZero Integer minAge, @PositiveOrZero Integer maxAge, List<String> pathways) {
    }
}
