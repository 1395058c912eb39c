package org.saferkent.commissioning.vocabulary;

import java.util.List;

/** The referral pathways a commissioned service can cover (as referrals routes them). */
public final class Pathways {

    public static final List<String> ALL = List.of("victim-support", "domestic-abuse", "restorative-justice",
            "youth-prevention", "substance-misuse", "asb-case", "troubled-families");

    /**
     * The pathways a victim case serves (as victims opens cases for them): a referral routed to both
     * has one case, which counts for each.
     */
    public static final List<String> VICTIM_SERVICES = List.of("victim-support", "domestic-abuse");

    /**
     * The pathways partner teams deliver, answering in referrals' inbox: their acceptance is their case opened (no
     * case service of theirs publishes one).
     */
    public static final List<String> PARTNER_TEAMS = List.of("youth-prevention", "substance-misuse", "asb-case",
            "troubled-families");

    private Pathways() {
    }

    public static boolean known(String code) {
        return code != null && ALL.contains(code);
    }
}
