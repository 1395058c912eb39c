package org.saferkent.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds SaferKent's conventions (idempotent acks=all producers, String keys with JSON byte payloads,
 * loopback defaults, ping-based Mongo health) as the lowest-priority property source, so that every
 * service starts from the same place and any value can still be overridden by its own
 * configuration file or an environment variable.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "saferkent-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("saferkentPlatformDefaults",
                    new ClassPathResource(RESOURCE, PlatformDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
