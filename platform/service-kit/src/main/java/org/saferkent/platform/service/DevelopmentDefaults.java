package org.saferkent.platform.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Secrets fail closed. The published development secrets (a pseudonym secret, a master key) are used only
 * when {@code saferkent.development-defaults=true}, which the embedded local stack ({@code ./run-local.sh})
 * and the tests' shared configuration set, and nothing else should. And no service starts while any of
 * its settings still holds a {@code replace-me} value copied from {@code compose.env.example}: the
 * refusal names the setting, never its value.
 */
public final class DevelopmentDefaults {

    public static final String PROPERTY = "saferkent.development-defaults";
    static final String PLACEHOLDER = "replace-me";

    private final boolean enabled;

    DevelopmentDefaults(ConfigurableEnvironment environment) {
        List<String> placeholders = placeholders(environment);
        if (!placeholders.isEmpty()) {
            throw new IllegalStateException("Start-up refused: " + String.join(", ", placeholders) + " still hold"
                    + (placeholders.size() == 1 ? "s" : "") + " a '" + PLACEHOLDER + "' value from compose.env.example; "
                    + "set real secrets (see the README, Security)");
        }
        this.enabled = enabled(environment);
    }

    /** Whether the embedded local stack or a test switched the development defaults on. */
    public static boolean enabled(Environment environment) {
        return environment.getProperty(PROPERTY, Boolean.class, false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The names of the settings whose value still holds the example file's placeholder. */
    static List<String> placeholders(ConfigurableEnvironment environment) {
        List<String> names = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object value = enumerable.getProperty(name);
                    if (value instanceof CharSequence text && text.toString().toLowerCase(Locale.ROOT).contains(PLACEHOLDER)
                            && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
