package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;

/** A duplicate referral joined to the first one ({@code linkedTo}) instead of being routed again. */
public record LinkFact(String referralId, String linkedTo, String district, LocalDate linkedOn) {
}
