package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A commissioned service as the PCC's office registers it, its fields already checked one by one.
 *
 * @param districtShares each district's share of the value, or null: equal shares
 */
public record NewContract(String provider, String service, List<String> pathways, List<String> districts,
        ContractPeriod period, long valuePence, List<TargetTerms> targets, Map<String, BigDecimal> districtShares) {

    public NewContract {
        pathways = List.copyOf(pathways);
        districts = List.copyOf(districts);
        targets = List.copyOf(targets);
    }

    /** Districts sharing the value equally. */
    public NewContract(String provider, String service, List<String> pathways, List<String> districts, ContractPeriod period,
            long valuePence, List<TargetTerms> targets) {
        this(provider, service, pathways, districts, period, valuePence, targets, null);
    }
}
