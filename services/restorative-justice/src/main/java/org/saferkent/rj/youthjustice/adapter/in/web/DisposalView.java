package org.saferkent.rj.youthjustice.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.youthjustice.application.Disposals;
import org.saferkent.rj.youthjustice.domain.Disposal;
import org.saferkent.rj.youthjustice.domain.FirstTimeEntrants;

/** A recorded disposal as the posting agency reads it back: ages only. */
record DisposalView(String disposalId, String personPseudonym, String agency, String district, String offenceCategory,
        LocalDate offenceDate, String disposalType, LocalDate disposalDate, int ageAtOffence, int ageAtDisposal,
        String ageBasis, boolean youth, boolean firstTimeEntrant, Instant recordedAt) {

    static DisposalView of(Disposals.Recorded recorded) {
        Disposal d = recorded.disposal();
        return new DisposalView(d.id(), recorded.history().id(), d.agency(), d.district(), d.offenceCategory(), d.offenceDate(),
                Codes.of(d.type()), d.disposalDate(), d.ageAtOffence(), d.ageAtDisposal(), d.ageBasis(),
                FirstTimeEntrants.youth(d.ageAtDisposal()), recorded.firstTimeEntrant(), d.recordedAt());
    }
}
