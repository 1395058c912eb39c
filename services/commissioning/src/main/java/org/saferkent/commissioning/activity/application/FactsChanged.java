package org.saferkent.commissioning.activity.application;

/**
 * Told after live facts were written (and marked dirty), so that performance is recomputed soon
 * rather than at the next periodic round. Must return at once: it is called on the consumer thread.
 */
@FunctionalInterface
public interface FactsChanged {

    FactsChanged NONE = () -> {
    };

    void changed();
}
