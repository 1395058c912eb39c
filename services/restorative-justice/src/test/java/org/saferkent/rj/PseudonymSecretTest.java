package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Issue 17: the partnership secret that keys a disposal's person stays server-side and is the partnership's own:
 * the published development secret, or none, stops the service rather than keying people with it.
 */
class PseudonymSecretTest {

    private final RestorativeJusticeConfiguration configuration = new RestorativeJusticeConfiguration();

    @Test
    void thePublishedDevelopmentSecretIsRefusedOutsideTheLocalStackAndTests() {
        assertThatThrownBy(() -> configuration.pseudonymiser(properties(Pseudonymiser.DEVELOPMENT_SECRET), environment(false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("saferkent.rj.pseudonym-secret")
                .hasMessageNotContaining(Pseudonymiser.DEVELOPMENT_SECRET);
        assertThat(configuration.pseudonymiser(properties(Pseudonymiser.DEVELOPMENT_SECRET), environment(true))).isNotNull();
    }

    @Test
    void noSecretOrAShortOneIsRefusedByNameAndTheSecretIsNeverShown() {
        assertThatThrownBy(() -> configuration.pseudonymiser(properties(null), environment(false)))
                .hasMessageContaining("saferkent.rj.pseudonym-secret");
        assertThatThrownBy(() -> configuration.pseudonymiser(properties("too-short-a-secret"), environment(false)))
                .hasMessageContaining("saferkent.rj.pseudonym-secret").hasMessageNotContaining("too-short-a-secret");
        String own = "the-partnerships-own-secret-of-forty-bytes!";
        Pseudonymiser pseudonymiser = configuration.pseudonymiser(properties(own), environment(false));
        assertThat(pseudonymiser.toString()).doesNotContain(own);
        assertThat(properties(own).toString()).doesNotContain(own);
    }

    private static RjProperties properties(String secret) {
        return new RjProperties("rj.case.events", "rj.disposal.events", "referrals.events", "victims.case.events",
                Set.of("restorative-justice"), Set.of(), null, secret, List.of());
    }

    private static StandardEnvironment environment(boolean developmentDefaults) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("saferkent.development-defaults", String.valueOf(developmentDefaults))));
        return environment;
    }
}
