package org.saferkent.rj.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Kent's twelve districts, by the codes the partnership's events use. */
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

    /** Accepts the code; "shepway" is Folkestone and Hythe's name before 2018. */
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
