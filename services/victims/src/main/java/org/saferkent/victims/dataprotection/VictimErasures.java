package org.saferkent.victims.dataprotection;

import org.saferkent.platform.dataprotection.SubjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shreds victims' copy of an erased subject's personal details: destroys their data keys here, so every
 * case's details of the person become unreadable. The cases stay, with their anonymous facts, and nothing
 * is published: commissioning's numbers do not change. Idempotent by nature (a key destroyed stays
 * destroyed; the erasure time recorded is the latest), so a redelivered event changes nothing.
 */
public class VictimErasures {

    private static final Logger log = LoggerFactory.getLogger(VictimErasures.class);

    private final SubjectKeys keys;

    public VictimErasures(SubjectKeys keys) {
        this.keys = keys;
    }

    public void erased(String eventId, SubjectErasure erasure) {
        long destroyed = keys.destroy(erasure.pseudonyms(), erasure.erasedAt());
        log.info("Erasure {} (event {}): {} victims data key(s) destroyed", erasure.erasureId(), eventId, destroyed);
    }
}
