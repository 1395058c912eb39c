package org.saferkent.commissioning.performance.domain;

import java.math.BigDecimal;

import org.saferkent.commissioning.vocabulary.Measure;

/**
 * A contract's target for one measure. Green when met (exactly on target counts as met); amber when
 * missed by no more than {@code amberWithin}; red beyond that.
 */
public record Target(Measure measure, BigDecimal target, BigDecimal amberWithin) {

    public Target {
        amberWithin = amberWithin == null ? BigDecimal.ZERO : amberWithin;
    }

    public RagStatus assess(Ratio value) {
        if (value == null) {
            return RagStatus.NO_DATA;
        }
        if (measure.higherIsBetter()) {
            if (value.compareTo(target) >= 0) {
                return RagStatus.GREEN;
            }
            return value.compareTo(target.subtract(amberWithin)) >= 0 ? RagStatus.AMBER : RagStatus.RED;
        }
        if (value.compareTo(target) <= 0) {
            return RagStatus.GREEN;
        }
        return value.compareTo(target.add(amberWithin)) <= 0 ? RagStatus.AMBER : RagStatus.RED;
    }
}
