package org.saferkent.referrals.triage.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/** Ages in whole years and the bands partnership reports group them in. */
public final class AgeBands {

    private AgeBands() {
    }

    /**
     * Completed years on a date. Someone born on 29 February turns a year older on 1 March in a common year
     * (java.time's {@link Period#between} arithmetic).
     *
     * @throws IllegalArgumentException if {@code on} is before the date of birth
     */
    public static int ageOn(LocalDate dateOfBirth, LocalDate on) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(on, "on");
        if (on.isBefore(dateOfBirth)) {
            throw new IllegalArgumentException("no age on " + on + " for someone born on " + dateOfBirth);
        }
        return Period.between(dateOfBirth, on).getYears();
    }

    /** One of "0-9", "10-17", "18-24", "25-34", "35-49", "50-64", "65+"; 10-17 is the youth justice age range. */
    public static String band(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("an age cannot be negative, was " + age);
        }
        if (age <= 9) {
            return "0-9";
        }
        if (age <= 17) {
            return "10-17";
        }
        if (age <= 24) {
            return "18-24";
        }
        if (age <= 34) {
            return "25-34";
        }
        if (age <= 49) {
            return "35-49";
        }
        return age <= 64 ? "50-64" : "65+";
    }
}
