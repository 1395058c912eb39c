package org.saferkent.platform.workingdays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2026-Q3} (July to September 2026): the label services exchange
 * (restorative-justice's first-time entrants, commissioning's performance cells), so one type writes
 * and reads it everywhere. The PCC's financial year starts in April, so its quarters are the same three
 * months under another label: {@link #financialYearLabel()} gives it ({@code 2026/27-Q2}).
 */
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

    /** Every quarter that has a day in {@code from..to}, in order. */
    public static List<Quarter> between(LocalDate from, LocalDate to) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = of(from); !q.firstDay().isAfter(to); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public Quarter yearBefore() {
        return new Quarter(year - 1, number);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public Quarter yearAfter() {
        return new Quarter(year + 1, number);
    }

    /** The UK public sector's label: financial year April to March, Q1 = April to June. */
    public String financialYearLabel() {
        int startYear = number == 1 ? year - 1 : year;
        int fyQuarter = number == 1 ? 4 : number - 1;
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100) + "-Q" + fyQuarter;
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
