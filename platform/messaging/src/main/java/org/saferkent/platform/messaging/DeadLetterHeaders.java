package org.saferkent.platform.messaging;

/** Headers added to a dead-lettered record, beside its original ones. */
public final class DeadLetterHeaders {

    public static final String REASON = "x-dlq-reason";
    public static final String FAILURE = "x-dlq-failure";
    public static final String EXCEPTION = "x-dlq-exception";
    public static final String ORIGINAL_TOPIC = "x-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "x-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "x-dlq-original-offset";
    public static final String GROUP = "x-dlq-group";
    public static final String SERVICE = "x-dlq-service";
    public static final String FAILED_AT = "x-dlq-failed-at";

    private DeadLetterHeaders() {
    }
}
