package org.saferkent.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.MetadataMismatch;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.provider.BodyComparisonResult;
import au.com.dius.pact.provider.ComparisonResult;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.ResponseComparison;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The comparison provider verification makes, callable directly: the committed pacts naming a
 * provider, and Pact's own message matcher ({@code ResponseComparison.compareMessage}, body and
 * metadata) against a message. The gate's own tests use it to show that a renamed or removed field,
 * or a changed header, fails verification and an added optional field does not.
 */
public final class PactGate {

    /** One message a consumer expects from the provider. */
    public record Expectation(String consumer, String provider, Message message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PactGate() {
    }

    /** Every message expected of {@code provider} by every pact in {@code contracts/pacts}. */
    public static List<Expectation> expectationsOf(String provider) {
        return expectationsOf(ContractFiles.pacts(), provider);
    }

    public static List<Expectation> expectationsOf(Path pactsDir, String provider) {
        List<Expectation> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(pactsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Pact pact = DefaultPactReader.INSTANCE.loadPact(file.toFile());
                if (!provider.equals(pact.getProvider().getName())) {
                    continue;
                }
                for (Interaction interaction : pact.getInteractions()) {
                    found.add(new Expectation(pact.getConsumer().getName(), provider, interaction.asMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The expectations with this description (= wire name, or what the consumer named it). */
    public static List<Expectation> expectationsOf(String provider, String description) {
        return expectationsOf(provider).stream().filter(e -> description.equals(e.message().getDescription())).toList();
    }

    /** The message with its JSON body changed, e.g. a field renamed or removed. */
    public static MessageAndMetadata withBody(MessageAndMetadata message, Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) JSON.readTree(message.getMessageData());
        change.accept(body);
        return new MessageAndMetadata(JSON.writeValueAsBytes(body), message.getMetadata());
    }

    /** The message with its headers changed, e.g. one dropped or given another value. */
    public static MessageAndMetadata withHeaders(MessageAndMetadata message, Consumer<Map<String, Object>> change) {
        Map<String, Object> metadata = new LinkedHashMap<>(message.getMetadata());
        change.accept(metadata);
        return new MessageAndMetadata(message.getMessageData(), metadata);
    }

    /** For every consumer expecting {@code description} of {@code provider}: what {@code actual} breaks. */
    public static Map<String, List<String>> mismatchesByConsumer(String provider, String description, MessageAndMetadata actual) {
        Map<String, List<String>> byConsumer = new TreeMap<>();
        for (Expectation expectation : expectationsOf(provider, description)) {
            byConsumer.put(expectation.consumer(), mismatches(expectation.message(), actual));
        }
        return byConsumer;
    }

    /** Every way {@code actual} fails {@code expected}: empty when verification would pass. */
    public static List<String> mismatches(Message expected, MessageAndMetadata actual) {
        ComparisonResult result = ResponseComparison.Companion.compareMessage(expected,
                OptionalBody.body(actual.getMessageData(), new ContentType("application/json")), actual.getMetadata());
        List<String> problems = new ArrayList<>();
        Object body = result.getBodyMismatches();
        if (body instanceof Result.Err<?> err) {
            problems.add("body: " + err.getError());
        } else if (body instanceof Result.Ok<?> ok && ok.getValue() instanceof BodyComparisonResult comparison) {
            for (Map.Entry<String, List<BodyMismatch>> entry : comparison.getMismatches().entrySet()) {
                for (BodyMismatch mismatch : entry.getValue()) {
                    problems.add("body " + entry.getKey() + ": " + mismatch.getMismatch());
                }
            }
        }
        for (Map.Entry<String, List<MetadataMismatch>> entry : result.getMetadataMismatches().entrySet()) {
            for (MetadataMismatch mismatch : entry.getValue()) {
                problems.add("metadata " + entry.getKey() + ": " + mismatch.getMismatch());
            }
        }
        return problems;
    }
}
