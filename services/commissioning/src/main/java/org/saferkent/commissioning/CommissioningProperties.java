package org.saferkent.commissioning;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What commissioning leaves to configuration.
 *
 * @param referralsTopic            referral events (routed, accepted, declined, closed, linked)
 * @param victimsTopic              victim case events
 * @param rjTopic                   restorative justice case events
 * @param disposalTopic             first-time entrants
 * @param contractTopic             where contract events are published
 * @param feedTopic                 the compacted feed of exact snapshots, read inside the partnership (the Police
 *                                  and Crime Panel's view applies its own disclosure control)
 * @param pccFeedTopic              the PCC office's compacted feed: the same changes under disclosure control
 *                                  ({@code disclosureAudience}), with each contract × quarter's Kent total
 * @param rjPathway                 the pathway restorative justice cases count for
 * @param firstTimeEntrantPathways  contracts covering one of these answer for first-time entrants
 * @param disclosureAudience        the statistical disclosure control audience the PCC office's performance and
 *                                  feed are published under ({@code saferkent.disclosure.audiences.*}); the MoJ
 *                                  return is always exact
 * @param performance               the live projection
 * @param rebuild                   rebuilding the projection from the topics
 */
@Validated
@ConfigurationProperties("saferkent.commissioning")
public record CommissioningProperties(
        @NotBlank String referralsTopic,
        @NotBlank String victimsTopic,
        @NotBlank String rjTopic,
        @DefaultValue("rj.disposal.events") @NotBlank String disposalTopic,
        @DefaultValue("commissioning.contract.events") @NotBlank String contractTopic,
        @DefaultValue("commissioning.feed") @NotBlank String feedTopic,
        @DefaultValue("commissioning.pcc-feed") @NotBlank String pccFeedTopic,
        @DefaultValue("restorative-justice") @NotBlank String rjPathway,
        @DefaultValue({"youth-prevention", "restorative-justice"}) Set<String> firstTimeEntrantPathways,
        @DefaultValue("pcc-office") @NotBlank String disclosureAudience,
        @DefaultValue @Valid Performance performance,
        @DefaultValue @Valid Rebuild rebuild) {

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
            @DefaultValue("200ms") @NotNull @DurationMin(millis = 0) Duration debounce,
            @DefaultValue("3s") @NotNull @DurationMin(millis = 1) Duration refreshInterval,
            @DefaultValue("500") @Positive int dirtyBatch,
            @DefaultValue("500") @Positive int publishBatch,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration lease,
            @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration leaseRenewal,
            @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration publishTimeout) {
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
            @DefaultValue("2000") @Positive int pollRecords,
            @DefaultValue("1000") @Positive int writeBatch,
            @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration lease,
            @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration leaseRenewal,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 0) Duration waitForLease,
            @DefaultValue("10m") @NotNull @DurationMin(millis = 1) Duration timeout) {
    }
}
