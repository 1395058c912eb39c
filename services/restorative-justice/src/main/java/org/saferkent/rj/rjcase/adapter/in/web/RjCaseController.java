package org.saferkent.rj.rjcase.adapter.in.web;

import java.net.URI;

import jakarta.validation.Validator;

import org.saferkent.platform.service.RequestProblems;

import org.saferkent.rj.rjcase.application.CaseNotFoundException;
import org.saferkent.rj.rjcase.application.RjCases;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Restorative justice cases: read one, find a referral's, or take a Youth Offending Service referral. */
@RestController
@RequestMapping("/api/rj-cases")
class RjCaseController {

    private final RjCases cases;
    private final Validator validator;

    RjCaseController(RjCases cases, Validator validator) {
        this.cases = cases;
        this.validator = validator;
    }

    @GetMapping("/{id}")
    RjCaseView find(@PathVariable String id) {
        return RjCaseView.of(cases.find(id).orElseThrow(() -> new CaseNotFoundException(id)));
    }

    @GetMapping(params = "referralId")
    RjCaseView byReferral(@RequestParam String referralId) {
        return RjCaseView.of(cases.byReferral(referralId).orElseThrow(() -> new CaseNotFoundException(referralId)));
    }

    /** 201 with the new case; 200 with the original when the YOS reference was seen before. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RjCaseView> referFromYouthOffendingService(@RequestBody(required = false) YosReferralRequest request) {
        RjCases.Opened opened = cases.referFromYouthOffendingService(RequestProblems.body(request).validate(validator));
        RjCaseView view = RjCaseView.of(opened.rjCase());
        if (!opened.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/rj-cases/" + view.id())).body(view);
    }
}
