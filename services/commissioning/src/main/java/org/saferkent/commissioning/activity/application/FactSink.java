package org.saferkent.commissioning.activity.application;

/** Where fact changes go: MongoDB (live) or memory (a rebuild). Applying an event twice changes nothing. */
public interface FactSink {

    void apply(String eventId, FactChange change);
}
