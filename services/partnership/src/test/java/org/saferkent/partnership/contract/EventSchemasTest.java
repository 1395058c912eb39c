package org.saferkent.partnership.contract;

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
import org.saferkent.partnership.asbreview.domain.AsbCaseReview;
import org.saferkent.partnership.asbreview.domain.AsbCaseReviewApplied;
import org.saferkent.partnership.asbreview.domain.AsbCaseReviewCompleted;
import org.saferkent.partnership.asbreview.domain.AsbCaseReviewDecided;
import org.saferkent.partnership.asbreview.domain.AsbThresholds;
import org.saferkent.partnership.dhr.domain.DhrDeadlineMissed;
import org.saferkent.partnership.dhr.domain.DhrDecisionRecorded;
import org.saferkent.partnership.dhr.domain.DhrNotified;
import org.saferkent.partnership.dhr.domain.DhrPanelConvened;
import org.saferkent.partnership.dhr.domain.DhrPublished;
import org.saferkent.partnership.dhr.domain.DhrRecommendationRecorded;
import org.saferkent.partnership.dhr.domain.DhrRecommendationUpdated;
import org.saferkent.partnership.dhr.domain.DhrReviewCompleted;
import org.saferkent.partnership.dhr.domain.DhrSubmittedToHomeOffice;
import org.saferkent.partnership.dhr.domain.DomesticHomicideReview;
import org.saferkent.partnership.dhr.domain.RecommendationStatus;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.WireNames;
import org.saferkent.platform.test.EventCatalogue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schemas (contracts/schemas/partnership) describe exactly what the partnership publishes: one per
 * event, the same fields, every field required; their examples and the payloads the domain really produces validate;
 * and no event has a field for personal data.
 */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Set<String> PERSONAL = Set.of("name", "victimName", "perpetratorName", "chairName", "dateOfDeath",
            "dateOfBirth", "address", "postcode", "summary", "notes", "applicant");
    private static final LocalDate TODAY = LocalDate.parse("2026-09-01");
    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

    static List<Class<? extends Record>> events() {
        return List.of(DhrNotified.class, DhrDecisionRecorded.class, DhrPanelConvened.class, DhrReviewCompleted.class,
                DhrSubmittedToHomeOffice.class, DhrPublished.class, DhrRecommendationRecorded.class,
                DhrRecommendationUpdated.class, DhrDeadlineMissed.class, AsbCaseReviewApplied.class, AsbCaseReviewDecided.class,
                AsbCaseReviewCompleted.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventHasASchemaWithExactlyItsFieldsAllRequiredAndAnExampleThatFits(Class<? extends Record> event) throws IOException {
        String wireName = WireNames.of(event);
        JsonNode schema = schema(wireName);
        List<String> fields = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(wireName).matches("partnership\\.[A-Z][A-Za-z]+\\.v1");
        assertThat(schema.path("properties").propertyNames()).containsExactlyElementsOf(fields);
        assertThat(schema.path("required").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(fields);
        assertThat(schema.path("examples").size()).isPositive();
        for (JsonNode example : schema.path("examples")) {
            assertThat(validator(wireName).validate(example)).as(wireName + " example").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void noEventCarriesPersonalData(Class<? extends Record> event) {
        assertThat(Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)).doesNotContainAnyElementsOf(PERSONAL);
    }

    @Test
    void whatTheDomainPublishesFitsTheSchemas() throws IOException {
        List<Object> published = new ArrayList<>();
        var notified = DomesticHomicideReview.notify("dhr-1", District.DARTFORD, TODAY.minusMonths(3),
                List.of("kent-police", "nhs-kent-medway"), TODAY, NOW);
        published.addAll(notified.events());
        var review = notified.review();
        var decided = review.decide(true, null, TODAY.minusMonths(1), TODAY, NOW);
        published.addAll(decided.events());
        var convened = decided.review().convenePanel("A. Chair", "independent", List.of("kent-police"), TODAY.minusDays(20), TODAY, NOW);
        published.addAll(convened.events());
        var completed = convened.review().complete(TODAY.minusDays(5), TODAY, NOW);
        published.addAll(completed.events());
        var recommended = completed.review().recommend("rec-1", "Training", "kent-police", TODAY.minusDays(1), NOW);
        published.addAll(recommended.events());
        var overdue = recommended.review().breachOverdue(NOW);
        published.addAll(overdue.events());
        var done = overdue.review().updateRecommendation("rec-1", RecommendationStatus.DONE, TODAY, TODAY, NOW);
        published.addAll(done.events());
        var submitted = done.review().submitToHomeOffice(TODAY, TODAY, NOW);
        published.addAll(submitted.events());
        published.addAll(submitted.review().publish(TODAY, TODAY, NOW).events());
        var applied = AsbCaseReview.apply("asb-1", District.THANET, TODAY, 3, AsbThresholds.statutoryDefault(), TODAY, NOW);
        published.addAll(applied.events());
        var asbDecided = applied.review().decide(true, TODAY, TODAY, NOW);
        published.addAll(asbDecided.events());
        published.addAll(asbDecided.review().complete(TODAY, List.of("Patrols"), TODAY, NOW).events());

        assertThat(published.stream().map(Object::getClass).distinct().toList()).containsExactlyInAnyOrderElementsOf(events());
        EventJson eventJson = new EventJson();
        for (Object event : published) {
            String wireName = WireNames.of(event.getClass());
            JsonNode payload = JSON.readTree(eventJson.writeString(event));
            assertThat(validator(wireName).validate(payload)).as(wireName + " " + payload).isEmpty();
        }
    }

    private static Schema validator(String wireName) throws IOException {
        return REGISTRY.getSchema(Files.readString(EventCatalogue.schemaFile(wireName)));
    }

    private static JsonNode schema(String wireName) throws IOException {
        return JSON.readTree(Files.readString(EventCatalogue.schemaFile(wireName)));
    }
}
