package org.saferkent.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the consumer bindings' conventions ({@code saferkent-messaging-defaults.properties}: native
 * decoding of the raw record, the platform's converter, no binder retries or DLQ) as the
 * lowest-priority property source: a service's yml or an environment variable still wins.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "saferkent-messaging-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("saferkentMessagingDefaults",
                    new ClassPathResource(RESOURCE, MessagingDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
