package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;

/**
 * A target: the measure's code, the value to reach and how far short still counts as amber (0 when
 * not given). Shares are fractions (0.85 = 85%), costs GBP.
 */
public record TargetTerms(String measure, BigDecimal target, BigDecimal amberWithin) {

    public TargetTerms {
        amberWithin = amberWithin == null ? BigDecimal.ZERO : amberWithin;
    }
}
