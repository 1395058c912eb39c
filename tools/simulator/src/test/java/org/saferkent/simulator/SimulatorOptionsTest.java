package org.saferkent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void readsEveryOptionAndOverridesOnlyTheUrlsGiven() {
        SimulatorOptions options = SimulatorOptions.parse("--count", "500", "--rate=50", "--seed", "7", "--batch", "100",
                "--base-urls", "referrals=http://127.0.0.1:9081/", "--case-work");
        assertThat(options.count()).isEqualTo(500);
        assertThat(options.rate()).isEqualTo(50.0);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.batch()).isEqualTo(100);
        assertThat(options.caseWork()).isTrue();
        assertThat(options.referencePrefix()).isEqualTo("SIM-7");
        assertThat(options.urls().referrals()).isEqualTo("http://127.0.0.1:9081");
        assertThat(options.urls().victims()).isEqualTo("http://127.0.0.1:8082");
    }

    @Test
    void refusesAnUnknownServiceOrOption() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--base-urls", "police=http://x")).hasMessageContaining("service=url");
        assertThatThrownBy(() -> SimulatorOptions.parse("--speed", "9")).hasMessageContaining("unknown option --speed");
    }
}
