package org.saferkent.platform.dataprotection;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param masterKeys        master key id to base64 256-bit key; empty: the embedded stack's development key
 * @param activeMasterKey   the id that wraps new data keys (may be left out when there is one key)
 * @param requireMasterKeys refuse to start without configured master keys (also implied by the {@code production} profile)
 * @param keyCache          unwrapped data keys kept in memory
 * @param rewrapInterval    how often data keys under an older master key are re-wrapped with the active one
 * @param rewrapBatch       keys re-wrapped per run
 * @param retention         how long personal data is kept after the subject's last record closed
 */
@Validated
@ConfigurationProperties("saferkent.data-protection")
public record DataProtectionProperties(
        Map<String, String> masterKeys,
        String activeMasterKey,
        @DefaultValue("false") boolean requireMasterKeys,
        @DefaultValue @Valid KeyCache keyCache,
        @DefaultValue("1h") @NotNull @DurationMin(millis = 1) Duration rewrapInterval,
        @DefaultValue("500") @Positive int rewrapBatch,
        @DefaultValue @Valid Retention retention) {

    /** @param size most keys held; @param ttl how long one is held (bounds how late another instance sees an erasure) */
    public record KeyCache(@DefaultValue("10000") @Positive int size,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration ttl) {
    }

    /**
     * @param afterClosure how long after the subject's last record closed their personal data is shredded
     * @param scanInterval how often the purge looks
     * @param enabled      whether the purge runs
     */
    public record Retention(@DefaultValue("P6Y") @NotNull Period afterClosure,
            @DefaultValue("6h") @NotNull @DurationMin(millis = 1) Duration scanInterval,
            @DefaultValue("true") boolean enabled) {

        public Retention {
            // no Bean Validation constraint bounds a Period
            if (afterClosure != null && (afterClosure.isZero() || afterClosure.isNegative())) {
                throw new IllegalArgumentException(
                        "saferkent.data-protection.retention.after-closure must be a positive period, was " + afterClosure);
            }
        }
    }
}
