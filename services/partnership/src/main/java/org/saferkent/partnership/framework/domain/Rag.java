package org.saferkent.partnership.framework.domain;

import java.util.Locale;

/** Red, amber, green: how a measure stands against its target (always shown as the word, never colour alone). */
public enum Rag {
    GREEN, AMBER, RED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
