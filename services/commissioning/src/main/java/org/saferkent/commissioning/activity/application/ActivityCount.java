package org.saferkent.commissioning.activity.application;

/** Per district and pathway: referrals routed there and cases opened from them (each counted once). */
public record ActivityCount(String district, String pathway, long referralsRouted, long casesOpened) {
}
