package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;

/** A target as the contract keeps it: decimals as written, so nothing is lost to rounding. */
public record ContractTarget(String measure, String target, String amberWithin) {

    public static ContractTarget of(TargetTerms terms) {
        return new ContractTarget(terms.measure(), plain(terms.target()), plain(terms.amberWithin()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    public TargetTerms terms() {
        return new TargetTerms(measure, new BigDecimal(target), new BigDecimal(amberWithin));
    }
}
