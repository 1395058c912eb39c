package org.saferkent.victims.dataprotection;

import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.victims.victimcase.adapter.out.persistence.VictimDetailsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shreds victims' copy of an erased subject's personal details: destroys their data keys here, so every
 * case's details of the person become unreadable. The cases stay, with their anonymous facts, and nothing
 * is published: commissioning's numbers do not change. Details written before encryption (plain text, no
 * key) are overwritten instead. Idempotent by nature (a key destroyed stays destroyed; the erasure time
 * recorded is the latest; an overwritten document is not overwritten again), so a redelivered event changes nothing.
 */
public class VictimErasures {

    private static final Logger log = LoggerFactory.getLogger(VictimErasures.class);

    private final SubjectKeys keys;
    private final VictimDetailsStore details;

    public VictimErasures(SubjectKeys keys, VictimDetailsStore details) {
        this.keys = keys;
        this.details = details;
    }

    public void erased(String eventId, SubjectErasure erasure) {
        long destroyed = keys.destroy(erasure.pseudonyms(), erasure.erasedAt());
        // after the keys: from here the store refuses the plain documents anyway (the subject is erased)
        int overwritten = details.eraseUnsealed(erasure.pseudonyms(), erasure.erasedAt());
        log.info("Erasure {} (event {}): {} victims data key(s) destroyed, {} unsealed details document(s) overwritten",
                erasure.erasureId(), eventId, destroyed, overwritten);
    }
}
