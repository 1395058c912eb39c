package org.saferkent.commissioning.activity.adapter.in.messaging;

import org.saferkent.platform.events.InvalidEventException;

final class Required {

    private Required() {
    }

    static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing field '" + field + "'");
        }
    }
}
