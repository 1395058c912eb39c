package org.saferkent.platform.messaging;

import java.util.IdentityHashMap;
import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.saferkent.platform.events.InvalidEventException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What a consumer does with a record it failed to handle, by kind of failure:
 * <ul>
 * <li>unreadable ({@link InvalidEventException}): set aside on the dead-letter topic at once;</li>
 * <li>an outage of what the consumer depends on (its store unreachable or timing out, the broker not
 * acknowledging what the handler produces): retried without limit, the delay doubling up to
 * {@code saferkent.messaging.outage-retry-max}, so that a store down for minutes holds the consumer up
 * and nothing is dead-lettered; the record is applied once the store is back;</li>
 * <li>anything else: retried {@code saferkent.messaging.retry-attempts} times with backoff, then
 * dead-lettered.</li>
 * </ul>
 * The policy is a {@link DefaultErrorHandler} and a per-failure {@link BackOff}: it does not depend on
 * how the listener container is built.
 */
public final class ConsumerFailurePolicy {

    private static final int MAX_CAUSES = 32;

    private final BackOff failureBackOff;
    private final BackOff outageBackOff;

    public ConsumerFailurePolicy(MessagingProperties properties) {
        ExponentialBackOffWithMaxRetries failures = new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
        failures.setInitialInterval(properties.retryInitial().toMillis());
        failures.setMultiplier(2.0);
        failures.setMaxInterval(properties.retryMax().toMillis());
        this.failureBackOff = failures;
        ExponentialBackOff outages = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        outages.setMaxInterval(Math.max(properties.retryInitial().toMillis(), properties.outageRetryMax().toMillis()));
        // no limit on attempts or elapsed time: an outage ends, and until then the record waits
        this.outageBackOff = outages;
    }

    /** The delays between tries of a record that failed with {@code failure}. */
    public BackOff backOffFor(Throwable failure) {
        return isOutage(failure) ? outageBackOff : failureBackOff;
    }

    /**
     * The error handler for a consumer: {@code deadLetters} receives what is set aside; {@code listeners}
     * hear of every failed delivery (e.g. {@link ConsumerOutages} to report the consumer held up).
     */
    public DefaultErrorHandler errorHandler(ConsumerRecordRecoverer deadLetters, RetryListener... listeners) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, failureBackOff);
        handler.setBackOffFunction((record, failure) -> backOffFor(failure));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setCommitRecovered(true);
        handler.setResetStateOnExceptionChange(true); // an outage after a failure (or the reverse) starts its own count
        handler.setRetryListeners(listeners);
        return handler;
    }

    /** Whether {@code failure} (or a cause of it) says that the store or the broker is unreachable or timing out. */
    public static boolean isOutage(Throwable failure) {
        return outageCause(failure) != null;
    }

    /**
     * The most specific outage in {@code failure}'s causes (e.g. the driver's exception under Spring's
     * translation of it), or null when the failure is not an outage. An unreadable event never is.
     */
    public static Throwable outageCause(Throwable failure) {
        Throwable found = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES && seen.put(current, Boolean.TRUE) == null; depth++) {
            if (current instanceof InvalidEventException) {
                return null;
            }
            if (isOutageType(current)) {
                found = current;
            }
            current = current.getCause();
        }
        return found;
    }

    private static boolean isOutageType(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException) {
            return true;
        }
        if (failure instanceof TransientDataAccessException) {
            // a lost optimistic race is a conflict to retry a few times, not an outage
            return !(failure instanceof ConcurrencyFailureException);
        }
        if (failure instanceof MongoSocketException || failure instanceof MongoTimeoutException
                || failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException
                || failure instanceof MongoConnectionPoolClearedException) {
            return true;
        }
        if (failure instanceof MongoException mongo && mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
            return true;
        }
        // producing: the broker did not acknowledge in time, or answered "try again"
        return failure instanceof RetriableException || failure instanceof java.util.concurrent.TimeoutException;
    }
}
