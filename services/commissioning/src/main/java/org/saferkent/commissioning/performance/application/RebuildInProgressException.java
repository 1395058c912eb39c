package org.saferkent.commissioning.performance.application;

/** Another rebuild (or a long refresh round) holds the projection. */
public class RebuildInProgressException extends RuntimeException {

    public RebuildInProgressException() {
        super("the performance projection is being rebuilt or refreshed; try again later");
    }
}
