package org.saferkent.partnership.agreement.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An action of the county action plan: the priority it delivers, the lead agency (by code), its due date, where it
 * stands, and the performance framework's measures that show its progress.
 *
 * @param breached whether its due date passed undone and that was reported (once)
 */
public record PlanAction(String id, String title, String priority, String leadAgency, LocalDate dueOn, ActionStatus status,
        List<String> measures, LocalDate doneOn, boolean breached) {

    public PlanAction {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    PlanAction with(ActionStatus newStatus, LocalDate newDoneOn) {
        return new PlanAction(id, title, priority, leadAgency, dueOn, newStatus, measures, newDoneOn, breached);
    }

    PlanAction reported() {
        return new PlanAction(id, title, priority, leadAgency, dueOn, status, measures, doneOn, true);
    }

    /** Overdue: its due date passed ({@code today} is after it) and it is not done. */
    public boolean overdueOn(LocalDate today) {
        return status != ActionStatus.DONE && today.isAfter(dueOn);
    }
}
