package org.saferkent.commissioning.activity.adapter.in.web;

import java.util.List;

import org.saferkent.commissioning.activity.application.ActivityCount;
import org.saferkent.commissioning.activity.application.PartnershipActivity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/commissioning")
class ActivityController {

    private final PartnershipActivity activity;

    ActivityController(PartnershipActivity activity) {
        this.activity = activity;
    }

    /** Counts per district and pathway; optionally for one district. Aggregates only: no personal data. */
    @GetMapping("/counts")
    List<ActivityCount> counts(@RequestParam(required = false) String district) {
        return activity.counts(district);
    }
}
