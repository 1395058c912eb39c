package org.saferkent.commissioning.performance.application;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractTarget;
import org.saferkent.commissioning.contract.domain.DistrictShares;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.Target;
import org.saferkent.commissioning.vocabulary.Measure;

/** A contract's terms as performance reads them. */
final class ContractTermsSource {

    private ContractTermsSource() {
    }

    static ContractTerms terms(Contract contract) {
        return new ContractTerms(contract.id(), contract.provider(), contract.service(), Set.copyOf(contract.pathways()),
                Set.copyOf(contract.districts()), contract.start(), contract.end(), contract.endedOnDate(),
                contract.valuePence(), contract.targets().stream().map(ContractTermsSource::target).flatMap(Optional::stream).toList(),
                DistrictShares.decimals(contract.districtShares()));
    }

    private static Optional<Target> target(ContractTarget target) {
        return Measure.parse(target.measure())
                .map(measure -> new Target(measure, new BigDecimal(target.target()), new BigDecimal(target.amberWithin())));
    }
}
