package org.saferkent.rj.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum constants as the lowercase, hyphenated codes clients and events use ({@code DIRECT_CONFERENCE} = {@code direct-conference}). */
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

    /** "a, b or c": the codes a field accepts, for a problem message. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        String all = Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
