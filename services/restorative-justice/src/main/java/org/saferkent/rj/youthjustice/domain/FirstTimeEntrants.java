package org.saferkent.rj.youthjustice.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * First-time entrants to the youth justice system: young people aged 10–17 receiving their first
 * youth caution or court sentence. A community resolution is not an entry; a first entry at 18 or
 * over means the person never enters as a youth.
 */
public final class FirstTimeEntrants {

    public static final int YOUTH_FROM = 10;
    public static final int YOUTH_TO = 17;
    public static final int PER_POPULATION = 100_000;

    private FirstTimeEntrants() {
    }

    public static boolean youth(int age) {
        return age >= YOUTH_FROM && age <= YOUTH_TO;
    }

    /** Which of a person's disposals, if any, made them a first-time entrant: their first formal entry, if aged 10–17. */
    public static Optional<FirstTimeEntry> entry(List<Disposal> disposals) {
        return disposals.stream()
                .filter(d -> d.type().formalEntry())
                .min(Comparator.comparing(Disposal::disposalDate).thenComparing(Disposal::recordedAt))
                .filter(d -> youth(d.ageAtDisposal()))
                .map(d -> new FirstTimeEntry(d.id(), d.district(), Quarter.of(d.disposalDate()).toString(),
                        d.disposalDate(), d.ageAtDisposal()));
    }

    /** FTEs per 100,000 of the 10–17 population; null without a population. */
    public static Double ratePer100k(long entrants, long population) {
        if (population <= 0) {
            return null;
        }
        return Math.round(entrants * (double) PER_POPULATION / population * 10) / 10.0;
    }

    /** The change on the year before, in percent (the framework reports −18.5%); null when there was nothing to compare with. */
    public static Double yearOnYearChangePercent(long now, long yearBefore) {
        if (yearBefore == 0) {
            return null;
        }
        return Math.round((now - yearBefore) * 1000.0 / yearBefore) / 10.0;
    }
}
