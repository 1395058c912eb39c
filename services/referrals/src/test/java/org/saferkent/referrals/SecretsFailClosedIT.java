package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.IdentityServer;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Secrets fail closed (issue 18, item 8): outside the embedded local stack and the tests, which switch the
 * development defaults on ({@code saferkent.development-defaults=true}), referrals does not start without
 * its own pseudonym secret and master key, nor with the published development ones or the example file's
 * {@code replace-me} values; the refusal names the setting to fix.
 */
@WithRealInfrastructure
class SecretsFailClosedIT {

    private static final String MASTER_KEY = "saferkent.data-protection.master-keys.primary="
            + Base64.getEncoder().encodeToString("a-master-key-for-this-test-only!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String PSEUDONYM_SECRET = "saferkent.referrals.pseudonym-secret=a-secret-of-this-deployment-only-0123456789";

    @Test
    void withoutAPseudonymSecretReferralsDoesNotStart() {
        assertThatThrownBy(() -> start(MASTER_KEY).close())
                .satisfies(e -> assertThat(messages(e)).contains("saferkent.referrals.pseudonym-secret")
                        .contains("saferkent.development-defaults"));
    }

    @Test
    void withoutAMasterKeyReferralsDoesNotStart() {
        assertThatThrownBy(() -> start(PSEUDONYM_SECRET).close())
                .satisfies(e -> assertThat(messages(e)).contains("saferkent.data-protection.master-keys")
                        .contains("saferkent.development-defaults"));
    }

    @Test
    void thePublishedDevelopmentPseudonymSecretIsRefused() {
        assertThatThrownBy(() -> start(MASTER_KEY,
                "saferkent.referrals.pseudonym-secret=local-development-only-pseudonym-secret-0123456789").close())
                .satisfies(e -> assertThat(messages(e)).contains("saferkent.referrals.pseudonym-secret"));
    }

    @Test
    void aValueLeftAsInTheExampleFileIsRefusedByName() {
        assertThatThrownBy(() -> start(MASTER_KEY,
                "saferkent.referrals.pseudonym-secret=replace-me-with-at-least-32-bytes-of-secret").close())
                .satisfies(e -> assertThat(messages(e)).contains("saferkent.referrals.pseudonym-secret")
                        .contains("replace-me"));
    }

    @Test
    void withItsOwnSecretsReferralsStarts() {
        try (ConfigurableApplicationContext context = start(MASTER_KEY, PSEUDONYM_SECRET)) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    /** Referrals as a deployment starts it: its own configuration, the JVM's broker and store, no development defaults. */
    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "spring.config.name=referrals",
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.kafka.bootstrap-servers=" + RealInfrastructure.get().kafkaBootstrapServers(),
                "spring.mongodb.uri=" + RealInfrastructure.get().mongoUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IdentityServer.get().issuerUri(),
                "saferkent.messaging.group=secrets-fail-closed",
                "saferkent.referrals.clocks.scan-interval=1h",
                "saferkent.data-protection.retention.enabled=false"));
        args.addAll(List.of(properties));
        return new SpringApplicationBuilder(ReferralsApplication.class)
                .run(args.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
