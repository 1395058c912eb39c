package org.saferkent.commissioning.contract.adapter.in.web;

import java.util.function.Predicate;

import org.saferkent.commissioning.vocabulary.Districts;
import org.saferkent.commissioning.vocabulary.Measure;
import org.saferkent.commissioning.vocabulary.Pathways;

/** The codes a contract's fields are chosen from, and how a problem lists them. */
public enum Vocabulary {
    PATHWAY(Pathways::known, String.join(", ", Pathways.ALL)),
    DISTRICT(Districts::known, String.join(", ", Districts.KENT)),
    MEASURE(code -> Measure.parse(code).isPresent(), Measure.choices());

    private final Predicate<String> known;
    private final String choices;

    Vocabulary(Predicate<String> known, String choices) {
        this.known = known;
        this.choices = choices;
    }

    boolean knows(String code) {
        return code != null && known.test(code);
    }

    String choices() {
        return choices;
    }
}
