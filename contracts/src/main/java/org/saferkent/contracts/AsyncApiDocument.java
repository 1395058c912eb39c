package org.saferkent.contracts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads contracts/asyncapi.yaml (AsyncAPI 3.0): channels (address = topic), their messages, and the
 * send / receive operations of each service (the operation's tag names the service).
 */
public final class AsyncApiDocument {

    /** One operation: which service, send or receive, on which topic, which messages. */
    public record Operation(String id, String service, String action, String channel, String address, Set<String> messages) {
    }

    private final Map<String, Object> root;

    private AsyncApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    public static AsyncApiDocument read() {
        return read(ContractFiles.asyncApi());
    }

    public static AsyncApiDocument read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new AsyncApiDocument(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return String.valueOf(root.get("asyncapi"));
    }

    /** Channel id → address (the topic, or a pattern such as {@code {topic}.{group}.dlq}). */
    public Map<String, String> channels() {
        Map<String, String> channels = new TreeMap<>();
        map(root, "channels").forEach((id, channel) -> channels.put(id, String.valueOf(((Map<?, ?>) channel).get("address"))));
        return channels;
    }

    /** Message keys of a channel, each resolved to the component message it references. */
    public Map<String, String> channelMessages(String channelId) {
        Map<String, String> messages = new TreeMap<>();
        map(map(map(root, "channels"), channelId), "messages").forEach((key, value) ->
                messages.put(key, componentName(String.valueOf(((Map<?, ?>) value).get("$ref")))));
        return messages;
    }

    /** Component message name → its payload schema reference (relative to contracts/), or null. */
    public Map<String, String> componentMessages() {
        Map<String, String> messages = new TreeMap<>();
        map(map(root, "components"), "messages").forEach((name, message) -> {
            Object payload = ((Map<?, ?>) message).get("payload");
            Object schema = payload instanceof Map<?, ?> p ? p.get("schema") : null;
            messages.put(name, schema instanceof Map<?, ?> s ? String.valueOf(s.get("$ref")) : null);
        });
        return messages;
    }

    /** The Kafka key description of a component message. */
    public String keyOf(String message) {
        Object key = map(map(map(map(map(root, "components"), "messages"), message), "bindings"), "kafka").get("key");
        return key instanceof Map<?, ?> k ? String.valueOf(k.get("description")) : null;
    }

    public List<Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        map(root, "operations").forEach((id, value) -> {
            Map<String, Object> operation = map(root, "operations", id);
            String channelId = lastSegment(String.valueOf(map(operation, "channel").get("$ref")));
            Object tags = operation.get("tags");
            String service = tags instanceof List<?> list && !list.isEmpty()
                    ? String.valueOf(((Map<?, ?>) list.get(0)).get("name")) : null;
            Set<String> messages = new TreeSet<>();
            Object refs = operation.get("messages");
            if (refs instanceof List<?> list) {
                for (Object ref : list) {
                    String messageKey = lastSegment(String.valueOf(((Map<?, ?>) ref).get("$ref")));
                    messages.add(channelMessages(channelId).getOrDefault(messageKey, "(missing " + messageKey + ")"));
                }
            }
            operations.put(id, new Operation(id, service, String.valueOf(operation.get("action")), channelId,
                    channels().get(channelId), messages));
        });
        return List.copyOf(operations.values());
    }

    /** Topic → messages the service sends ({@code send}) or receives ({@code receive}) there. */
    public Map<String, Set<String>> messagesOf(String service, String action) {
        Map<String, Set<String>> byTopic = new TreeMap<>();
        for (Operation operation : operations()) {
            if (service.equals(operation.service()) && action.equals(operation.action())) {
                byTopic.computeIfAbsent(operation.address(), a -> new TreeSet<>()).addAll(operation.messages());
            }
        }
        return byTopic;
    }

    private static String componentName(String ref) {
        return ref.startsWith("#/components/messages/") ? ref.substring("#/components/messages/".length()) : "(unresolved " + ref + ")";
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object parent, String... path) {
        Object current = parent;
        for (String key : path) {
            current = current instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return current instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
