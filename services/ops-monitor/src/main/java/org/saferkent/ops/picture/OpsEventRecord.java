package org.saferkent.ops.picture;

import java.time.Instant;
import java.util.Map;

/**
 * One operational event as received from {@code ops.events}, with the correlation id and trace id it
 * carried (to follow one chain of work across services).
 */
public record OpsEventRecord(String id, String type, String source, String subject, Instant time, Map<String, Object> data,
        String correlationId, String traceId) {
}
