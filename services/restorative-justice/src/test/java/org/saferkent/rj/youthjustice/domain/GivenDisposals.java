package org.saferkent.rj.youthjustice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Disposals for the domain tests, each recorded a second after the one before. */
final class GivenDisposals {

    static final String PERSON = "e".repeat(64);
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private GivenDisposals() {
    }

    /** A disposal whose offence was committed on the day it was disposed of. */
    static Disposal disposal(DisposalType type, LocalDate disposalDate, int ageAtDisposal) {
        return disposal(type, disposalDate, disposalDate, ageAtDisposal);
    }

    static Disposal disposal(DisposalType type, LocalDate offenceDate, LocalDate disposalDate, int ageAtDisposal) {
        int n = SEQUENCE.incrementAndGet();
        return new Disposal("d" + n, "kent-police", "shoplifting", offenceDate, type, disposalDate, "thanet",
                ageAtDisposal, ageAtDisposal, Disposal.FROM_AGE_AT_OFFENCE, START.plusSeconds(n));
    }

    static OffendingHistory given(Disposal... disposals) {
        OffendingHistory history = OffendingHistory.none(PERSON);
        for (Disposal disposal : disposals) {
            history = history.record(disposal, disposal.recordedAt()).history();
        }
        return history;
    }
}
