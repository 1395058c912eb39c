package org.saferkent.rj.vocabulary;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Police National Computer IDs as the police and the Youth Offending Service write them: {@code YYYY/NNNNNNNX} or
 * {@code YY/NNNNNNNX}, the year the person's first record was made, a serial number of up to seven digits (leading
 * zeros may be left out) and a check character. One person's ID written either way is one ID:
 * {@link #canonical} gives both as {@code YYYY/NNNNNNNX}, which is what is keyed.
 *
 * <p>The check character is the letter at {@code (YY × 10,000,000 + serial) mod 23} in
 * {@code ZABCDEFGHJKLMNPQRTUVWXY} (no I, O or S), YY being the year's last two digits: a mistyped digit or letter is
 * refused rather than keyed as someone else. It says nothing of the century.
 *
 * <p>A two-digit year is the first year ending in those digits on or after the person's year of birth: a record cannot
 * be older than the person, and their first one is made from their tenth year (the age of criminal responsibility)
 * until today, so for anyone under 100 there is exactly one such year in range. Unlike a pivot on today's date, the
 * rule never changes what an ID already keyed means.
 */
public final class PncIds {

    private static final Pattern PNC_ID = Pattern.compile("([0-9]{2}|[0-9]{4})/([0-9]{1,7})([A-Z])");
    private static final Pattern WHITESPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");
    private static final String CHECK_CHARACTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final long SERIALS = 10_000_000L;

    private PncIds() {
    }

    /** Whether this is a PNC ID: the form (spaces and case aside) and its check character. */
    public static boolean isValid(String pncId) {
        return parse(pncId) != null;
    }

    /**
     * The ID with a four-digit year and a seven-digit serial number ({@code 19/12345a} of someone born in 2003 is
     * {@code 2019/0012345A}); empty if it is not a valid PNC ID.
     *
     * @param dateOfBirth the person's, for the century of a two-digit year
     */
    public static Optional<String> canonical(String pncId, LocalDate dateOfBirth) {
        Matcher parts = parse(pncId);
        if (parts == null) {
            return Optional.empty();
        }
        String year = parts.group(1);
        int fullYear = year.length() == 4 ? Integer.parseInt(year) : fullYear(Integer.parseInt(year), dateOfBirth.getYear());
        return Optional.of(String.format(Locale.ROOT, "%04d/%07d%s", fullYear, Integer.parseInt(parts.group(2)), parts.group(3)));
    }

    /** The first year ending in {@code twoDigits} on or after {@code birthYear}. */
    static int fullYear(int twoDigits, int birthYear) {
        int year = birthYear - Math.floorMod(birthYear, 100) + twoDigits;
        return year < birthYear ? year + 100 : year;
    }

    /** The check character of a PNC ID of this year (only its last two digits count) and serial number. */
    public static char checkCharacter(int year, long serial) {
        return CHECK_CHARACTERS.charAt((int) ((Math.floorMod(year, 100) * SERIALS + serial) % CHECK_CHARACTERS.length()));
    }

    private static Matcher parse(String pncId) {
        if (pncId == null) {
            return null;
        }
        Matcher parts = PNC_ID.matcher(WHITESPACE.matcher(pncId).replaceAll("").toUpperCase(Locale.ROOT));
        if (!parts.matches()) {
            return null;
        }
        char check = parts.group(3).charAt(0);
        return check == checkCharacter(Integer.parseInt(parts.group(1)), Long.parseLong(parts.group(2))) ? parts : null;
    }
}
