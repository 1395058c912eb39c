package org.saferkent.referrals.referral.adapter.in.web;

import java.net.URI;

import org.saferkent.referrals.referral.application.ReferralIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralIntake intake;

    ReferralController(ReferralIntake intake) {
        this.intake = intake;
    }

    /** 201 with the new referral; 200 with the original when the agency reference was seen before. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralView> receive(@RequestBody ReferralRequest request) {
        ReferralIntake.Outcome outcome = intake.receive(request.validate());
        ReferralView view = ReferralView.of(outcome.referral());
        if (!outcome.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/referrals/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> find(@PathVariable String id) {
        return intake.find(id).<ResponseEntity<?>>map(referral -> ResponseEntity.ok(ReferralView.of(referral)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No referral with this id.")));
    }
}
