package org.saferkent.rj.youthjustice.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q3} (July to September 2026). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is numbered 1 to 4");
        }
    }

    public static Optional<Quarter> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The same quarter a year earlier: what a year-on-year change compares with. */
    public Quarter yearBefore() {
        return new Quarter(year - 1, number);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
