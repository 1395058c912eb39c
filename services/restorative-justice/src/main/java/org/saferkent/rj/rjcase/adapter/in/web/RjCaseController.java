package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.rjcase.application.RjCases;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rj-cases")
class RjCaseController {

    private final RjCases cases;

    RjCaseController(RjCases cases) {
        this.cases = cases;
    }

    @GetMapping("/{id}")
    ResponseEntity<?> find(@PathVariable String id) {
        return respond(cases.find(id).orElse(null));
    }

    @GetMapping(params = "referralId")
    ResponseEntity<?> byReferral(@RequestParam String referralId) {
        return respond(cases.find(RjCase.idFor("referral", referralId)).orElse(null));
    }

    private static ResponseEntity<?> respond(RjCase rjCase) {
        if (rjCase == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No restorative justice case found."));
        }
        return ResponseEntity.ok(rjCase);
    }
}
