package org.saferkent.platform.outbox;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest {

    @Test
    void aRefusalOfTheRecordItselfIsForGoodHoweverDeeplyItIsWrapped() {
        RecordTooLargeException tooLarge = new RecordTooLargeException("too large");
        assertThat(OutboxRelay.refusedForGood(new ExecutionException(new KafkaException("send failed", tooLarge)))).isSameAs(tooLarge);
        assertThat(OutboxRelay.refusedForGood(new InvalidTopicException("bad name"))).isInstanceOf(InvalidTopicException.class);
    }

    @Test
    void timeoutsAndWhatConcernsEveryEventAlikeAreRetriedInOrder() {
        assertThat(OutboxRelay.refusedForGood(new java.util.concurrent.TimeoutException())).isNull();
        assertThat(OutboxRelay.refusedForGood(new ExecutionException(
                new org.apache.kafka.common.errors.TimeoutException("expired in the accumulator")))).isNull();
        assertThat(OutboxRelay.refusedForGood(new ExecutionException(new NotEnoughReplicasException("isr")))).isNull();
        assertThat(OutboxRelay.refusedForGood(new ExecutionException(new TopicAuthorizationException("no acl")))).isNull();
        assertThat(OutboxRelay.refusedForGood(new InterruptedException())).isNull();
        // the broker judged the send time, not the record: a later send may pass
        assertThat(OutboxRelay.refusedForGood(new ExecutionException(new InvalidTimestampException("clock skew")))).isNull();
    }
}
