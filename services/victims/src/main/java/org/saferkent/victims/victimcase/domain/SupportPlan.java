package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The actions agreed with the victim and when the plan is reviewed; a later plan replaces it (revision + 1). */
public record SupportPlan(List<String> actions, LocalDate reviewOn, int revision, Instant agreedAt) {

    public SupportPlan {
        actions = List.copyOf(actions);
    }
}
