package org.saferkent.rj.youthjustice.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.service.security.Caller;
import org.saferkent.rj.vocabulary.Pseudonyms;
import org.saferkent.rj.web.KentDate;
import org.saferkent.rj.youthjustice.application.Disposals;
import org.saferkent.rj.youthjustice.domain.Disposal;
import org.saferkent.rj.youthjustice.domain.OffendingHistory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disposals posted by Kent Police and the Youth Offending Service, each as the agency its token speaks for. */
@RestController
@RequestMapping("/api/disposals")
class DisposalController {

    private final Disposals disposals;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;
    private final Validator validator;

    DisposalController(Disposals disposals, Pseudonymiser pseudonymiser, Clock clock, Validator validator) {
        this.disposals = disposals;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
        this.validator = validator;
    }

    /** 201 with the recorded disposal; 200 with the original when the same disposal was posted before. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DisposalView> record(@RequestBody(required = false) DisposalRequest request) {
        Disposals.Recorded recorded = disposals.record(RequestProblems.body(request).validate(validator, KentDate.today(clock), callerAgency(), pseudonymiser));
        DisposalView view = DisposalView.of(recorded);
        if (!recorded.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/disposals?personPseudonym=" + view.personPseudonym())).body(view);
    }

    /**
     * The agency the caller's token speaks for, if it is one that posts disposals (Kent Police, the Youth Offending
     * Service); any other caller is refused (403) before the body is looked at.
     */
    private static String callerAgency() {
        return Caller.current().map(Caller::agency).filter(DisposalRequest.AGENCIES::contains)
                .orElseThrow(() -> new AccessDeniedException("disposals are posted by Kent Police or the Youth Offending Service"));
    }

    /** A person's disposals, oldest first; an unknown person has none. */
    @GetMapping
    List<DisposalView> byPerson(@RequestParam(required = false) String personPseudonym) {
        if (!Pseudonyms.isKeyed(personPseudonym)) {
            throw InvalidRequestException.of("personPseudonym", "must be the partnership's keyed pseudonym (64 lowercase hex characters)");
        }
        OffendingHistory history = disposals.history(personPseudonym).orElse(OffendingHistory.none(personPseudonym));
        return history.disposals().stream()
                .sorted(Comparator.comparing(Disposal::disposalDate))
                .map(d -> DisposalView.of(new Disposals.Recorded(history, d, false))).toList();
    }
}
