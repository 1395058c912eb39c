package org.saferkent.partnership.agreement.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.partnership.agreement.domain.CommunitySafetyAgreement;
import org.saferkent.partnership.agreement.domain.PlanAction;
import org.saferkent.partnership.agreement.domain.Priority;

/** A year's agreement and its action plan, as partnership officers read it. */
record AgreementView(String id, int year, String status, List<Priority> priorities, List<String> themes, String refreshedFrom,
        Agreed agreed, List<ActionView> actions, Instant draftedAt) {

    /** Who agreed it (the person, or the client, whose token recorded it) and when. */
    record Agreed(String by, String agency, LocalDate on, Instant at) {
    }

    record ActionView(String id, String title, String priority, String leadAgency, LocalDate dueOn, String status,
            List<String> measures, LocalDate doneOn, boolean overdue) {

        static ActionView of(PlanAction a, LocalDate today) {
            return new ActionView(a.id(), a.title(), a.priority(), a.leadAgency(), a.dueOn(), a.status().code(), a.measures(),
                    a.doneOn(), a.overdueOn(today));
        }
    }

    static AgreementView of(CommunitySafetyAgreement a, LocalDate today) {
        return new AgreementView(a.id(), a.year(), a.status().code(), a.priorities(), a.themes(), a.refreshedFrom(),
                a.agreedOn() == null ? null : new Agreed(a.agreedBy(), a.agreedByAgency(), a.agreedOn(), a.agreedAt()),
                a.actions().stream().map(x -> ActionView.of(x, today)).toList(), a.draftedAt());
    }
}
