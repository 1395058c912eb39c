package org.saferkent.contracts;

import java.nio.file.Path;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema half of the can-I-deploy gate: today's catalogue (contracts/schemas) against the
 * committed baseline (contracts/baseline). Any breaking change within a major version fails the build.
 */
class CatalogueCompatibilityTest {

    @Test
    void everySchemaIsCompatibleWithItsBaseline() {
        assertThat(SchemaCompatibility.breakingChanges(ContractFiles.baseline(), ContractFiles.schemas())).isEmpty();
    }

    @Test
    void theBaselineIsNotEmpty() {
        assertThat(SchemaCompatibility.schemaFiles(ContractFiles.baseline())).hasSizeGreaterThanOrEqualTo(39);
    }

    @Test
    void everySchemaIsNamedForItsWireNameWhichItsHeadersCarry() {
        for (Path file : SchemaCompatibility.schemaFiles(ContractFiles.schemas())) {
            String wireName = SchemaCompatibility.wireName(file);
            JsonNode schema = SchemaCompatibility.read(file);
            assertThat(wireName).as(file.toString()).matches("[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*");
            assertThat(file.getParent().getFileName().toString()).as(wireName).isEqualTo(wireName.substring(0, wireName.indexOf('.')));
            assertThat(schema.path("title").asString()).as(wireName).isEqualTo(wireName);
            assertThat(schema.path("$schema").asString()).as(wireName).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            JsonNode cloudEvents = schema.path("x-cloudevents");
            assertThat(cloudEvents.path("headerValues").path("ce_type").asString()).as(wireName).isEqualTo(wireName);
            assertThat(cloudEvents.path("topic").asString()).as(wireName).isNotBlank();
            assertThat(cloudEvents.path("requiredHeaders").valueStream().map(JsonNode::asString))
                    .as(wireName).contains("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject");
        }
    }

    @Test
    void everySchemaLoadsWithTheValidatorTheProducersTestsUse() throws java.io.IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (Path file : SchemaCompatibility.schemaFiles(ContractFiles.schemas())) {
            Schema schema = registry.getSchema(java.nio.file.Files.readString(file));
            assertThat(schema.validate(tools.jackson.databind.json.JsonMapper.builder().build().readTree("{}")))
                    .as(file.getFileName().toString()).isNotEmpty(); // an empty payload lacks the required fields
        }
    }
}
