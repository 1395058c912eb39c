package org.saferkent.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Points a Spring test context at the JVM's shared broker and store, and, for services (OAuth2 resource
 * servers), at the JVM's identity server: they trust its issuer, and call other services with its tokens.
 * Switches the development defaults on ({@code saferkent.development-defaults}), which only tests and the
 * embedded local stack may.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String RESOURCE_SERVER = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoUri(),
                "server.address=127.0.0.1",
                // the published development secrets (pseudonym secret, master key): tests only, never real data
                "saferkent.development-defaults=true")
                .applyTo(context);
        if (ClassUtils.isPresent(RESOURCE_SERVER, context.getClassLoader())) {
            IdentityServer identity = IdentityServer.get();
            TestPropertyValues.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + identity.issuerUri(),
                    "saferkent.security.client.token-uri=" + identity.tokenUri(),
                    "saferkent.security.client.local-default-secret=true")
                    .applyTo(context);
        }
    }
}
