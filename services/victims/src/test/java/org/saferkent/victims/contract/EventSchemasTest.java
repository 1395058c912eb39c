package org.saferkent.victims.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.platform.events.WireNames;
import org.saferkent.victims.victimcase.domain.VictimCaseClosed;
import org.saferkent.victims.victimcase.domain.VictimCaseOpened;
import org.saferkent.victims.victimcase.domain.VictimCodeDeadlineBreachWithdrawn;
import org.saferkent.victims.victimcase.domain.VictimCodeDeadlineMissed;
import org.saferkent.victims.victimcase.domain.VictimContacted;
import org.saferkent.victims.victimcase.domain.VictimNeedsAssessed;
import org.saferkent.victims.victimcase.domain.VictimOptedIntoRestorativeJustice;
import org.saferkent.victims.victimcase.domain.VictimOutcomeRecorded;
import org.saferkent.victims.victimcase.domain.VictimReferredToProvider;
import org.saferkent.victims.victimcase.domain.VictimRestorativeJusticeInformationOffered;
import org.saferkent.victims.victimcase.domain.VictimSupportPlanAgreed;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draft JSON Schemas (to move to contracts/schemas/victims) describe exactly what victims
 * publishes: one per event, the same fields, and none of them personal data.
 */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PERSONAL = Set.of("name", "dateOfBirth", "postcode", "phone", "email", "address",
            "narrative");

    static List<Class<? extends Record>> events() {
        return List.of(VictimCaseOpened.class, VictimContacted.class, VictimNeedsAssessed.class,
                VictimSupportPlanAgreed.class, VictimRestorativeJusticeInformationOffered.class,
                VictimReferredToProvider.class, VictimOptedIntoRestorativeJustice.class, VictimOutcomeRecorded.class,
                VictimCodeDeadlineMissed.class, VictimCodeDeadlineBreachWithdrawn.class, VictimCaseClosed.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventHasASchemaWithExactlyItsFields(Class<? extends Record> event) throws IOException {
        String wireName = WireNames.of(event);
        JsonNode schema = schema(wireName);
        Set<String> fields = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());

        assertThat(wireName).matches("victims\\.Victim[A-Za-z]+\\.v1");
        assertThat(schema.path("title").asString()).isEqualTo(wireName);
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(schema.path("required").valueStream().map(JsonNode::asString))
                .isSubsetOf(fields).contains("caseId", "referralId", "district");
    }

    @ParameterizedTest
    @MethodSource("events")
    void fieldsThatCannotBeNullAreRequired(Class<? extends Record> event) throws IOException {
        List<String> required = schema(WireNames.of(event)).path("required").valueStream().map(JsonNode::asString).toList();

        assertThat(Arrays.stream(event.getRecordComponents()).filter(c -> c.getType().isPrimitive()).map(RecordComponent::getName))
                .allSatisfy(field -> assertThat(required).contains(field));
    }

    @ParameterizedTest
    @MethodSource("events")
    void noEventCarriesPersonalData(Class<? extends Record> event) {
        assertThat(Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)).doesNotContainAnyElementsOf(PERSONAL);
    }

    /** The published catalogue, contracts/schemas/victims, read from the repository (tests run in the module folder). */
    private static JsonNode schema(String wireName) throws IOException {
        Path file = Path.of("../../contracts/schemas/victims", wireName + ".schema.json");
        assertThat(file).as("schema for " + wireName).exists();
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        }
    }
}
