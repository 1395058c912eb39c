package org.saferkent.victims.victimcase.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is entitled to enhanced rights under the Victims' Code 2020: victims of the most serious
 * crime (and bereaved relatives), persistently targeted victims, vulnerable victims and intimidated
 * victims. Each reason found is recorded, as {@code <ground>} or {@code <ground>:<what>}, e.g.
 * {@code most-serious-crime:domestic-abuse}, {@code persistently-targeted:stalking} or {@code vulnerable:under-18}.
 */
public final class EntitlementRules {

    /**
     * Extra crime codes counted as most serious crime unless configured otherwise (every Code category
     * here is most serious whatever the configuration says: see {@link #CODE_MOST_SERIOUS}).
     */
    public static final Set<String> DEFAULT_MOST_SERIOUS_CATEGORIES = Set.of(
            "terrorism", "human-trafficking", "modern-slavery", "attempted-murder", "kidnap", "kidnapping",
            "false-imprisonment", "arson-with-intent", "arson-with-intent-to-endanger-life", "gbh-with-intent",
            "wounding-with-intent");

    public static final String MOST_SERIOUS = "most-serious-crime";
    public static final String PERSISTENTLY_TARGETED = "persistently-targeted";
    public static final String VULNERABLE = "vulnerable";
    public static final String INTIMIDATED = "intimidated";

    /**
     * The Victims' Code 2020's victims of the most serious crime, as the flags referrals accepts name them
     * (and the longer codes some agencies use): most serious crime whatever the configuration says, which
     * can only add. Child sexual exploitation is a sexual offence; modern slavery is human trafficking's
     * other name in the Modern Slavery Act 2015.
     */
    public static final Set<String> CODE_MOST_SERIOUS = Set.of("domestic-abuse", "hate-crime", "sexual-offence",
            "child-sexual-exploitation", "terrorism", "human-trafficking", "modern-slavery", "attempted-murder", "kidnap",
            "kidnapping", "false-imprisonment", "arson-with-intent", "arson-with-intent-to-endanger-life",
            "wounding-with-intent", "gbh-with-intent");
    /** Crimes that are a course of conduct against the victim: their victims are persistently targeted. */
    private static final Set<String> PERSISTENTLY_TARGETING_CRIMES = Set.of("stalking");
    private static final Set<String> UNDER_18 = Set.of("0-9", "10-17");
    private static final List<String> VULNERABILITIES = List.of(
            "mental-disorder", "impaired-intelligence", "impaired-social-functioning", "physical-disability");
    private static final Set<String> PERSISTENTLY_TARGETED_MARKERS = Set.of("persistently-targeted", "repeat-victim");
    /** Victims of these are intimidated victims automatically. */
    private static final Set<String> AUTOMATICALLY_INTIMIDATED = Set.of("sexual-offence", "child-sexual-exploitation",
            "human-trafficking", "modern-slavery");

    private final Set<String> mostSeriousCategories;

    public EntitlementRules(Set<String> mostSeriousCategories) {
        this.mostSeriousCategories = Set.copyOf(mostSeriousCategories);
    }

    public static EntitlementRules victimsCode2020() {
        return new EntitlementRules(DEFAULT_MOST_SERIOUS_CATEGORIES);
    }

    public Entitlement decide(String category, VictimProfile profile) {
        Set<String> crimes = new LinkedHashSet<>();
        if (category != null) {
            crimes.add(category);
        }
        crimes.addAll(profile.flags());
        List<String> vulnerabilities = profile.vulnerabilities();
        List<String> reasons = new ArrayList<>();
        for (String crime : crimes) {
            if (CODE_MOST_SERIOUS.contains(crime) || mostSeriousCategories.contains(crime)) {
                reasons.add(MOST_SERIOUS + ":" + crime);
            }
        }
        if (vulnerabilities.contains("bereaved")) {
            reasons.add(MOST_SERIOUS + ":bereaved-relative");
        }
        if (vulnerabilities.stream().anyMatch(PERSISTENTLY_TARGETED_MARKERS::contains)) {
            reasons.add(PERSISTENTLY_TARGETED);
        }
        for (String crime : crimes) {
            if (PERSISTENTLY_TARGETING_CRIMES.contains(crime)) {
                reasons.add(PERSISTENTLY_TARGETED + ":" + crime);
            }
        }
        if (profile.ageBand() != null && UNDER_18.contains(profile.ageBand())) {
            reasons.add(VULNERABLE + ":under-18");
        }
        for (String vulnerability : VULNERABILITIES) {
            if (vulnerabilities.contains(vulnerability)) {
                reasons.add(VULNERABLE + ":" + vulnerability);
            }
        }
        if (vulnerabilities.contains("intimidated")) {
            reasons.add(INTIMIDATED);
        }
        for (String crime : crimes) {
            if (AUTOMATICALLY_INTIMIDATED.contains(crime)) {
                reasons.add(INTIMIDATED + ":" + crime);
            }
        }
        return reasons.isEmpty() ? Entitlement.standard() : new Entitlement(true, reasons);
    }
}
