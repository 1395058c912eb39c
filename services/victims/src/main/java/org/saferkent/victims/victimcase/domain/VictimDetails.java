package org.saferkent.victims.victimcase.domain;

import java.time.LocalDate;

/**
 * The victim's personal data as fetched from referrals (claim check). Stored apart from the case,
 * so it can be encrypted and erased without losing the case's anonymous facts; never on the bus,
 * never in logs.
 */
public record VictimDetails(String name, LocalDate dateOfBirth, String postcode, String phone, String email,
        String address, String narrative) {

    @Override
    public String toString() {
        return "VictimDetails[redacted]";
    }
}
