package org.saferkent.referrals.referral.domain;

import java.util.Set;

/**
 * Crime categories as police.uk publishes them, plus the flags the partnership's rules need
 * (domestic abuse, hate crime, sexual offence).
 */
public final class Category {

    public static final Set<String> POLICE_UK = Set.of(
            "anti-social-behaviour", "bicycle-theft", "burglary", "criminal-damage-arson", "drugs", "other-theft",
            "possession-of-weapons", "public-order", "robbery", "shoplifting", "theft-from-the-person",
            "vehicle-crime", "violent-crime", "other-crime");

    public static final Set<String> FLAGS = Set.of("domestic-abuse", "hate-crime", "sexual-offence");

    private Category() {
    }

    public static boolean isKnown(String code) {
        return POLICE_UK.contains(code) || FLAGS.contains(code);
    }
}
