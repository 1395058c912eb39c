package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

import org.saferkent.partnership.vocabulary.Agencies;
import org.saferkent.partnership.web.FieldChecks;

/** A recommendation of the review, as an action: what, who owns it, by when. */
record RecommendationRequest(String summary, String ownerAgency, LocalDate dueOn) {

    void validate(FieldChecks checks) {
        checks.text("summary", summary, FieldChecks.MAX_TEXT);
        if (checks.required("ownerAgency", ownerAgency) && !Agencies.isKnown(ownerAgency)) {
            checks.add("ownerAgency", "is not a known agency code");
        }
        checks.required("dueOn", dueOn);
    }
}
