package org.saferkent.commissioning.contract.pact;

import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.performance.application.FeedMessages;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactGate.mismatchesByConsumer;
import static org.saferkent.contracts.PactGate.withBody;
import static org.saferkent.contracts.PactGate.withHeaders;

/**
 * The gate on the PCC office's feed: the real {@code commissioning.PerformanceSnapshot.v1} record keeps
 * the office's pact; renaming a field the office reads, or a header it relies on, fails verification;
 * adding an optional field or header does not.
 */
class CommissioningPactGateTest {

    private static final String SNAPSHOT = "commissioning.PerformanceSnapshot.v1";
    private static final String PCC = "pcc-office";

    private static MessageAndMetadata real;

    @BeforeAll
    static void publishOne() {
        real = FeedMessages.performanceSnapshot();
    }

    @Test
    void theRealRecordKeepsTheOfficesPact() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("commissioning", SNAPSHOT, real);

        // the PCC's office, and partnership for the Police and Crime Panel's view
        assertThat(mismatches).containsOnlyKeys(PCC, "partnership");
        assertThat(mismatches.values()).allSatisfy(problems -> assertThat(problems).isEmpty());
    }

    @Test
    void renamingAFieldTheOfficeReadsFailsIt() {
        assertThat(mismatchesByConsumer("commissioning", SNAPSHOT,
                withBody(real, body -> body.set("cell", body.remove("quarter")))).get(PCC))
                .anySatisfy(problem -> assertThat(problem).contains("quarter"));
        assertThat(mismatchesByConsumer("commissioning", SNAPSHOT, withBody(real, body -> {
            ObjectNode counts = (ObjectNode) body.get("performance").get("counts");
            counts.set("victimsHelped", counts.remove("victimsSupported"));
        })).get(PCC)).anySatisfy(problem -> assertThat(problem).contains("victimsSupported"));
    }

    @Test
    void aStatusOutsideRedAmberGreenFails() {
        assertThat(mismatchesByConsumer("commissioning", SNAPSHOT, withBody(real, body ->
                ((ObjectNode) body.get("performance").get("targets").get(0)).put("status", "GREEN"))).get(PCC))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
    }

    @Test
    void droppingTheSequenceHeaderOrRenamingTheTypeFails() {
        List<String> problems = mismatchesByConsumer("commissioning", SNAPSHOT, withHeaders(real, headers -> {
            headers.remove("ce_aggregateversion");
            headers.put("ce_type", "commissioning.PerformanceSnapshot.v2");
        })).get(PCC);

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_aggregateversion"))
                .anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_type"));
    }

    @Test
    void addingAnOptionalFieldOrHeaderKeepsThePact() {
        MessageAndMetadata added = withHeaders(withBody(real, body -> {
            body.put("publishedBy", "commissioning-2");
            ((ObjectNode) body.get("performance").get("counts")).put("referralsWithdrawn", 0);
        }), headers -> headers.put("ce_dataschema", SNAPSHOT));

        assertThat(mismatchesByConsumer("commissioning", SNAPSHOT, added).get(PCC)).isEmpty();
    }
}
