package org.saferkent.referrals.referral.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Kent's twelve districts and the Community Safety Partnership each belongs to: eleven CSPs, because
 * Dartford and Gravesham share one.
 */
public enum District {
    ASHFORD("ashford", "Ashford CSP"),
    CANTERBURY("canterbury", "Canterbury CSP"),
    DARTFORD("dartford", "Dartford and Gravesham CSP"),
    DOVER("dover", "Dover CSP"),
    GRAVESHAM("gravesham", "Dartford and Gravesham CSP"),
    MAIDSTONE("maidstone", "Maidstone CSP"),
    SEVENOAKS("sevenoaks", "Sevenoaks CSP"),
    FOLKESTONE_AND_HYTHE("folkestone-and-hythe", "Folkestone and Hythe CSP"),
    SWALE("swale", "Swale CSP"),
    THANET("thanet", "Thanet CSP"),
    TONBRIDGE_AND_MALLING("tonbridge-and-malling", "Tonbridge and Malling CSP"),
    TUNBRIDGE_WELLS("tunbridge-wells", "Tunbridge Wells CSP");

    private final String code;
    private final String csp;

    District(String code, String csp) {
        this.code = code;
        this.csp = csp;
    }

    public String code() {
        return code;
    }

    public String csp() {
        return csp;
    }

    /** Accepts the code; "shepway" is the district's name before 2018. */
    public static Optional<District> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("shepway")) {
            return Optional.of(FOLKESTONE_AND_HYTHE);
        }
        return Arrays.stream(values()).filter(d -> d.code.equals(normalised)).findFirst();
    }
}
