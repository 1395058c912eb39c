package org.saferkent.rj.youthjustice.adapter.in.web;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The person a disposal is about, as Kent Police or the Youth Offending Service know them. Keyed at the door
 * into the partnership's pseudonym (the same as referrals give the person) and dropped: nothing of it is
 * stored, logged or published; the date of birth gives the exact ages first.
 *
 * @param postcode optional (no fixed abode, or not known): keyed into the pseudonym as given (give it as referrals
 *                 would have it); a person posted from another postcode is still found by name and date of birth
 * @param pncId    the Police National Computer ID, optional: checked for its form and check character
 *                 ({@code PncIds}), its year made four digits, keyed (never kept in clear) and linking the person's
 *                 records whatever the spelling of their name
 */
record PersonDetails(String name, LocalDate dateOfBirth, String postcode, String pncId) {

    /** A UK postcode, spaces aside: outward code, then a digit and two letters. */
    static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

    @Override
    public String toString() {
        return "PersonDetails[redacted]"; // never the name, date of birth, postcode or PNC ID
    }
}
