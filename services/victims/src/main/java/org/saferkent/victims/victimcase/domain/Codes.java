package org.saferkent.victims.victimcase.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire and API codes of the domain's enumerations: the constant's name in kebab case
 * ({@code NOT_IMPROVED} is {@code not-improved}). Stored documents keep the constant's name.
 */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(value -> of(value).equals(wanted)).findFirst();
    }

    /** "phone, email or letter": for messages that say what is allowed. */
    public static <E extends Enum<E>> String listOf(Class<E> type) {
        String all = Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
