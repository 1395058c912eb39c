package org.saferkent.commissioning.vocabulary;

import java.util.List;

/** Kent's twelve districts, by the codes every event and request uses. */
public final class Districts {

    public static final List<String> KENT = List.of("ashford", "canterbury", "dartford", "dover", "gravesham",
            "maidstone", "sevenoaks", "folkestone-and-hythe", "swale", "thanet", "tonbridge-and-malling",
            "tunbridge-wells");

    private Districts() {
    }

    public static boolean known(String code) {
        return code != null && KENT.contains(code);
    }
}
