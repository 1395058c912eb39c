package org.saferkent.commissioning;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What commissioning leaves to configuration.
 *
 * @param referralsTopic            referral events (routed, accepted, declined, linked)
 * @param victimsTopic              victim case events
 * @param rjTopic                   restorative justice case events
 * @param disposalTopic             first-time entrants
 * @param contractTopic             where contract events are published
 * @param feedTopic                 the PCC office's compacted snapshot feed
 * @param rjPathway                 the pathway restorative justice cases count for
 * @param firstTimeEntrantPathways  contracts covering one of these answer for first-time entrants
 * @param performance               the live projection
 * @param rebuild                   rebuilding the projection from the topics
 */
@ConfigurationProperties("saferkent.commissioning")
public record CommissioningProperties(
        String referralsTopic,
        String victimsTopic,
        String rjTopic,
        @DefaultValue("rj.disposal.events") String disposalTopic,
        @DefaultValue("commissioning.contract.events") String contractTopic,
        @DefaultValue("commissioning.feed") String feedTopic,
        @DefaultValue("restorative-justice") String rjPathway,
        @DefaultValue({"youth-prevention", "restorative-justice"}) Set<String> firstTimeEntrantPathways,
        @DefaultValue Performance performance,
        @DefaultValue Rebuild rebuild) {

    /**
     * @param debounce        how long after a fact is written here its cells are recomputed and published:
     *                        the changes written meanwhile join the same run (one snapshot per cell)
     * @param refreshInterval the sweep: how often a run starts anyway, for facts other instances wrote
     *                        and what a crash left dirty or unpublished
     * @param dirtyBatch      changed fact documents read per round, per kind
     * @param publishBatch    snapshots published per round
     * @param lease           how long a refresh owns the projection without renewing it: a crashed
     *                        refresh blocks others at most this long
     * @param leaseRenewal    how often a running refresh renews its lease
     * @param publishTimeout  how long to wait for the broker's acks of one round
     */
    public record Performance(
            @DefaultValue("150ms") Duration debounce,
            @DefaultValue("3s") Duration refreshInterval,
            @DefaultValue("500") int dirtyBatch,
            @DefaultValue("500") int publishBatch,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("5s") Duration leaseRenewal,
            @DefaultValue("15s") Duration publishTimeout) {
    }

    /**
     * @param pollRecords  records fetched per poll
     * @param writeBatch   documents per bulk insert
     * @param lease        how long a rebuild owns the projection without renewing it: a crashed rebuild
     *                     blocks others (and its half-built version is followed by live writers) at
     *                     most this long, then the next holder clears what it left
     * @param leaseRenewal how often a running rebuild renews its lease
     * @param waitForLease how long a rebuild waits for a refresh round in progress
     * @param timeout      give up reading the topics after this long
     */
    public record Rebuild(
            @DefaultValue("2000") int pollRecords,
            @DefaultValue("1000") int writeBatch,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("5s") Duration leaseRenewal,
            @DefaultValue("30s") Duration waitForLease,
            @DefaultValue("10m") Duration timeout) {
    }
}
