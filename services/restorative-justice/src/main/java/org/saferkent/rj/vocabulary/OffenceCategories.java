package org.saferkent.rj.vocabulary;

import java.util.HashSet;
import java.util.Set;

/**
 * Crime categories as police.uk publishes them, the partnership's flags, and the offence types
 * restorative justice must treat with particular care (stalking, trafficking, child sexual exploitation).
 */
public final class OffenceCategories {

    public static final Set<String> POLICE_UK = Set.of(
            "anti-social-behaviour", "bicycle-theft", "burglary", "criminal-damage-arson", "drugs", "other-theft",
            "possession-of-weapons", "public-order", "robbery", "shoplifting", "theft-from-the-person",
            "vehicle-crime", "violent-crime", "other-crime");

    /** Flags a referral or disposal may carry beside its category. */
    public static final Set<String> FLAGS = Set.of("domestic-abuse", "hate-crime", "sexual-offence", "stalking",
            "human-trafficking", "modern-slavery", "child-sexual-exploitation");

    private static final Set<String> ALL;

    static {
        Set<String> all = new HashSet<>(POLICE_UK);
        all.addAll(FLAGS);
        ALL = Set.copyOf(all);
    }

    private OffenceCategories() {
    }

    public static boolean isKnown(String code) {
        return code != null && ALL.contains(code);
    }
}
