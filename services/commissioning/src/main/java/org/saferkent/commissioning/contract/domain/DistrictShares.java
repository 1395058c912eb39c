package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contract's optional shares of its value by district: every district of the contract named once,
 * none negative, summing to 1 (fractions) or 100 (percentages). None: the districts share it equally.
 */
public final class DistrictShares {

    public static final String FIELD = "districtShares";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DistrictShares() {
    }

    /**
     * The shares as kept (decimal text by district), or an empty map for none.
     *
     * @throws ContractRuleViolation naming {@value #FIELD} when they do not fit {@code districts}
     */
    static Map<String, String> check(Map<String, BigDecimal> shares, List<String> districts) {
        if (shares == null || shares.isEmpty()) {
            return Map.of();
        }
        if (!shares.keySet().equals(new HashSet<>(districts))) {
            throw new ContractRuleViolation(FIELD, "must name each of the contract's districts, and only those");
        }
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, String> kept = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
            if (share.getValue() == null || share.getValue().signum() < 0) {
                throw new ContractRuleViolation(FIELD, "must not be negative or missing");
            }
            sum = sum.add(share.getValue());
            kept.put(share.getKey(), share.getValue().toPlainString());
        }
        if (sum.compareTo(BigDecimal.ONE) != 0 && sum.compareTo(HUNDRED) != 0) {
            throw new ContractRuleViolation(FIELD, "must sum to 1 (or 100 as percentages)");
        }
        return kept;
    }

    /** The shares kept as decimal text, as numbers (null for none, as events carry them). */
    public static Map<String, BigDecimal> decimals(Map<String, String> kept) {
        if (kept == null || kept.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> shares = new TreeMap<>();
        kept.forEach((district, share) -> shares.put(district, new BigDecimal(share)));
        return shares;
    }
}
