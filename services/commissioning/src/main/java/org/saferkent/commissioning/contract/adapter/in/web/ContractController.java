package org.saferkent.commissioning.contract.adapter.in.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Validator;

import org.saferkent.commissioning.contract.application.ContractNotFoundException;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractPeriod;
import org.saferkent.commissioning.contract.domain.ContractRuleViolation;
import org.saferkent.commissioning.contract.domain.ContractVariation;
import org.saferkent.commissioning.contract.domain.NewContract;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.saferkent.platform.service.IsoDate;

/** The PCC's office registers, varies and ends commissioned services. (Access control: the security issue.) */
@RestController
@RequestMapping("/api/contracts")
class ContractController {

    private final Contracts contracts;
    private final Validator validator;

    ContractController(Contracts contracts, Validator validator) {
        this.contracts = contracts;
        this.validator = validator;
    }

    @PostMapping
    ResponseEntity<ContractView> register(@RequestBody(required = false) RegistrationRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("$", "a contract is required");
        }
        RequestProblems problems = RequestProblems.of(validator, request);
        ContractTermRules.distinct(problems, "pathways", request.pathways());
        ContractTermRules.distinct(problems, "districts", request.districts());
        ContractTermRules.period(problems, request.period());
        ContractTermRules.value(problems, request.value(), request.valuePence(), true);
        ContractTermRules.targets(problems, request.targets());
        problems.throwIfAny();
        ContractPeriod period = new ContractPeriod(IsoDate.Check.parse(request.period().start()), IsoDate.Check.parse(request.period().end()));
        Loaded<Contract> registered = refusedAsInvalid(() -> contracts.register(new NewContract(request.provider().trim(),
                request.service().trim(), request.pathways(), request.districts(), period,
                ContractTermRules.pence(request.value(), request.valuePence()), ContractTermRules.targetTerms(request.targets()),
                request.districtShares())));
        return ResponseEntity.created(URI.create("/api/contracts/" + registered.state().id())).body(ContractView.of(registered));
    }

    /** Every contract, optionally those covering a district or pathway, or with a status (active, ended). */
    @GetMapping
    List<ContractView> list(@RequestParam(required = false) String district, @RequestParam(required = false) String pathway,
            @RequestParam(required = false) String status) {
        List<FieldProblem> problems = new ArrayList<>();
        if (district != null && !Vocabulary.DISTRICT.knows(district)) {
            problems.add(new FieldProblem("district", "must be one of " + Vocabulary.DISTRICT.choices()));
        }
        if (pathway != null && !Vocabulary.PATHWAY.knows(pathway)) {
            problems.add(new FieldProblem("pathway", "must be one of " + Vocabulary.PATHWAY.choices()));
        }
        if (status != null && !Contract.ACTIVE.equals(status) && !Contract.ENDED.equals(status)) {
            problems.add(new FieldProblem("status", "must be active or ended"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
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
        if (request == null) {
            throw InvalidRequestException.of("$", "a variation is required");
        }
        RequestProblems problems = RequestProblems.of(validator, request);
        ContractTermRules.value(problems, request.value(), request.valuePence(), false);
        ContractTermRules.distinct(problems, "districts", request.districts());
        ContractTermRules.targets(problems, request.targets());
        if (!request.namesATerm()) {
            problems.add("$", "names no term to vary: value or valuePence, districts, districtShares, period.end or targets");
        }
        problems.throwIfAny();
        ContractVariation variation = new ContractVariation(ContractTermRules.pence(request.value(), request.valuePence()),
                request.districts(), request.period() == null ? null : IsoDate.Check.parse(request.period().end()),
                request.targets() == null ? null : ContractTermRules.targetTerms(request.targets()), request.reason().trim(),
                request.districtShares());
        return ContractView.of(refusedAsInvalid(() -> contracts.vary(id, variation)));
    }

    @PostMapping("/{id}/end")
    ContractView end(@PathVariable String id, @RequestBody(required = false) EndRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("$", "an end date and reason are required");
        }
        RequestProblems.of(validator, request).throwIfAny();
        return ContractView.of(refusedAsInvalid(() -> contracts.end(id, IsoDate.Check.parse(request.endDate()), request.reason().trim())));
    }

    private static Loaded<Contract> refusedAsInvalid(Supplier<Loaded<Contract>> change) {
        try {
            return change.get();
        } catch (ContractRuleViolation violation) {
            throw InvalidRequestException.of(violation.field(), violation.getMessage());
        }
    }
}
