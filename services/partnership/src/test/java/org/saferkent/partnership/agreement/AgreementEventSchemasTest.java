package org.saferkent.partnership.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.partnership.agreement.domain.ActionOverdue;
import org.saferkent.partnership.agreement.domain.ActionPlanned;
import org.saferkent.partnership.agreement.domain.ActionStatus;
import org.saferkent.partnership.agreement.domain.ActionStatusChanged;
import org.saferkent.partnership.agreement.domain.AgreementAgreed;
import org.saferkent.partnership.agreement.domain.AgreementDrafted;
import org.saferkent.partnership.agreement.domain.CommunitySafetyAgreement;
import org.saferkent.partnership.agreement.domain.Priority;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.WireNames;
import org.saferkent.platform.test.EventCatalogue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agreement's published JSON Schemas (contracts/schemas/partnership) describe exactly what it publishes on
 * partnership.agreement.events: one per event, the same fields, all required; examples and real payloads validate;
 * no field for personal data (who agreed, an action's title).
 */
class AgreementEventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Set<String> PERSONAL = Set.of("name", "agreedBy", "by", "title", "summary", "notes");
    private static final LocalDate TODAY = LocalDate.parse("2026-09-01");
    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

    static List<Class<? extends Record>> events() {
        return List.of(AgreementDrafted.class, AgreementAgreed.class, ActionPlanned.class, ActionStatusChanged.class,
                ActionOverdue.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventHasASchemaWithExactlyItsFieldsAllRequiredAndAnExampleThatFits(Class<? extends Record> event) throws IOException {
        String wireName = WireNames.of(event);
        JsonNode schema = JSON.readTree(Files.readString(EventCatalogue.schemaFile(wireName)));
        List<String> fields = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(schema.path("properties").propertyNames()).containsExactlyElementsOf(fields);
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(fields);
        assertThat(schema.path("examples").size()).isPositive();
        for (JsonNode example : schema.path("examples")) {
            assertThat(validator(wireName).validate(example)).as(wireName + " example").isEmpty();
        }
        assertThat(fields).doesNotContainAnyElementsOf(PERSONAL);
    }

    @Test
    void whatTheDomainPublishesFitsTheSchemas() throws IOException {
        List<Object> published = new ArrayList<>();
        var drafted = CommunitySafetyAgreement.draft(2026, List.of(new Priority("domestic-abuse", "Domestic abuse")),
                List.of("substance-misuse"), NOW);
        published.addAll(drafted.events());
        var agreed = drafted.agreement().agree("partnership-officer", "kcc-community-safety-unit", TODAY, TODAY, NOW);
        published.addAll(agreed.events());
        var planned = agreed.agreement().plan("action-1", "Refuge places", "domestic-abuse", "kent-police",
                TODAY.minusDays(3), List.of("repeat-domestic-abuse-referrals"), NOW);
        published.addAll(planned.events());
        var overdue = planned.agreement().reportOverdue(TODAY, NOW);
        published.addAll(overdue.events());
        var done = overdue.agreement().changeStatus("action-1", ActionStatus.DONE, TODAY, TODAY, NOW);
        published.addAll(done.events());

        assertThat(published.stream().map(Object::getClass).distinct().toList()).containsExactlyInAnyOrderElementsOf(events());
        EventJson eventJson = new EventJson();
        for (Object event : published) {
            String wireName = WireNames.of(event.getClass());
            JsonNode payload = JSON.readTree(eventJson.writeString(event));
            assertThat(validator(wireName).validate(payload)).as(wireName + " " + payload).isEmpty();
            assertThat(payload.toString()).doesNotContain("partnership-officer").doesNotContain("Refuge");
        }
    }

    private static Schema validator(String wireName) throws IOException {
        return REGISTRY.getSchema(Files.readString(EventCatalogue.schemaFile(wireName)));
    }
}
