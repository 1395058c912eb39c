package org.saferkent.victims;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the victims rules leave to configuration (DOMAIN.md marks these "configurable").
 *
 * @param topic             where victim case events are published
 * @param referralsTopic    where referral events are read from
 * @param pathways          referral pathways that open a victim case
 * @param referralsBaseUrl  the referrals API, for the victim's personal details (claim check)
 * @param details           fetching personal details from referrals
 * @param clocks            Victims' Code time limits, in working days
 * @param entitlement       enhanced entitlement
 * @param subjectsTopic     referrals' subject events (erasures), read to shred victims' own copy
 */
@Validated
@ConfigurationProperties("saferkent.victims")
public record VictimsProperties(
        @NotBlank String topic,
        @NotBlank String referralsTopic,
        @NotEmpty Set<String> pathways,
        @DefaultValue("http://127.0.0.1:8081") @NotBlank String referralsBaseUrl,
        @DefaultValue @Valid Details details,
        @DefaultValue @Valid Clocks clocks,
        @DefaultValue Entitlement entitlement,
        @DefaultValue("referrals.subject.events") @NotBlank String subjectsTopic) {

    /**
     * @param retryInterval        how often cases still waiting for their details are retried
     * @param retryBatch           cases retried per round, oldest first; also the most filled together after opening
     * @param fetchThreads         threads fetching details right after cases open: one takes the cases queued, a batch
     *                             at a time; others join while a whole batch waits
     * @param fetchQueue           cases waiting for their fetch; beyond it, the periodic retry takes over
     * @param connectTimeout       TCP connect limit
     * @param timeout              limit on one call
     * @param attempts             attempts per fetch, the first included
     * @param backoff              wait before the second attempt; doubles after each
     * @param failureRateThreshold percentage of failing calls that opens the circuit breaker
     * @param minimumCalls         calls seen before the failure rate counts
     * @param openFor              how long an open circuit refuses calls
     * @param maxConcurrentCalls   bulkhead: calls to referrals in flight at once
     */
    public record Details(
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration retryInterval,
            @DefaultValue("50") @Positive int retryBatch,
            @DefaultValue("2") @Positive int fetchThreads,
            @DefaultValue("500") @Positive int fetchQueue,
            @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration timeout,
            @DefaultValue("3") @Positive int attempts,
            @DefaultValue("200ms") @NotNull @DurationMin(millis = 1) Duration backoff,
            @DefaultValue("50") @Positive @Max(100) float failureRateThreshold,
            @DefaultValue("5") @Positive int minimumCalls,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration openFor,
            @DefaultValue("4") @Positive int maxConcurrentCalls) {
    }

    /**
     * @param firstContactEnhancedWorkingDays  first contact, victims entitled to enhanced rights
     * @param firstContactStandardWorkingDays  first contact, other victims
     * @param rjInformationEnhancedWorkingDays restorative justice information offered, enhanced
     * @param rjInformationStandardWorkingDays restorative justice information offered, standard
     * @param scanInterval                     how often missed time limits are looked for
     */
    public record Clocks(
            @DefaultValue("1") @PositiveOrZero int firstContactEnhancedWorkingDays,
            @DefaultValue("5") @PositiveOrZero int firstContactStandardWorkingDays,
            @DefaultValue("1") @PositiveOrZero int rjInformationEnhancedWorkingDays,
            @DefaultValue("5") @PositiveOrZero int rjInformationStandardWorkingDays,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration scanInterval) {
    }

    /** @param mostSeriousCategories crime codes beyond the flags that are "most serious crime" (empty: the built-in list) */
    public record Entitlement(Set<String> mostSeriousCategories) {
    }
}
