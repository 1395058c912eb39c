package org.saferkent.partnership.framework.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

import au.com.dius.pact.core.model.messaging.Message;

/** Reads a pact message as the framework's consumers do: the envelope, then its own tolerant payload record. */
final class PactReading {

    private PactReading() {
    }

    static <T> T read(Message message, String type, Class<T> expected) {
        assertThat(envelope(message).type()).isEqualTo(type);
        return expected.cast(payload(message, expected));
    }
}
