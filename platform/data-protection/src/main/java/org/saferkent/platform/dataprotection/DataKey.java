package org.saferkent.platform.dataprotection;

import javax.crypto.SecretKey;

/** A subject's unwrapped data key and its id (the id travels in every envelope it sealed). */
public record DataKey(String id, String subject, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[" + id + ", key=<redacted>]";
    }
}
