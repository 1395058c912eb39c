package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.Locale;
import java.util.Set;

import org.saferkent.platform.service.Vocabulary;

/** Kent's twelve districts, as referral events name them (any case): what the case list may be filtered by. */
final class KentDistricts implements Vocabulary {

    private static final Set<String> KENT = Set.of("ashford", "canterbury", "dartford", "dover", "gravesham", "maidstone",
            "sevenoaks", "folkestone-and-hythe", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells");

    @Override
    public boolean contains(String code) {
        return KENT.contains(code.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String refusal() {
        return "is not one of Kent's 12 districts";
    }
}
