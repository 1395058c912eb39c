package org.saferkent.platform.events;

/**
 * A record that can never be processed as it stands (missing envelope headers, malformed JSON, a
 * payload failing validation). Retrying cannot help: it goes straight to the dead-letter topic.
 * The message must name what is wrong (header, field, position) and never quote a value, because
 * values may be personal data.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
