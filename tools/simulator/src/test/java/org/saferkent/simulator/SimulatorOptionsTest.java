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

    @Test
    void chaosIsOffUnlessAskedForAndThenCountsInReferrals() {
        assertThat(SimulatorOptions.parse().killEvery()).isZero();

        SimulatorOptions chaos = SimulatorOptions.parse("--kill-every", "500", "--chaos-data-dir", "chaos-here", "--chaos-kafka-port=19092",
                "--chaos-mongo-port", "37017");

        assertThat(chaos.killEvery()).isEqualTo(500);
        assertThat(chaos.chaosDataDir().isAbsolute()).isTrue();
        assertThat(chaos.chaosDataDir().getFileName()).hasToString("chaos-here");
        assertThat(chaos.chaosKafkaPort()).isEqualTo(19092);
        assertThat(chaos.chaosMongoPort()).isEqualTo(37017);
        assertThatThrownBy(() -> SimulatorOptions.parse("--kill-every", "100", "--batch", "50")).hasMessageContaining("one by one");
    }
}
