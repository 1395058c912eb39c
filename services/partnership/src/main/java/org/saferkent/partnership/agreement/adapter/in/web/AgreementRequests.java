package org.saferkent.partnership.agreement.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

/** What the agreement's API accepts (tolerant: unknown fields are ignored). */
final class AgreementRequests {

    private AgreementRequests() {
    }

    record PriorityRequest(String code, String title) {
    }

    /** A year's draft: its priorities (code and title) and cross-cutting themes (codes). */
    record DraftRequest(Integer year, List<PriorityRequest> priorities, List<String> themes) {
    }

    /** The next year's: new priorities and themes, or none to keep this year's. */
    record RefreshRequest(List<PriorityRequest> priorities, List<String> themes) {
    }

    record AgreeRequest(LocalDate agreedOn) {
    }

    record ActionRequest(String title, String priority, String leadAgency, LocalDate dueOn, List<String> measures) {
    }

    record StatusRequest(String status, LocalDate doneOn) {
    }
}
