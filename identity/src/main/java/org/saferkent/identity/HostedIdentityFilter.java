package org.saferkent.identity;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the identity server's context to web, security and actuator when it shares a classpath with
 * the services (the local stack, the test JVMs): their Kafka, MongoDB, resource-server and platform
 * auto-configurations stay out of it. Other contexts (without the marker property) are untouched.
 */
public class HostedIdentityFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String MARKER = "saferkent.identity.server";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean identity = environment != null && environment.getProperty(MARKER, Boolean.class, false);
        boolean[] matches = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            matches[i] = !identity || candidates[i] == null || allowed(candidates[i]);
        }
        return matches;
    }

    static boolean allowed(String autoConfiguration) {
        return !(autoConfiguration.startsWith("org.saferkent.")
                || autoConfiguration.contains(".mongodb.")
                || autoConfiguration.contains(".kafka.")
                || autoConfiguration.contains("resilience4j")
                || autoConfiguration.contains(".oauth2.server.resource.")
                || autoConfiguration.contains(".oauth2.client."));
    }
}
