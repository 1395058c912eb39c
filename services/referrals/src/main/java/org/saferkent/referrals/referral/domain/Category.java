package org.saferkent.referrals.referral.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Crime categories as police.uk publishes them, plus the flags the partnership's rules need: every
 * category of the Victims' Code 2020's enhanced entitlement police.uk does not name (domestic abuse,
 * hate crime, sexual offences, terrorism, human trafficking and modern slavery, attempted murder,
 * kidnap, false imprisonment, arson with intent to endanger life, wounding or GBH with intent), and
 * stalking and child sexual exploitation.
 */
public final class Category {

    public static final Set<String> POLICE_UK = Set.of(
            "anti-social-behaviour", "bicycle-theft", "burglary", "criminal-damage-arson", "drugs", "other-theft",
            "possession-of-weapons", "public-order", "robbery", "shoplifting", "theft-from-the-person",
            "vehicle-crime", "violent-crime", "other-crime");

    /** In a fixed order, so that a problem lists them the same way every time. */
    public static final Set<String> FLAGS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "domestic-abuse", "hate-crime", "sexual-offence", "terrorism", "human-trafficking", "modern-slavery",
            "attempted-murder", "kidnap", "false-imprisonment", "arson-with-intent", "wounding-with-intent", "stalking",
            "child-sexual-exploitation")));

    private Category() {
    }

    public static boolean isKnown(String code) {
        return POLICE_UK.contains(code) || FLAGS.contains(code);
    }
}
