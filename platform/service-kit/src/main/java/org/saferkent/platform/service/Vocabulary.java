package org.saferkent.platform.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The closed list of codes a field takes, for {@link OneOf}: a service's own vocabulary (its districts, say),
 * written as a class with a no-argument constructor, made once per constraint.
 */
public interface Vocabulary {

    /** Whether {@code code}, as the client wrote it (never null, never blank), is one of the vocabulary's. */
    boolean contains(String code);

    /** What a value outside the vocabulary is told, taken literally: "must be a, b or c". */
    String refusal();

    /**
     * An enum's constants by their codes, the name in lower case with {@code -} for {@code _}
     * ({@code NOT_IMPROVED} is {@code not-improved}), in any case and with spaces around; refused with
     * "must be " and every code, in declaration order ("must be phone, email or letter").
     */
    static Vocabulary codesOf(Class<? extends Enum<?>> type) {
        java.util.List<String> codes = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        String all = codes.stream().collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        String refusal = "must be " + (last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2));
        return new Vocabulary() {
            @Override
            public boolean contains(String code) {
                // bounded before it is lower-cased: toLowerCase is quadratic in the number of 'İ' (see OneOf.MAX_LENGTH)
                return code.length() <= OneOf.MAX_LENGTH && codes.contains(code.trim().toLowerCase(Locale.ROOT));
            }

            @Override
            public String refusal() {
                return refusal;
            }
        };
    }
}
