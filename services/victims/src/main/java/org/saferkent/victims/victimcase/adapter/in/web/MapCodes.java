package org.saferkent.victims.victimcase.adapter.in.web;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.Codes;

/** A map's value, checked in code with its key, since which codes it takes depends on the key. */
final class MapCodes {

    private MapCodes() {
    }

    /** The code, or null with a problem named {@code field}: "is required", or "must be a, b or c". */
    static <E extends Enum<E>> E parse(RequestProblems problems, String field, String value, Class<E> type) {
        E parsed = Codes.parse(type, value).orElse(null);
        if (value == null || value.isBlank()) {
            problems.add(field, "is required");
        } else if (parsed == null) {
            problems.add(field, "must be " + Codes.listOf(type));
        }
        return parsed;
    }
}
