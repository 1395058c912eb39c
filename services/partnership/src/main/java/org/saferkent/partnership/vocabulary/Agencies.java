package org.saferkent.partnership.vocabulary;

import java.util.Set;

/**
 * The partner agencies, by the codes the identity server gives their clients (the same registry as
 * referrals'). A review names agencies by code only: never a person.
 */
public final class Agencies {

    public static final Set<String> KNOWN = Set.of(
            "kent-police", "kcc-families-social-care", "kcc-education", "kcc-integrated-youth-services",
            "kcc-youth-offending-service", "kcc-community-wardens", "kcc-trading-standards", "kent-daat",
            "kcc-supporting-people", "kcc-public-health", "kcc-road-safety", "kcc-community-safety-unit",
            "ashford-bc", "canterbury-cc", "dartford-bc", "dover-dc", "gravesham-bc", "maidstone-bc",
            "sevenoaks-dc", "folkestone-hythe-dc", "swale-bc", "thanet-dc", "tonbridge-malling-bc",
            "tunbridge-wells-bc", "kent-fire-rescue", "probation-kent", "nhs-kent-medway", "victim-support",
            "domestic-abuse-services", "medway-council");

    /** A DHR chair from no agency at all (the guidance's independent chair). */
    public static final String INDEPENDENT = "independent";

    private Agencies() {
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }
}
