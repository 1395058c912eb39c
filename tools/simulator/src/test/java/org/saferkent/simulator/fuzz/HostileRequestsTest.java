package org.saferkent.simulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.saferkent.simulator.fuzz.HostileRequests.FuzzRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HostileRequestsTest {

    private static final Path DOCUMENTS = ApiOperations.findOpenApiDir();
    private static final ApiOperations API = ApiOperations.load(DOCUMENTS, DOCUMENTS.resolveSibling("access-matrix.txt"));
    private static final Set<String> DEFINITE = Set.of("malformed-json", "invalid-utf8", "root-wrong-type", "wrong-type", "missing-required",
            "enum-violation", "pattern-violation", "too-long", "too-short", "bad-format", "out-of-range", "too-many-items", "deep-nesting",
            "wrong-content-type", "wrong-method", "unknown-path", "hostile-path-param", "bad-int-param", "bad-date-param",
            "missing-required-param", "oversized-uri");

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        HostileRequests one = new HostileRequests(API.operations(), 7);
        HostileRequests again = new HostileRequests(API.operations(), 7);
        HostileRequests other = new HostileRequests(API.operations(), 8);
        int differ = 0;
        for (long i = 0; i < 60; i++) {
            FuzzRequest a = one.generate(i);
            FuzzRequest b = again.generate(i);
            assertThat(b.pathAndQuery()).isEqualTo(a.pathAndQuery());
            assertThat(b.method()).isEqualTo(a.method());
            assertThat(b.headers()).isEqualTo(a.headers());
            assertThat(b.attacks()).isEqualTo(a.attacks());
            assertThat(Arrays.equals(a.body(), b.body())).as("body of #" + i).isTrue();
            if (!other.generate(i).pathAndQuery().equals(a.pathAndQuery())) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(40);
    }

    @Test
    void everyOperationOfEveryDocumentTakesItsTurn() {
        HostileRequests requests = new HostileRequests(API.operations(), 1);
        Set<String> reached = new HashSet<>();
        LongStream.range(0, API.operations().size()).forEach(i -> reached.add(requests.generate(i).operation().toString()));
        assertThat(reached).hasSize(API.operations().size());
        assertThat(API.operations()).hasSizeGreaterThan(100);
        assertThat(API.operations().stream().map(ApiOperations.Operation::service).distinct()).hasSize(6);
    }

    /** Only reads may go without a defect the schema or HTTP promises is refused; everything else carries one first. */
    @Test
    void everyWriteCarriesADefiniteDefectFirst() {
        HostileRequests requests = new HostileRequests(API.operations(), 3);
        for (long i = 0; i < 400; i++) {
            FuzzRequest request = requests.generate(i);
            if (!request.definite()) {
                assertThat(request.method()).as(request.describe()).isEqualTo("GET");
                continue;
            }
            assertThat(request.attacks()).as(request.describe()).isNotEmpty();
            assertThat(DEFINITE).as(request.describe()).contains(request.attacks().get(0));
        }
    }

    /** A required field left out stays out, whatever extras are added after it. */
    @Test
    void aRequiredFieldLeftOutIsNotPutBackByTheExtras() {
        JsonMapper json = JsonMapper.builder().build();
        HostileRequests requests = new HostileRequests(API.operations(), 5);
        int checked = 0;
        for (long i = 0; i < 800; i++) {
            FuzzRequest request = requests.generate(i);
            if (!request.attacks().equals(List.of("missing-required")) || !request.operation().bodySchema().has("required")) {
                continue;
            }
            JsonNode body = json.readTree(new String(request.body(), StandardCharsets.UTF_8));
            boolean rootComplete = request.operation().bodySchema().get("required").valueStream().allMatch(r -> body.has(r.asString()));
            if (!rootComplete) {
                checked++;
            }
        }
        assertThat(checked).as("requests whose body lacks one of its required fields").isGreaterThan(5);
    }
}
