package org.saferkent.referrals.referral.domain;

import java.time.LocalDate;

/**
 * The subject's personal data and the referrer's narrative. Kept apart from the referral's
 * operational fields, never put on the bus, handed out only through the claim check.
 */
public record PersonalDetails(String name, LocalDate dateOfBirth, String postcode, String phone, String email,
        String address, String narrative) {

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
