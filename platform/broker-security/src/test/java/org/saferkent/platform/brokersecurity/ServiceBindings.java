package org.saferkent.platform.brokersecurity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the services themselves say they read and write, independently of init-security.sh: each service's
 * consumer bindings (destination, group, whether the destination is a pattern) from its own configuration
 * ({@code services/<service>/src/main/resources/<service>.yml}, placeholders resolved within the file as
 * Spring would with no other property set), and the topics the event catalogue
 * ({@code contracts/schemas/<prefix>/*.schema.json}, {@code x-cloudevents.topic}) puts each service's events on.
 */
final class ServiceBindings {

    /** A consumer binding; {@code group} is null for an anonymous (publish-subscribe) binding. */
    record Binding(String service, String name, String destination, String group, boolean pattern) {
    }

    static final List<String> SERVICES = List.of("referrals", "victims", "restorative-justice", "commissioning",
            "ops-monitor", "partnership");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CATALOGUE_TOPIC = Pattern.compile("\"topic\"\\s*:\\s*\"([^\"]+)\"");

    private ServiceBindings() {
    }

    static List<Binding> consumerBindings() {
        List<Binding> bindings = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, String> properties = properties(service);
            String prefix = "spring.cloud.stream.bindings.";
            properties.keySet().stream()
                    .filter(key -> key.startsWith(prefix) && key.endsWith(".destination"))
                    .map(key -> key.substring(prefix.length(), key.length() - ".destination".length()))
                    .filter(name -> name.contains("-in-"))
                    .forEach(name -> bindings.add(new Binding(service, name,
                            resolve(properties, properties.get(prefix + name + ".destination")),
                            properties.containsKey(prefix + name + ".group") ? resolve(properties, properties.get(prefix + name + ".group")) : null,
                            "true".equals(properties.get("spring.cloud.stream.kafka.bindings." + name + ".consumer.destination-is-pattern")))));
        }
        return bindings;
    }

    /** Service name to the topics the catalogue puts its events on ({@code rj} is restorative-justice's prefix). */
    static Map<String, List<String>> catalogueTopics() {
        Map<String, List<String>> topics = new TreeMap<>();
        Path schemas = ProductionBroker.repository().resolve("contracts/schemas");
        for (String service : SERVICES) {
            Path dir = schemas.resolve(service.equals("restorative-justice") ? "rj" : service);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                topics.put(service, files.filter(f -> f.toString().endsWith(".schema.json")).map(ServiceBindings::topicOf)
                        .distinct().sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private static String topicOf(Path schema) {
        try {
            Matcher m = CATALOGUE_TOPIC.matcher(Files.readString(schema));
            if (!m.find()) {
                throw new IllegalStateException(schema + " names no topic");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> properties(String service) {
        Path file = ProductionBroker.repository().resolve("services/" + service + "/src/main/resources/" + service + ".yml");
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value != null && !(value instanceof List<?>)) {
            into.put(prefix, String.valueOf(value));
        }
    }

    private static String resolve(Map<String, String> properties, String value) {
        String current = value;
        for (int depth = 0; depth < 10; depth++) {
            Matcher m = PLACEHOLDER.matcher(current);
            if (!m.find()) {
                return current;
            }
            String replacement = properties.getOrDefault(m.group(1), m.group(2));
            if (replacement == null) {
                throw new IllegalStateException("unresolved " + m.group() + " in " + value);
            }
            current = current.substring(0, m.start()) + replacement + current.substring(m.end());
        }
        throw new IllegalStateException("placeholders nested too deep in " + value);
    }
}
