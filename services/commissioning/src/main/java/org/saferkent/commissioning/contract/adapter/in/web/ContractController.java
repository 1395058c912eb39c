package org.saferkent.commissioning.contract.adapter.in.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.saferkent.commissioning.contract.application.ContractNotFoundException;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractPeriod;
import org.saferkent.commissioning.contract.domain.ContractRuleViolation;
import org.saferkent.commissioning.contract.domain.ContractVariation;
import org.saferkent.commissioning.contract.domain.NewContract;
import org.saferkent.commissioning.contract.domain.TargetTerms;
import org.saferkent.commissioning.vocabulary.Districts;
import org.saferkent.commissioning.vocabulary.Pathways;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.service.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The PCC's office registers, varies and ends commissioned services. (Access control: the security issue.) */
@RestController
@RequestMapping("/api/contracts")
class ContractController {

    private static final String PATHWAY_CHOICES = String.join(", ", Pathways.ALL);
    private static final String DISTRICT_CHOICES = String.join(", ", Districts.KENT);
    private static final int MAX_YEARS = Contract.MAX_YEARS;

    private final Contracts contracts;

    ContractController(Contracts contracts) {
        this.contracts = contracts;
    }

    @PostMapping
    ResponseEntity<ContractView> register(@RequestBody(required = false) RegistrationRequest request) {
        RequestChecks checks = new RequestChecks();
        if (request == null) {
            checks.add("$", "a contract is required");
            checks.throwIfAny();
        }
        String provider = checks.text("provider", request.provider(), RequestChecks.MAX_NAME);
        String service = checks.text("service", request.service(), RequestChecks.MAX_NAME);
        List<String> pathways = checks.codes("pathways", request.pathways(), Pathways::known, PATHWAY_CHOICES);
        List<String> districts = checks.codes("districts", request.districts(), Districts::known, DISTRICT_CHOICES);
        ContractPeriod period = period(checks, request.period());
        Long pence = checks.pence(request.value(), request.valuePence(), true);
        List<TargetTerms> targets = checks.targets(request.targets());
        checks.throwIfAny();
        Loaded<Contract> registered = refusedAsInvalid(() -> contracts.register(
                new NewContract(provider, service, pathways, districts, period, pence, targets, request.districtShares())));
        return ResponseEntity.created(URI.create("/api/contracts/" + registered.state().id())).body(ContractView.of(registered));
    }

    /** Every contract, optionally those covering a district or pathway, or with a status (active, ended). */
    @GetMapping
    List<ContractView> list(@RequestParam(required = false) String district, @RequestParam(required = false) String pathway,
            @RequestParam(required = false) String status) {
        RequestChecks checks = new RequestChecks();
        if (district != null && !Districts.known(district)) {
            checks.add("district", "must be one of " + DISTRICT_CHOICES);
        }
        if (pathway != null && !Pathways.known(pathway)) {
            checks.add("pathway", "must be one of " + PATHWAY_CHOICES);
        }
        if (status != null && !Contract.ACTIVE.equals(status) && !Contract.ENDED.equals(status)) {
            checks.add("status", "must be active or ended");
        }
        checks.throwIfAny();
        return contracts.all().stream()
                .filter(c -> district == null || c.state().districts().contains(district))
                .filter(c -> pathway == null || c.state().pathways().contains(pathway))
                .filter(c -> status == null || status.equals(c.state().status()))
                .map(ContractView::of).toList();
    }

    @GetMapping("/{id}")
    ContractView find(@PathVariable String id) {
        return contracts.find(id).map(ContractView::of).orElseThrow(() -> new ContractNotFoundException(id));
    }

    @PostMapping("/{id}/variations")
    ContractView vary(@PathVariable String id, @RequestBody(required = false) VariationRequest request) {
        RequestChecks checks = new RequestChecks();
        if (request == null) {
            checks.add("$", "a variation is required");
            checks.throwIfAny();
        }
        Long pence = checks.pence(request.value(), request.valuePence(), false);
        List<String> districts = request.districts() == null ? null
                : checks.codes("districts", request.districts(), Districts::known, DISTRICT_CHOICES);
        LocalDate periodEnd = null;
        if (request.period() != null) {
            if (request.period().start() != null) {
                checks.add("period.start", "cannot be varied");
            }
            periodEnd = checks.date("period.end", request.period().end());
        }
        List<TargetTerms> targets = request.targets() == null ? null : checks.targets(request.targets());
        String reason = checks.text("reason", request.reason(), RequestChecks.MAX_REASON);
        if (request.value() == null && request.valuePence() == null && request.districts() == null
                && request.period() == null && request.targets() == null && request.districtShares() == null) {
            checks.add("$", "names no term to vary: value or valuePence, districts, districtShares, period.end or targets");
        }
        checks.throwIfAny();
        ContractVariation variation = new ContractVariation(pence, districts, periodEnd, targets, reason, request.districtShares());
        return ContractView.of(refusedAsInvalid(() -> contracts.vary(id, variation)));
    }

    @PostMapping("/{id}/end")
    ContractView end(@PathVariable String id, @RequestBody(required = false) EndRequest request) {
        RequestChecks checks = new RequestChecks();
        if (request == null) {
            checks.add("$", "an end date and reason are required");
            checks.throwIfAny();
        }
        LocalDate endDate = checks.date("endDate", request.endDate());
        String reason = checks.text("reason", request.reason(), RequestChecks.MAX_REASON);
        checks.throwIfAny();
        return ContractView.of(refusedAsInvalid(() -> contracts.end(id, endDate, reason)));
    }

    private static ContractPeriod period(RequestChecks checks, PeriodRequest period) {
        if (period == null) {
            checks.add("period", "is required: {start, end}");
            return null;
        }
        LocalDate start = checks.date("period.start", period.start());
        LocalDate end = checks.date("period.end", period.end());
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            checks.add("period.end", "must not be before period.start");
            return null;
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            checks.add("period.end", "must be within " + MAX_YEARS + " years of period.start");
            return null;
        }
        return new ContractPeriod(start, end);
    }

    private static Loaded<Contract> refusedAsInvalid(Supplier<Loaded<Contract>> change) {
        try {
            return change.get();
        } catch (ContractRuleViolation violation) {
            throw InvalidRequestException.of(violation.field(), violation.getMessage());
        }
    }
}
