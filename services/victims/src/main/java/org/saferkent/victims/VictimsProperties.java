package org.saferkent.victims;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("saferkent.victims")
public record VictimsProperties(
        String topic,
        String referralsTopic,
        Set<String> pathways,
        @DefaultValue("http://127.0.0.1:8081") String referralsBaseUrl,
        @DefaultValue Details details,
        @DefaultValue Clocks clocks,
        @DefaultValue Entitlement entitlement,
        @DefaultValue("referrals.subject.events") String subjectsTopic) {

    /**
     * @param retryInterval        how often cases still waiting for their details are retried
     * @param retryBatch           cases retried per round, oldest first
     * @param fetchThreads         threads fetching details right after a case opens
     * @param fetchQueue           fetches waiting for a thread; beyond it, the periodic retry takes over
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
            @DefaultValue("30s") Duration retryInterval,
            @DefaultValue("50") int retryBatch,
            @DefaultValue("2") int fetchThreads,
            @DefaultValue("500") int fetchQueue,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration backoff,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("4") int maxConcurrentCalls) {
    }

    /**
     * @param firstContactEnhancedWorkingDays  first contact, victims entitled to enhanced rights
     * @param firstContactStandardWorkingDays  first contact, other victims
     * @param rjInformationEnhancedWorkingDays restorative justice information offered, enhanced
     * @param rjInformationStandardWorkingDays restorative justice information offered, standard
     * @param scanInterval                     how often missed time limits are looked for
     */
    public record Clocks(
            @DefaultValue("1") int firstContactEnhancedWorkingDays,
            @DefaultValue("5") int firstContactStandardWorkingDays,
            @DefaultValue("1") int rjInformationEnhancedWorkingDays,
            @DefaultValue("5") int rjInformationStandardWorkingDays,
            @DefaultValue("1m") Duration scanInterval) {
    }

    /** @param mostSeriousCategories crime codes beyond the flags that are "most serious crime" (empty: the built-in list) */
    public record Entitlement(Set<String> mostSeriousCategories) {
    }
}
