package org.saferkent.partnership.assessment.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fourteen crime and ASB categories police.uk publishes, by the slugs of its API, with the "Crime type" name its
 * street-level CSV files use, and the mapping of SaferKent's referral categories onto them.
 */
public enum PoliceUkCategory {
    ANTI_SOCIAL_BEHAVIOUR("anti-social-behaviour", "Anti-social behaviour"),
    BICYCLE_THEFT("bicycle-theft", "Bicycle theft"),
    BURGLARY("burglary", "Burglary"),
    CRIMINAL_DAMAGE_ARSON("criminal-damage-arson", "Criminal damage and arson"),
    DRUGS("drugs", "Drugs"),
    OTHER_THEFT("other-theft", "Other theft"),
    POSSESSION_OF_WEAPONS("possession-of-weapons", "Possession of weapons"),
    PUBLIC_ORDER("public-order", "Public order"),
    ROBBERY("robbery", "Robbery"),
    SHOPLIFTING("shoplifting", "Shoplifting"),
    THEFT_FROM_THE_PERSON("theft-from-the-person", "Theft from the person"),
    VEHICLE_CRIME("vehicle-crime", "Vehicle crime"),
    VIOLENT_CRIME("violent-crime", "Violence and sexual offences"),
    OTHER_CRIME("other-crime", "Other crime");

    /**
     * SaferKent's referral categories that are not police.uk's own (the Victims' Code flags referrals also accepts
     * as a category), by the police.uk category the Home Office counting rules record them under.
     */
    static final Map<String, PoliceUkCategory> REFERRAL_FLAGS = Map.ofEntries(
            Map.entry("domestic-abuse", VIOLENT_CRIME),
            Map.entry("sexual-offence", VIOLENT_CRIME),
            Map.entry("attempted-murder", VIOLENT_CRIME),
            Map.entry("wounding-with-intent", VIOLENT_CRIME),
            Map.entry("kidnap", VIOLENT_CRIME),
            Map.entry("false-imprisonment", VIOLENT_CRIME),
            Map.entry("stalking", VIOLENT_CRIME),
            Map.entry("child-sexual-exploitation", VIOLENT_CRIME),
            Map.entry("hate-crime", PUBLIC_ORDER),
            Map.entry("arson-with-intent", CRIMINAL_DAMAGE_ARSON),
            Map.entry("terrorism", OTHER_CRIME),
            Map.entry("human-trafficking", OTHER_CRIME),
            Map.entry("modern-slavery", OTHER_CRIME));

    private final String slug;
    private final String crimeType;

    PoliceUkCategory(String slug, String crimeType) {
        this.slug = slug;
        this.crimeType = crimeType;
    }

    public String slug() {
        return slug;
    }

    /** The "Crime type" of police.uk's CSV files. */
    public String crimeType() {
        return crimeType;
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(PoliceUkCategory::slug).toList();
    }

    public static Optional<PoliceUkCategory> fromSlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    /** A CSV row's "Crime type" (exact, as police.uk writes it, surrounding spaces ignored). */
    public static Optional<PoliceUkCategory> fromCrimeType(String crimeType) {
        if (crimeType == null) {
            return Optional.empty();
        }
        String trimmed = crimeType.trim();
        return Arrays.stream(values()).filter(c -> c.crimeType.equalsIgnoreCase(trimmed)).findFirst();
    }

    /**
     * The police.uk category a referral's category is counted under: a police.uk category as it is, a Victims' Code
     * flag by {@link #REFERRAL_FLAGS}; empty for a category referrals never accepts.
     */
    public static Optional<PoliceUkCategory> ofReferralCategory(String category) {
        if (category == null) {
            return Optional.empty();
        }
        return fromSlug(category).or(() -> Optional.ofNullable(REFERRAL_FLAGS.get(category)));
    }
}
