package org.saferkent.referrals.referral.domain;

import java.util.Set;

/** The registry of Kent partner agencies allowed to post referrals. */
public final class Agency {

    public static final Set<String> KNOWN = Set.of(
            "kent-police", "kcc-families-social-care", "kcc-education", "kcc-integrated-youth-services",
            "kcc-youth-offending-service", "kcc-community-wardens", "kcc-trading-standards", "kent-daat",
            "kcc-supporting-people", "kcc-public-health", "kcc-road-safety", "kcc-community-safety-unit",
            "ashford-bc", "canterbury-cc", "dartford-bc", "dover-dc", "gravesham-bc", "maidstone-bc",
            "sevenoaks-dc", "folkestone-hythe-dc", "swale-bc", "thanet-dc", "tonbridge-malling-bc",
            "tunbridge-wells-bc", "kent-fire-rescue", "probation-kent", "nhs-kent-medway", "victim-support",
            "domestic-abuse-services", "medway-council");

    private Agency() {
    }

    public static boolean isKnown(String code) {
        return KNOWN.contains(code);
    }
}
