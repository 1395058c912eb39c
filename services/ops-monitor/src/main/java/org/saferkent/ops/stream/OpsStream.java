package org.saferkent.ops.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream's subscribers: a bounded number of Server-Sent Events emitters, each with its own
 * filter. Events are written by one sender thread (never by the Kafka listener, so a slow browser
 * cannot hold up consumption; never two writes to one emitter at once). An emitter is dropped when it
 * completes, times out or fails to take a write.
 */
public class OpsStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OpsStream.class);
    private static final int QUEUE = 1000;

    /** Thrown when the stream already has as many subscribers as it takes. */
    public static class Full extends RuntimeException {
        Full(int max) {
            super("the live stream has " + max + " subscribers already");
        }
    }

    private record Subscriber(SseEmitter emitter, String service, String kind) {
        boolean wants(StreamEvent event) {
            return (service == null || service.equalsIgnoreCase(event.service()))
                    && (kind == null || kind.equalsIgnoreCase(event.kind()));
        }
    }

    private final int maxSubscribers;
    private final Duration timeout;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor sender;

    public OpsStream(int maxSubscribers, Duration timeout) {
        this.maxSubscribers = maxSubscribers;
        this.timeout = timeout;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "ops-stream");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /**
     * A new subscriber to events matching both filters (null: any).
     *
     * @throws Full when the stream takes no more subscribers
     */
    public synchronized SseEmitter subscribe(String service, String kind) {
        if (subscribers.size() >= maxSubscribers) {
            throw new Full(maxSubscribers);
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, blankToNull(service), blankToNull(kind));
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(failure -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // the first write sends the response headers: the browser knows at once that it is connected
        sender.execute(() -> send(subscriber, SseEmitter.event().reconnectTime(3000).comment("connected")));
        return emitter;
    }

    public void publish(StreamEvent event) {
        try {
            sender.execute(() -> {
                for (Subscriber subscriber : subscribers) {
                    if (subscriber.wants(event)) {
                        send(subscriber, SseEmitter.event().id(event.id()).name("ops").data(event, MediaType.APPLICATION_JSON));
                    }
                }
            });
        } catch (RejectedExecutionException stopped) {
            // shutting down
        }
    }

    /** A comment line to every subscriber: keeps idle connections open and finds the ones that went away. */
    public void heartbeat() {
        try {
            sender.execute(() -> subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("heartbeat"))));
        } catch (RejectedExecutionException stopped) {
            // shutting down
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            try {
                subscriber.emitter().completeWithError(gone);
            } catch (RuntimeException ignored) {
                // already completed
            }
            log.debug("Live stream subscriber dropped: {}", gone.toString());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        subscribers.forEach(subscriber -> {
            try {
                subscriber.emitter().complete();
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
        });
        subscribers.clear();
    }
}
