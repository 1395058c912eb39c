package org.saferkent.partnership.assessment.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.saferkent.partnership.vocabulary.District;

/**
 * The district of an LSOA by its name, as police.uk writes it: the local authority's name, then the LSOA's number
 * ("Maidstone 012A"). Folkestone and Hythe was Shepway until 2018, and the 2011 LSOA names still say so.
 */
public final class KentLsoa {

    private static final Pattern NAME = Pattern.compile("^(.+?)\\s+\\d{3}[A-Z]$");

    private static final Map<String, District> AUTHORITIES = Map.ofEntries(
            Map.entry("ashford", District.ASHFORD),
            Map.entry("canterbury", District.CANTERBURY),
            Map.entry("dartford", District.DARTFORD),
            Map.entry("dover", District.DOVER),
            Map.entry("gravesham", District.GRAVESHAM),
            Map.entry("maidstone", District.MAIDSTONE),
            Map.entry("sevenoaks", District.SEVENOAKS),
            Map.entry("folkestone and hythe", District.FOLKESTONE_AND_HYTHE),
            Map.entry("shepway", District.FOLKESTONE_AND_HYTHE),
            Map.entry("swale", District.SWALE),
            Map.entry("thanet", District.THANET),
            Map.entry("tonbridge and malling", District.TONBRIDGE_AND_MALLING),
            Map.entry("tunbridge wells", District.TUNBRIDGE_WELLS));

    private KentLsoa() {
    }

    /** The local authority part of an LSOA name ("Maidstone 012A" → "Maidstone"); the name itself if it has no number. */
    public static String authority(String lsoaName) {
        String trimmed = lsoaName == null ? "" : lsoaName.trim();
        Matcher matcher = NAME.matcher(trimmed);
        return matcher.matches() ? matcher.group(1) : trimmed;
    }

    /** The Kent district of an LSOA name; empty for a blank name (a crime police.uk could not place) or outside Kent. */
    public static Optional<District> district(String lsoaName) {
        String authority = authority(lsoaName).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("&", "and");
        return Optional.ofNullable(AUTHORITIES.get(authority));
    }
}
