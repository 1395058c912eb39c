package org.saferkent.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument.Operation;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contracts/asyncapi.yaml against the catalogue and the pacts: every schema is a message and every
 * message a schema, each on the channel of its schema's topic with its key; every channel has its one
 * producer, and every consumer's receive operation has a pact with that producer stating each message.
 * Each service's *AsyncApiTest holds its own operations to its code.
 */
class AsyncApiDocumentTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();
    private static final String DEAD_LETTER = "deadLetter";

    @Test
    void isAnAsyncApi3Document() {
        assertThat(DOC.version()).isEqualTo("3.0.0");
    }

    @Test
    void everySchemaIsAMessageAndEveryMessageASchema() {
        Set<String> schemas = SchemaCompatibility.schemaFiles(ContractFiles.schemas()).stream()
                .map(SchemaCompatibility::wireName).collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> messages = DOC.componentMessages();

        assertThat(new TreeSet<>(messages.keySet())).isEqualTo(union(schemas, Set.of(DEAD_LETTER)));
        schemas.forEach(wireName -> {
            Path referenced = ContractFiles.root().resolve(messages.get(wireName)).normalize();
            assertThat(referenced).as(wireName).isEqualTo(ContractFiles.schemaFile(ContractFiles.schemas(), wireName).normalize());
            assertThat(Files.exists(referenced)).as(wireName).isTrue();
        });
    }

    @Test
    void everyMessageIsOnItsSchemasTopicWithItsKey() {
        Map<String, String> channels = DOC.channels();
        for (Path file : SchemaCompatibility.schemaFiles(ContractFiles.schemas())) {
            String wireName = SchemaCompatibility.wireName(file);
            JsonNode cloudEvents = SchemaCompatibility.read(file).path("x-cloudevents");
            List<String> carriers = channels.keySet().stream()
                    .filter(channel -> DOC.channelMessages(channel).containsValue(wireName)).toList();

            assertThat(carriers).as(wireName).hasSize(1);
            assertThat(channels.get(carriers.get(0))).as(wireName).isEqualTo(cloudEvents.path("topic").asString());
            assertThat(DOC.channelMessages(carriers.get(0))).as(wireName).containsEntry(wireName, wireName);
            assertThat(DOC.keyOf(wireName)).as(wireName).startsWith(cloudEvents.path("key").asString());
        }
    }

    @Test
    void everyChannelHasOneProducerSendingAllItsMessages() {
        for (String channel : DOC.channels().keySet()) {
            List<Operation> sends = DOC.operations().stream()
                    .filter(op -> op.action().equals("send") && op.channel().equals(channel)).toList();

            assertThat(sends).as(channel).hasSize(1);
            assertThat(sends.get(0).messages()).as(channel).isEqualTo(new TreeSet<>(DOC.channelMessages(channel).values()));
            assertThat(sends.get(0).service()).as(channel).isNotBlank();
        }
    }

    @Test
    void everyOperationNamesItsServiceAndOnlyMessagesOfItsChannel() {
        for (Operation operation : DOC.operations()) {
            assertThat(operation.action()).as(operation.id()).isIn("send", "receive");
            assertThat(operation.id()).as(operation.id()).startsWith(operation.service() + "." + operation.action() + ".");
            assertThat(operation.messages()).as(operation.id()).isNotEmpty()
                    .allSatisfy(message -> assertThat(message).doesNotStartWith("(missing"))
                    .isSubsetOf(DOC.channelMessages(operation.channel()).values());
        }
    }

    @Test
    void everyConsumerHasAPactWithEachProducerItReceivesFromStatingEveryMessage() {
        Map<String, String> producers = DOC.operations().stream().filter(op -> op.action().equals("send"))
                .collect(Collectors.toMap(Operation::channel, Operation::service));
        Set<String> pairs = new TreeSet<>();
        for (Operation receive : DOC.operations().stream().filter(op -> op.action().equals("receive")).toList()) {
            String producer = producers.get(receive.channel());
            pairs.add(receive.service() + "-" + producer + ".json");
            Set<String> stated = PactGate.expectationsOf(producer).stream()
                    .filter(e -> e.consumer().equals(receive.service()))
                    .map(e -> e.message().getDescription()).collect(Collectors.toSet());
            for (String message : receive.messages()) {
                assertThat(stated).as(receive.id() + " has a pact for " + message)
                        .anySatisfy(description -> assertThat(description)
                                .isEqualTo(message.equals(DEAD_LETTER) ? "a dead letter on <topic>.<group>.dlq" : message));
            }
        }
        try (var files = Files.list(ContractFiles.pacts())) {
            Set<String> pacts = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(pacts).as("every pact is a consumer-producer pair of this document, and back").isEqualTo(pairs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
