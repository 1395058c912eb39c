package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;
import java.util.List;

import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimDuty;

/**
 * One line of the case list, no personal data. {@code deadline} and {@code deadlineAt}: the Victims' Code time
 * limit still to act on (the earliest whose work is not done, running or missed), null when none is left;
 * {@code overdue}: that time limit has passed.
 */
record VictimCaseSummary(String id, String referralId, String district, String category, List<String> flags,
        String pathway, String status, boolean enhanced, List<String> enhancedReasons, boolean detailsPending,
        Instant nextDueAt, String deadline, Instant deadlineAt, boolean overdue, Instant openedAt) {

    static VictimCaseSummary of(VictimCase c, Instant now) {
        VictimDuty outstanding = c.outstandingDuty().orElse(null);
        return new VictimCaseSummary(c.id(), c.referralId(), c.district(), c.category(), c.profile().flags(), c.pathway(),
                c.status().name(), c.enhanced(), c.enhancedReasons(), c.detailsPending(), c.nextDueAt(),
                outstanding == null ? null : outstanding.name(), outstanding == null ? null : outstanding.dueAt(),
                c.overdue(now), c.openedAt());
    }
}
