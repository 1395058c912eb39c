package org.saferkent.rj.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.WireNames;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.rj.rjcase.domain.AcpoStandards;
import org.saferkent.rj.rjcase.domain.Agreement;
import org.saferkent.rj.rjcase.domain.AgreementResult;
import org.saferkent.rj.rjcase.domain.Change;
import org.saferkent.rj.rjcase.domain.DirectContactPolicy;
import org.saferkent.rj.rjcase.domain.InterventionType;
import org.saferkent.rj.rjcase.domain.OutcomeReport;
import org.saferkent.rj.rjcase.domain.ParticipantRole;
import org.saferkent.rj.rjcase.domain.RiskLevel;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.saferkent.rj.rjcase.domain.RjCaseClosed;
import org.saferkent.rj.rjcase.domain.RjCaseOpened;
import org.saferkent.rj.rjcase.domain.RjConferenceHeld;
import org.saferkent.rj.rjcase.domain.RjConsentRecorded;
import org.saferkent.rj.rjcase.domain.RjConsentWithdrawn;
import org.saferkent.rj.rjcase.domain.RjOutcomeRecorded;
import org.saferkent.rj.rjcase.domain.RjRiskAssessed;
import org.saferkent.rj.youthjustice.domain.Disposal;
import org.saferkent.rj.youthjustice.domain.DisposalRecorded;
import org.saferkent.rj.youthjustice.domain.DisposalType;
import org.saferkent.rj.youthjustice.domain.FirstTimeEntrantRecorded;
import org.saferkent.rj.youthjustice.domain.OffendingHistory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schemas (contracts/schemas/rj) describe
 * exactly what restorative-justice publishes: one per event, the same fields with the same types,
 * payloads the domain really produces that fit them, and no personal data.
 */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventJson EVENT_JSON = new EventJson();
    private static final Set<String> PERSONAL = Set.of("name", "dateOfBirth", "postcode", "phone", "email", "address",
            "notes", "otherTerms", "assessedBy", "approvedBy", "facilitator", "narrative");
    private static final Instant NOW = Instant.parse("2026-05-11T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-05-11");

    static List<Class<? extends Record>> events() {
        return List.of(RjCaseOpened.class, RjConsentRecorded.class, RjConsentWithdrawn.class, RjRiskAssessed.class,
                RjConferenceHeld.class, RjOutcomeRecorded.class, RjCaseClosed.class, DisposalRecorded.class,
                FirstTimeEntrantRecorded.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventHasASchemaWithExactlyItsFieldsAllRequired(Class<? extends Record> event) throws IOException {
        String wireName = WireNames.of(event);
        JsonNode schema = schema(wireName);
        List<String> fields = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(wireName).matches("rj\\.[A-Z][A-Za-z]+\\.v1");
        assertThat(schema.path("title").asString()).isEqualTo(wireName);
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("properties").propertyNames()).containsExactlyElementsOf(fields);
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(fields);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyFieldHasTheSchemaTypeOfItsJavaTypeAndPrimitivesAreNeverNull(Class<? extends Record> event) throws IOException {
        JsonNode properties = schema(WireNames.of(event)).path("properties");

        for (RecordComponent component : event.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            List<String> types = types(property);
            assertThat(types).as(component.getName()).contains(jsonType(component.getType()));
            if (component.getType().isPrimitive()) {
                assertThat(types).as(component.getName()).doesNotContain("null");
            }
            if (component.getType() == LocalDate.class) {
                assertThat(property.path("format").asString()).isEqualTo("date");
            }
            if (component.getType() == Instant.class) {
                assertThat(property.path("format").asString()).isEqualTo("date-time");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void noEventCarriesPersonalData(Class<? extends Record> event) {
        assertThat(Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)).doesNotContainAnyElementsOf(PERSONAL);
    }

    @Test
    void whatTheDomainPublishesFitsTheSchemas() throws IOException {
        List<Object> published = samples();

        assertThat(published.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(events());
        for (Object event : published) {
            JsonNode payload = JSON.readTree(EVENT_JSON.writeString(event));
            JsonNode schema = schema(WireNames.of(event.getClass()));
            assertThat(violations(schema, payload)).as(WireNames.of(event.getClass()) + " " + payload).isEmpty();
        }
    }

    /** Every event the domain produces along a case's and a person's way through the service. */
    private static List<Object> samples() {
        DirectContactPolicy policy = new DirectContactPolicy(DirectContactPolicy.KENT_DEFAULT);
        List<Object> events = new ArrayList<>();
        Change opened = RjCase.fromYouthOffendingService("rj-yos-1", "YOS/1", "a".repeat(64), 15, "criminal-damage-arson",
                TODAY.minusDays(20), "swale", List.of("hate-crime"), policy, NOW);
        RjCase rjCase = collect(events, opened);
        for (Function<RjCase, Change> step : List.<Function<RjCase, Change>>of(
                c -> c.addParticipant(ParticipantRole.VICTIM, "b".repeat(64), 40, NOW),
                c -> c.addParticipant(ParticipantRole.AFFECTED_PARTY, "c".repeat(64), 60, NOW),
                c -> c.recordConsent("p1", true, true, TODAY, NOW),
                c -> c.recordConsent("p2", true, true, TODAY, NOW),
                c -> c.withdrawConsent("p3", TODAY, NOW),
                c -> c.assessRisk(RiskLevel.MEDIUM, "RJ facilitator 12", "notes", NOW),
                c -> c.assignFacilitator("Kent RJ Hub facilitator 7", NOW),
                c -> c.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY, NOW),
                c -> c.recordConferenceHeld(TODAY, NOW),
                c -> c.recordOutcome(new OutcomeReport(new AcpoStandards(true, true, true, true),
                        new Agreement(true, "community", 12, "terms"), AgreementResult.COMPLETED, 4, true), NOW))) {
            rjCase = collect(events, step.apply(rjCase));
        }
        OffendingHistory history = OffendingHistory.none("d".repeat(64));
        events.addAll(history.record(new Disposal("disposal-1", "kent-police", "shoplifting", TODAY.minusDays(9),
                DisposalType.YOUTH_CAUTION, TODAY.minusDays(2), "thanet", 15, 15, Disposal.FROM_AGE_AT_OFFENCE, NOW), NOW)
                .events());
        return events;
    }

    private static RjCase collect(List<Object> events, Change change) {
        events.addAll(change.events());
        return change.rjCase();
    }

    /** A small checker for the keywords the drafts use: type, enum, pattern, minimum, maximum. */
    private static List<String> violations(JsonNode schema, JsonNode payload) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            String field = entry.getKey();
            JsonNode rule = entry.getValue();
            if (!payload.has(field)) {
                problems.add(field + " is missing");
                continue;
            }
            JsonNode value = payload.get(field);
            if (!types(rule).contains(typeOf(value))) {
                problems.add(field + " is " + typeOf(value) + ", not " + types(rule));
            }
            if (rule.has("enum") && rule.get("enum").valueStream().noneMatch(value::equals)) {
                problems.add(field + " is not one of " + rule.get("enum"));
            }
            if (rule.has("pattern") && value.isString() && !value.asString().matches(rule.get("pattern").asString())) {
                problems.add(field + " does not match " + rule.get("pattern"));
            }
            if (rule.has("minimum") && value.isNumber() && value.asLong() < rule.get("minimum").asLong()) {
                problems.add(field + " is below the minimum");
            }
            if (rule.has("maximum") && value.isNumber() && value.asLong() > rule.get("maximum").asLong()) {
                problems.add(field + " is above the maximum");
            }
        }
        return problems;
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    private static List<String> types(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type == LocalDate.class || type == Instant.class) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return List.class.isAssignableFrom(type) ? "array" : "object";
    }

    private static JsonNode schema(String wireName) throws IOException {
        Path file = EventCatalogue.schemaFile(wireName);
        assertThat(file).as("schema for " + wireName).exists();
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        }
    }
}
