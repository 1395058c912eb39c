package org.saferkent.ops.picture;

import java.time.Instant;

/**
 * A record set aside on a dead-letter topic: where it came from, why, and what operations did about
 * it. Its payload stays on the topic and is not copied here (it may hold personal data): it is read
 * from the topic, masked, when someone inspects it, and re-published from there when replayed.
 *
 * @param status         {@code OPEN} (null in documents written before statuses existed), {@code REPLAYING},
 *                       {@code REPLAYED} or {@code PARKED}
 * @param claimExpiresAt while {@code REPLAYING}: when the claim of the operator replaying it ({@code statusBy},
 *                       since {@code statusAt}) lapses. A replay that has not finished by then was cut short (the
 *                       process died): replay and park accept the dead letter again, and a periodic check
 *                       returns it to {@code OPEN}. Null in any other status.
 */
public record DeadLetter(String id, String topic, int partition, long offset, String originalTopic,
        Integer originalPartition, Long originalOffset, String consumerGroup, String service, String failure,
        String reason, String eventType, String eventId, String failedAt, String traceId, Instant seenAt,
        String status, Instant statusAt, String statusBy, String statusNote, Instant claimExpiresAt) {

    public static final String OPEN = "OPEN";
    public static final String REPLAYING = "REPLAYING";
    public static final String REPLAYED = "REPLAYED";
    public static final String PARKED = "PARKED";

    public String status() {
        return status == null ? OPEN : status;
    }
}
