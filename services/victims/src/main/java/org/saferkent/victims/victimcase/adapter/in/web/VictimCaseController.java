package org.saferkent.victims.victimcase.adapter.in.web;

import org.saferkent.victims.victimcase.application.VictimCases;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/victim-cases")
class VictimCaseController {

    private final VictimCases cases;

    VictimCaseController(VictimCases cases) {
        this.cases = cases;
    }

    @GetMapping("/{id}")
    ResponseEntity<?> find(@PathVariable String id) {
        return respond(cases.find(id).orElse(null));
    }

    /** The case opened for a referral, if any. */
    @GetMapping(params = "referralId")
    ResponseEntity<?> byReferral(@RequestParam String referralId) {
        return respond(cases.find(VictimCase.idFor(referralId)).orElse(null));
    }

    private static ResponseEntity<?> respond(VictimCase victimCase) {
        if (victimCase == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No victim case found."));
        }
        return ResponseEntity.ok(victimCase);
    }
}
