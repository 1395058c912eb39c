package org.saferkent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReconciliationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode timeline(String... entries) {
        StringBuilder json = new StringBuilder("[{\"at\":\"2026-01-01T00:00:00Z\",\"what\":\"received\",\"detail\":\"from kent-police\"},"
                + "{\"at\":\"2026-01-01T00:00:00Z\",\"what\":\"routed\",\"detail\":\"asb-case\"}");
        for (int i = 0; i + 1 < entries.length; i += 2) {
            json.append(",{\"at\":\"2026-01-01T00:00:01Z\",\"what\":\"").append(entries[i]).append("\",\"detail\":\"").append(entries[i + 1])
                    .append("\"}");
        }
        return JSON.readTree(json.append(']').toString());
    }

    @Test
    void aPartnerPathwayAnsweredOnceAsItsStateShowsIsClean() {
        assertThat(Reconciliation.answerProblem("asb-case", "routed", timeline())).isEmpty();
        assertThat(Reconciliation.answerProblem("asb-case", "accepted", timeline("accepted", "asb-case case asb-case-r1"))).isEmpty();
        assertThat(Reconciliation.answerProblem("asb-case", "declined", timeline("declined", "asb-case: no-capacity"))).isEmpty();
        assertThat(Reconciliation.answerProblem("asb-case", "closed",
                timeline("accepted", "asb-case case asb-case-r1", "closed", "asb-case: completed"))).isEmpty();
        // another pathway's answers are that pathway's
        assertThat(Reconciliation.answerProblem("asb-case", "routed",
                timeline("accepted", "victim-support case vc-1", "declined", "youth-prevention: other"))).isEmpty();
    }

    @Test
    void anAnswerGivenTwiceOrBothWaysOrNotAsTheStateShowsIsReported() {
        assertThat(Reconciliation.answerProblem("asb-case", "accepted",
                timeline("accepted", "asb-case case asb-case-r1", "accepted", "asb-case case asb-case-r1")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("accepted 2").contains("more than once"));
        assertThat(Reconciliation.answerProblem("asb-case", "closed",
                timeline("accepted", "asb-case case asb-case-r1", "closed", "asb-case: completed", "closed", "asb-case: completed")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("closed 2"));
        assertThat(Reconciliation.answerProblem("asb-case", "declined",
                timeline("accepted", "asb-case case asb-case-r1", "declined", "asb-case: other")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("both accepted and declined"));
        assertThat(Reconciliation.answerProblem("asb-case", "accepted", timeline()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not as its state shows"));
        assertThat(Reconciliation.answerProblem("asb-case", "routed", timeline("declined", "asb-case: other")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not as its state shows"));
    }
}
