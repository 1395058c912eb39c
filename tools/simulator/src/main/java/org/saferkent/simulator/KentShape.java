package org.saferkent.simulator;

import static java.util.Map.entry;

import java.util.Map;

/**
 * What a year of Kent's referrals looks like, as weights. Districts are weighted by population (ONS,
 * Census 2021); the agency, category and risk mixes are the simulator's assumptions, shaped after the
 * partnership's description (police refer most; violence and domestic abuse dominate victims' work)
 * and SafeLives' published DASH proportions. A year is the PCC's 2023/24 figure: 102,736 referrals.
 */
public final class KentShape {

    /** Referrals to victims services in Kent, 2023/24 (the PCC's annual report). */
    public static final int REFERRALS_PER_YEAR = 102_736;

    /** Population by district, Census 2021 (thousands). */
    public static final WeightedChoice<String> DISTRICTS = WeightedChoice.of(
            entry("ashford", 132.7), entry("canterbury", 157.4), entry("dartford", 116.8), entry("dover", 116.4),
            entry("gravesham", 106.9), entry("maidstone", 175.8), entry("sevenoaks", 120.5),
            entry("folkestone-and-hythe", 109.8), entry("swale", 151.7), entry("thanet", 140.6),
            entry("tonbridge-and-malling", 132.2), entry("tunbridge-wells", 115.2));

    /** The district council that refers from each district ("district" stands for it in {@link #AGENCIES}). */
    public static final Map<String, String> DISTRICT_COUNCILS = Map.ofEntries(
            entry("ashford", "ashford-bc"), entry("canterbury", "canterbury-cc"), entry("dartford", "dartford-bc"),
            entry("dover", "dover-dc"), entry("gravesham", "gravesham-bc"), entry("maidstone", "maidstone-bc"),
            entry("sevenoaks", "sevenoaks-dc"), entry("folkestone-and-hythe", "folkestone-hythe-dc"), entry("swale", "swale-bc"),
            entry("thanet", "thanet-dc"), entry("tonbridge-and-malling", "tonbridge-malling-bc"),
            entry("tunbridge-wells", "tunbridge-wells-bc"));

    /** Who refers. */
    public static final WeightedChoice<String> AGENCIES = WeightedChoice.of(
            entry("kent-police", 0.55), entry("victim-support", 0.07), entry("domestic-abuse-services", 0.06),
            entry("district", 0.08), entry("kcc-families-social-care", 0.05), entry("nhs-kent-medway", 0.04),
            entry("probation-kent", 0.03), entry("kcc-youth-offending-service", 0.03), entry("kent-daat", 0.02),
            entry("kcc-community-wardens", 0.02), entry("kcc-integrated-youth-services", 0.02),
            entry("kent-fire-rescue", 0.01), entry("kcc-community-safety-unit", 0.01), entry("kcc-education", 0.01));

    /** What happened: police.uk categories plus the flags the partnership's rules need. */
    public static final WeightedChoice<String> CATEGORIES = WeightedChoice.of(
            entry("violent-crime", 0.33), entry("domestic-abuse", 0.16), entry("anti-social-behaviour", 0.12),
            entry("criminal-damage-arson", 0.07), entry("other-theft", 0.06), entry("burglary", 0.05),
            entry("public-order", 0.05), entry("shoplifting", 0.04), entry("vehicle-crime", 0.04),
            entry("hate-crime", 0.02), entry("sexual-offence", 0.02), entry("drugs", 0.01), entry("robbery", 0.01),
            entry("theft-from-the-person", 0.01));

    /** DASH risk bands of domestic abuse referrals: mostly standard, about one in ten high (to MARAC). */
    public static final WeightedChoice<String> DASH_BANDS = WeightedChoice.of(
            entry("standard", 0.68), entry("medium", 0.22), entry("high", 0.10));

    public static final WeightedChoice<String> ASB_TYPES = WeightedChoice.of(
            entry("personal", 0.3), entry("nuisance", 0.55), entry("environmental", 0.15));

    public static final WeightedChoice<String> OVERRIDE_BASES = WeightedChoice.of(
            entry("safeguarding", 0.6), entry("prevention-of-crime", 0.3), entry("vital-interests", 0.08),
            entry("court-order", 0.02));

    /** A referral about someone referred before (same name and date of birth, so the same pseudonym). */
    public static final double REPEAT_SHARE = 0.12;
    /** A referral followed by another agency's referral of the same person for the same incident. */
    public static final double DUPLICATE_SHARE = 0.06;
    /** Shared under a lawful override rather than the subject's consent. */
    public static final double OVERRIDE_SHARE = 0.07;
    /** Asked for restorative justice as well (victims) or instead (offenders). */
    public static final double RJ_SHARE = 0.12;
    /** A victim who opts out of having details passed to victims services (Victims' Code para 4.5). */
    public static final double OPT_OUT_SHARE = 0.02;

    /** The start of a postcode in each district, for realistic-looking (fictional) addresses. */
    public static final Map<String, String> POSTCODE_AREAS = Map.ofEntries(
            entry("ashford", "TN23"), entry("canterbury", "CT1"), entry("dartford", "DA1"), entry("dover", "CT16"),
            entry("gravesham", "DA11"), entry("maidstone", "ME14"), entry("sevenoaks", "TN13"),
            entry("folkestone-and-hythe", "CT20"), entry("swale", "ME10"), entry("thanet", "CT9"),
            entry("tonbridge-and-malling", "ME19"), entry("tunbridge-wells", "TN1"));

    private KentShape() {
    }
}
