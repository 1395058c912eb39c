package org.saferkent.platform.outbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service for exercising the outbox against the real broker and store. */
@SpringBootApplication
class OutboxTestApplication {
}
