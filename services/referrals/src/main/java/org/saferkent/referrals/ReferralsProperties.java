package org.saferkent.referrals;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param topic where referral events are published ({@code referrals.referral.events}) */
@ConfigurationProperties("saferkent.referrals")
public record ReferralsProperties(String topic) {
}
