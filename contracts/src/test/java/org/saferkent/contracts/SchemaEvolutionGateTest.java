package org.saferkent.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema gate itself: a copy of the real catalogue, changed the way a producer might change it,
 * checked against the real baseline. Breaking changes within a version fail; additive ones and a
 * breaking change published as a new version pass.
 */
class SchemaEvolutionGateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROUTED = "referrals.ReferralRouted.v1";

    @TempDir
    Path catalogue;

    private List<String> afterChanging(String wireName, Consumer<ObjectNode> change) throws IOException {
        copyCatalogue();
        Path file = ContractFiles.schemaFile(catalogue, wireName);
        ObjectNode schema = (ObjectNode) JSON.readTree(Files.readString(file));
        change.accept(schema);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema));
        return SchemaCompatibility.breakingChanges(ContractFiles.baseline(), catalogue);
    }

    private void copyCatalogue() throws IOException {
        for (Path file : SchemaCompatibility.schemaFiles(ContractFiles.schemas())) {
            Path copy = catalogue.resolve(ContractFiles.schemas().relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ArrayNode required(ObjectNode schema) {
        return (ArrayNode) schema.get("required");
    }

    @Test
    void theUnchangedCatalogueIsCompatible() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> { })).isEmpty();
    }

    @Test
    void removingAFieldFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> properties(schema).remove("ageBand")))
                .containsExactly(ROUTED + ": $: property ageBand removed or renamed");
    }

    @Test
    void renamingAFieldFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> {
            properties(schema).set("districtCode", properties(schema).remove("district"));
            required(schema).removeIf(name -> name.asString().equals("district"));
            required(schema).add("districtCode");
        })).contains(ROUTED + ": $: property district removed or renamed",
                ROUTED + ": $: property districtCode newly required",
                ROUTED + ": $: property district no longer required — consumers rely on it being there");
    }

    @Test
    void changingAFieldsTypeFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> ((ObjectNode) properties(schema).get("marac")).put("type", "string")))
                .containsExactly(ROUTED + ": $.marac: type changed from [boolean] to [string]");
    }

    @Test
    void requiringAnOptionalFieldFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> required(schema).add("ageBand")))
                .containsExactly(ROUTED + ": $: property ageBand newly required");
    }

    @Test
    void removingAnEnumValueFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> ((ArrayNode) properties(schema).get("district").get("enum"))
                .removeIf(value -> value.asString().equals("thanet"))))
                .containsExactly(ROUTED + ": $.district: enum value thanet removed");
    }

    @Test
    void forbiddingAdditionalPropertiesFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> schema.put("additionalProperties", false)))
                .containsExactly(ROUTED + ": $: additionalProperties tightened");
    }

    @Test
    void droppingOrChangingAHeaderFails() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> {
            ObjectNode cloudEvents = (ObjectNode) schema.get("x-cloudevents");
            ((ArrayNode) cloudEvents.get("requiredHeaders")).removeIf(name -> name.asString().equals("ce_traceparent"));
            ((ObjectNode) cloudEvents.get("headerValues")).put("ce_source", "/saferkent/intake");
        })).containsExactlyInAnyOrder(ROUTED + ": header ce_traceparent no longer carried (removed or renamed)",
                ROUTED + ": header ce_source changed from \"/saferkent/referrals\" to \"/saferkent/intake\"");
    }

    @Test
    void removingASchemaFails() throws IOException {
        copyCatalogue();
        Files.delete(ContractFiles.schemaFile(catalogue, ROUTED));

        assertThat(SchemaCompatibility.breakingChanges(ContractFiles.baseline(), catalogue)).singleElement()
                .asString().startsWith(ROUTED + ": schema removed");
    }

    @Test
    void addingAnOptionalFieldOrAnEnumValuePasses() throws IOException {
        assertThat(afterChanging(ROUTED, schema -> {
            properties(schema).putObject("channel").put("type", "string");
            ((ArrayNode) properties(schema).get("district").get("enum")).add("medway");
        })).isEmpty();
    }

    @Test
    void aBreakingChangePublishedAsANewVersionBesideTheOldPasses() throws IOException {
        copyCatalogue();
        Path v1 = ContractFiles.schemaFile(catalogue, ROUTED);
        ObjectNode v2 = (ObjectNode) JSON.readTree(Files.readString(v1));
        properties(v2).remove("ageBand");
        properties(v2).set("districtCode", properties(v2).remove("district"));
        v2.put("title", "referrals.ReferralRouted.v2");
        Files.writeString(ContractFiles.schemaFile(catalogue, "referrals.ReferralRouted.v2"), JSON.writeValueAsString(v2));

        assertThat(SchemaCompatibility.breakingChanges(ContractFiles.baseline(), catalogue)).isEmpty();
    }
}
