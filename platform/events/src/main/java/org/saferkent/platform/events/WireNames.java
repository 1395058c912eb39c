package org.saferkent.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Resolves and checks the wire names declared with {@link EventType}. */
public final class WireNames {

    /** {@code <service>.<PastTenseName>.v<major>}: lower-case service, upper-camel name, no "Event" suffix. */
    public static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*");

    private static final Map<Class<?>, String> CACHE = new ConcurrentHashMap<>();

    private WireNames() {
    }

    public static String of(Class<?> eventClass) {
        return CACHE.computeIfAbsent(eventClass, WireNames::resolve);
    }

    public static boolean isWellFormed(String wireName) {
        return wireName != null && FORMAT.matcher(wireName).matches() && !name(wireName).endsWith("Event");
    }

    private static String resolve(Class<?> eventClass) {
        EventType annotation = eventClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType wire name");
        }
        String wireName = annotation.value();
        if (!isWellFormed(wireName)) {
            throw new IllegalArgumentException("Wire name '" + wireName + "' of " + eventClass.getName()
                    + " must look like service.PastTenseName.v1 (no 'Event' suffix)");
        }
        return wireName;
    }

    private static String name(String wireName) {
        String[] parts = wireName.split("\\.");
        return parts[1];
    }
}
