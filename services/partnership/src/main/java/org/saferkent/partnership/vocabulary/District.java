package org.saferkent.partnership.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Kent's twelve districts, by the codes the partnership's events use. Each district is a Community Safety
 * Partnership's area, except Dartford and Gravesham, which share one CSP ({@link #csp()}).
 */
public enum District {
    ASHFORD("ashford"),
    CANTERBURY("canterbury"),
    DARTFORD("dartford"),
    DOVER("dover"),
    GRAVESHAM("gravesham"),
    MAIDSTONE("maidstone"),
    SEVENOAKS("sevenoaks"),
    FOLKESTONE_AND_HYTHE("folkestone-and-hythe"),
    SWALE("swale"),
    THANET("thanet"),
    TONBRIDGE_AND_MALLING("tonbridge-and-malling"),
    TUNBRIDGE_WELLS("tunbridge-wells");

    private final String code;

    District(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The Community Safety Partnership: Dartford and Gravesham are one. */
    public String csp() {
        return this == DARTFORD || this == GRAVESHAM ? "dartford-and-gravesham" : code;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(District::code).toList();
    }

    public static Optional<District> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code.equals(normalised)).findFirst();
    }
}
