package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;

import org.saferkent.victims.victimcase.domain.VictimCase;

/** One line of the case list. */
record VictimCaseSummary(String id, String referralId, String district, String category, String pathway, String status,
        boolean enhanced, boolean detailsPending, Instant nextDueAt, Instant openedAt) {

    static VictimCaseSummary of(VictimCase c) {
        return new VictimCaseSummary(c.id(), c.referralId(), c.district(), c.category(), c.pathway(), c.status().name(),
                c.enhanced(), c.detailsPending(), c.nextDueAt(), c.openedAt());
    }
}
