package org.saferkent.platform.outbox;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** A minimal service for exercising the outbox against the real broker and store. */
@SpringBootApplication
class OutboxTestApplication {

    /** Counts the write commands this service sends the store, as the benchmark counts them from the services' metrics. */
    static final class StoreWrites implements CommandListener {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");
        private final AtomicLong count = new AtomicLong();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (WRITES.contains(event.getCommandName())) {
                count.incrementAndGet();
            }
        }

        long count() {
            return count.get();
        }
    }

    @Bean
    StoreWrites storeWrites() {
        return new StoreWrites();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countStoreWrites(StoreWrites writes) {
        return settings -> settings.addCommandListener(writes);
    }
}
