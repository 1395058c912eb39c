package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.Set;

/** Kent's twelve districts, as referral events name them: what the case list may be filtered by. */
final class Districts {

    static final Set<String> KENT = Set.of("ashford", "canterbury", "dartford", "dover", "gravesham", "maidstone",
            "sevenoaks", "folkestone-and-hythe", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells");

    private Districts() {
    }
}
