package org.saferkent.commissioning.performance.application;

/**
 * What a rebuild did.
 *
 * @param version          the projection version now read
 * @param eventsRead       records read from the topics (up to the end offsets taken at the start)
 * @param eventsCaughtUp   records that arrived while it ran, applied before the swap
 * @param facts            fact documents written
 * @param cells            performance cells written (removed ones included)
 * @param changedCells     cells whose snapshot differs from the live one (they get a new sequence)
 * @param millis           how long it took
 * @param eventsPerSecond  read and applied, over the whole run
 */
public record RebuildResult(int version, long eventsRead, long eventsCaughtUp, long facts, long cells, long changedCells,
        long millis, long eventsPerSecond) {
}
