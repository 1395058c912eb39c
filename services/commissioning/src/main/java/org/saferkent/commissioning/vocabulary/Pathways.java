package org.saferkent.commissioning.vocabulary;

import java.util.List;

/** The referral pathways a commissioned service can cover (as referrals routes them). */
public final class Pathways {

    public static final List<String> ALL = List.of("victim-support", "domestic-abuse", "restorative-justice",
            "youth-prevention", "substance-misuse", "asb-case", "troubled-families");

    private Pathways() {
    }

    public static boolean known(String code) {
        return code != null && ALL.contains(code);
    }
}
