package org.saferkent.referrals.referral.domain;

import java.time.Instant;

/** One step in a referral's history, as its agency sees it. */
public record TimelineEntry(Instant at, String what, String detail) {
}
