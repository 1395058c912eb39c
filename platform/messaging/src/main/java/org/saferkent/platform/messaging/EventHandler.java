package org.saferkent.platform.messaging;

/** Applies one inbound event. Must be idempotent: the same event may be delivered more than once. */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(InboundEvent<T> event);
}
