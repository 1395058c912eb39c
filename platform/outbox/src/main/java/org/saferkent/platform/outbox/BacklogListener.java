package org.saferkent.platform.outbox;

/**
 * Told of every backlog measurement (e.g. to keep a gauge) and of each crossing of the threshold
 * (e.g. to report it on {@code ops.events}). Called on the monitor's own thread; must not block for long.
 */
public interface BacklogListener {

    void measured(BacklogMonitor.Measurement measurement);
}
