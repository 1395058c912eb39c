package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.partnership.dhr.domain.DomesticHomicideReview;
import org.saferkent.partnership.dhr.domain.Recommendation;

/** A review as partnership officers read it: no personal detail (that is {@code /personal-details}). */
record DhrView(String id, String district, String status, LocalDate notifiedOn, List<String> agenciesInvolved,
        LocalDate decisionDueOn, Boolean holdReview, String notHeldReason, LocalDate decidedOn, LocalDate reviewDueOn,
        PanelView panel, LocalDate completedOn, LocalDate submittedOn, LocalDate publishedOn,
        List<RecommendationView> recommendations, List<String> missedTimeLimits, Instant notifiedAt) {

    record PanelView(String chairName, String chairAgency, List<String> panelAgencies, LocalDate convenedOn) {
    }

    record RecommendationView(String id, String summary, String ownerAgency, LocalDate dueOn, String status, LocalDate doneOn) {

        static RecommendationView of(Recommendation r) {
            return new RecommendationView(r.id(), r.summary(), r.ownerAgency(), r.dueOn(), r.status().code(), r.doneOn());
        }
    }

    static DhrView of(DomesticHomicideReview r) {
        return new DhrView(r.id(), r.district(), r.status().code(), r.notifiedOn(), r.agenciesInvolved(), r.decisionDueOn(),
                r.decision() == null ? null : r.decision().holdReview(), r.decision() == null ? null : r.decision().reason(),
                r.decision() == null ? null : r.decision().decidedOn(), r.reviewDueOn(),
                r.panel() == null ? null : new PanelView(r.panel().chairName(), r.panel().chairAgency(), r.panel().members(),
                        r.panel().convenedOn()),
                r.completedOn(), r.submittedOn(), r.publishedOn(),
                r.recommendations().stream().map(RecommendationView::of).toList(), r.breached(), r.notifiedAt());
    }
}
