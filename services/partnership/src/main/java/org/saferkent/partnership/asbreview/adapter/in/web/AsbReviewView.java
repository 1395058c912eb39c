package org.saferkent.partnership.asbreview.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.saferkent.partnership.asbreview.domain.AsbCaseReview;

/** An application as the partnership reads it. */
record AsbReviewView(String id, String district, LocalDate receivedOn, int complaints, int threshold, boolean meetsThreshold,
        String status, LocalDate decidedOn, LocalDate completedOn, List<String> recommendations) {

    static AsbReviewView of(AsbCaseReview r) {
        return new AsbReviewView(r.id(), r.district(), r.receivedOn(), r.complaints(), r.threshold(), r.meetsThreshold(),
                r.status().code(), r.decidedOn(), r.completedOn(), r.recommendations());
    }
}
