package org.saferkent.commissioning.contract.domain;

import java.util.List;

/** A commissioned service as the PCC's office registers it, its fields already checked one by one. */
public record NewContract(String provider, String service, List<String> pathways, List<String> districts,
        ContractPeriod period, long valuePence, List<TargetTerms> targets) {

    public NewContract {
        pathways = List.copyOf(pathways);
        districts = List.copyOf(districts);
        targets = List.copyOf(targets);
    }
}
