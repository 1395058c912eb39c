package org.saferkent.commissioning.performance.domain;

import java.util.Locale;

/** Red, amber or green against a target; no data when the measure is absent. */
public enum RagStatus {
    GREEN, AMBER, RED, NO_DATA;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
