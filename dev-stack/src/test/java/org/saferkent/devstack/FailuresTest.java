package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void keepsWhatFailedAndTheRootCause() {
        Exception failure = new IllegalStateException("referrals failed to start: Error creating bean with name 'a'",
                new RuntimeException("Error creating bean with name 'a'",
                        new IllegalArgumentException("No qualifying bean of type 'MongoTemplate'")));

        assertThat(Failures.summary(failure)).isEqualTo("referrals failed to start"
                + "\n  cause: IllegalArgumentException: No qualifying bean of type 'MongoTemplate'");
    }

    @Test
    void aFailureWithoutCauseIsItsMessage() {
        assertThat(Failures.summary(new IllegalStateException("Ports already in use: Kafka 9092")))
                .isEqualTo("Ports already in use: Kafka 9092");
    }
}
