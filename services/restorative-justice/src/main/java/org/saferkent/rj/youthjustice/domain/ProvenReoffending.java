package org.saferkent.rj.youthjustice.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Proven reoffending (Ministry of Justice measure): the cohort of a quarter is the people cautioned,
 * given a non-custodial sentence or released from custody in it, each from their first such disposal
 * in the quarter (the index). A re-offence is an offence committed in the 12 months after the index
 * date (the day after it to the same date a year on, inclusive) and proven by a caution or conviction
 * within those 12 months or the further 6-month waiting period.
 */
public final class ProvenReoffending {

    public static final Period FOLLOW_UP = Period.ofMonths(12);
    public static final Period WAITING = Period.ofMonths(6);

    /** The index date, the last day an offence can be committed to count, and the last day it can be proven. */
    public record Window(LocalDate indexDate, LocalDate committedBy, LocalDate provenBy) {
    }

    private ProvenReoffending() {
    }

    public static Window window(LocalDate indexDate) {
        LocalDate committedBy = indexDate.plus(FOLLOW_UP);
        return new Window(indexDate, committedBy, committedBy.plus(WAITING));
    }

    /** The person's first cohort-entering disposal in the quarter. */
    public static Optional<Disposal> index(List<Disposal> disposals, Quarter quarter) {
        return disposals.stream()
                .filter(d -> d.type().cohortEntry() && quarter.contains(d.disposalDate()))
                .min(Comparator.comparing(Disposal::disposalDate).thenComparing(Disposal::recordedAt));
    }

    public static boolean isReoffence(Disposal index, Disposal later) {
        if (later.id().equals(index.id()) || !later.type().provesOffence()) {
            return false;
        }
        Window window = window(index.disposalDate());
        return later.offenceDate().isAfter(window.indexDate())
                && !later.offenceDate().isAfter(window.committedBy())
                && !later.disposalDate().isAfter(window.provenBy());
    }

    public static List<Disposal> reoffences(List<Disposal> disposals, Disposal index) {
        return disposals.stream().filter(d -> isReoffence(index, d)).toList();
    }
}
