package org.saferkent.commissioning.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.commissioning.contract.domain.ContractEnded;
import org.saferkent.commissioning.contract.domain.ContractRegistered;
import org.saferkent.commissioning.contract.domain.ContractVaried;
import org.saferkent.commissioning.performance.application.FeedEntry;
import org.saferkent.commissioning.performance.application.PublishedEntry;
import org.saferkent.commissioning.performance.domain.PerformanceCounts;
import org.saferkent.commissioning.performance.domain.PerformanceMeasures;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.commissioning.performance.domain.PublishedCounts;
import org.saferkent.commissioning.performance.domain.PublishedSnapshot;
import org.saferkent.platform.events.WireNames;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published catalogue (contracts/schemas/commissioning) describes exactly what commissioning
 * publishes: one schema per event, the same fields, none of them personal data.
 */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PERSONAL = Set.of("name", "dateOfBirth", "postcode", "phone", "email", "address",
            "subjectPseudonym", "personPseudonym", "pseudonym");

    static List<Class<? extends Record>> contractEvents() {
        return List.of(ContractRegistered.class, ContractVaried.class, ContractEnded.class);
    }

    @ParameterizedTest
    @MethodSource("contractEvents")
    void everyContractEventHasASchemaWithExactlyItsFields(Class<? extends Record> event) throws IOException {
        String wireName = WireNames.of(event);
        JsonNode schema = schema(wireName);

        assertThat(wireName).matches("commissioning\\.Contract[A-Za-z]+\\.v1");
        assertThat(schema.path("title").asString()).isEqualTo(wireName);
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields(event));
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).isSubsetOf(fields(event)).contains("contractId");
        assertThat(fields(event)).doesNotContainAnyElementsOf(PERSONAL);
    }

    @Test
    void theSnapshotSchemaDescribesTheFeedEntryAndEveryCountAndMeasure() throws IOException {
        JsonNode schema = schema("commissioning.PerformanceSnapshot.v1");
        JsonNode performance = schema.path("properties").path("performance");

        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields(FeedEntry.class));
        assertThat(performance.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields(PerformanceSnapshot.class));
        assertThat(performance.path("properties").path("counts").path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(fields(PerformanceCounts.class));
        assertThat(performance.path("properties").path("measures").path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(fields(PerformanceMeasures.class));
        assertThat(fields(PerformanceSnapshot.class)).doesNotContainAnyElementsOf(PERSONAL);
    }

    @Test
    void thePublishedSchemaDescribesThePublishedEntryWithEveryCountNullableButMoney() throws IOException {
        JsonNode schema = schema("commissioning.PublishedPerformance.v1");
        JsonNode performance = schema.path("properties").path("performance");
        JsonNode counts = performance.path("properties").path("counts");

        assertThat(schema.path("x-cloudevents").path("topic").asString()).isEqualTo("commissioning.pcc-feed");
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields(PublishedEntry.class));
        assertThat(performance.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields(PublishedSnapshot.class));
        assertThat(counts.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields(PublishedCounts.class));
        assertThat(counts.path("required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrderElementsOf(fields(PublishedCounts.class));
        counts.path("properties").properties().forEach(count -> assertThat(count.getValue().path("type").toString()).as(count.getKey())
                .isEqualTo(count.getKey().equals("valueProRatedPence") ? "\"integer\"" : "[\"integer\",\"null\"]"));
        assertThat(performance.path("properties").path("measures").path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(fields(PerformanceMeasures.class));
        assertThat(performance.path("properties").path("suppressed").path("additionalProperties").path("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("primary", "secondary");
        assertThat(schema.path("properties").path("district").path("enum").valueStream().map(JsonNode::asString)).contains("kent");
        assertThat(fields(PublishedSnapshot.class)).doesNotContainAnyElementsOf(PERSONAL);
    }

    private static Set<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    private static JsonNode schema(String wireName) throws IOException {
        Path file = Path.of("../../contracts/schemas/commissioning", wireName + ".schema.json");
        assertThat(file).as("schema for " + wireName).exists();
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        }
    }
}
