package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void defaultsToEveryServiceOnConventionalPortsUnderData() {
        LocalStackOptions options = LocalStackOptions.parse();

        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.identityPort()).isEqualTo(8090);
        assertThat(options.services()).containsExactly(
                org.assertj.core.api.Assertions.entry(SaferKentService.REFERRALS, 8081),
                org.assertj.core.api.Assertions.entry(SaferKentService.VICTIMS, 8082),
                org.assertj.core.api.Assertions.entry(SaferKentService.RESTORATIVE_JUSTICE, 8083),
                org.assertj.core.api.Assertions.entry(SaferKentService.COMMISSIONING, 8084),
                org.assertj.core.api.Assertions.entry(SaferKentService.OPS_MONITOR, 8085),
                org.assertj.core.api.Assertions.entry(SaferKentService.PARTNERSHIP, 8086));
        assertThat(options.launcherLogging()).isTrue();
        assertThat(options.infraOnly()).isFalse();
    }

    @Test
    void readsBothOptionSyntaxes() {
        LocalStackOptions options = LocalStackOptions.parse(
                "--data-dir=/tmp/stack", "--kafka-port", "19092", "--mongo-port=37017", "--identity-port=18090", "--kafka-heap", "192m",
                "--start-parallelism=2", "--mongo-oplog", "--verbose");

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.logsDir()).isEqualTo(Path.of("/tmp/stack/logs"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.mongoPort()).isEqualTo(37017);
        assertThat(options.identityPort()).isEqualTo(18090);
        assertThat(options.kafkaHeap()).isEqualTo("192m");
        assertThat(options.startParallelism()).isEqualTo(2);
        assertThat(options.mongoOplog()).isTrue();
        assertThat(options.verbose()).isTrue();
    }

    @Test
    void infraOnlyStartsNoService() {
        assertThat(LocalStackOptions.parse("--infra-only").infraOnly()).isTrue();
    }

    @Test
    void selectsServicesByName() {
        LocalStackOptions options = LocalStackOptions.parse("--services", "victims, ops-monitor");

        assertThat(options.services()).containsOnlyKeys(SaferKentService.VICTIMS, SaferKentService.OPS_MONITOR);
    }

    @Test
    void movesAServiceToAnotherPortWhateverTheOrderOfOptions() {
        LocalStackOptions options = LocalStackOptions.parse("--service-port", "victims=18082", "--services=victims,referrals",
                "--service-port=ops-monitor=18085");

        assertThat(options.services()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(SaferKentService.VICTIMS, 18082, SaferKentService.REFERRALS, 8081));
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--service-port", "victims"))
                .withMessageContaining("service=port");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--service-port", "victims=99999"));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-prot=1"))
                .withMessageContaining("--kafka-prot");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-port=70000"));
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--mongo-port"))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--services=payments"))
                .withMessageContaining("referrals");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-heap=lots"));
    }

    @Test
    void startsOnlyServicesAgainstARunningBrokerStoreAndIdentityServer() {
        LocalStackOptions options = LocalStackOptions.parse("--data-dir=/tmp/second", "--kafka-bootstrap", "127.0.0.1:19092",
                "--mongo-uri=mongodb://127.0.0.1:37017", "--issuer", "http://127.0.0.1:18090/", "--service-port=referrals=18181");

        assertThat(options.externalInfra()).isTrue();
        assertThat(options.infraOnly()).isFalse();
        assertThat(options.external().kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(options.external().mongoUri()).isEqualTo("mongodb://127.0.0.1:37017");
        assertThat(options.external().issuer()).isEqualTo(URI.create("http://127.0.0.1:18090"));
        assertThat(options.services()).containsEntry(SaferKentService.REFERRALS, 18181).hasSize(SaferKentService.values().length);
        assertThat(LocalStackOptions.parse().externalInfra()).isFalse();
        assertThat(LocalStackOptions.usage()).contains("--kafka-bootstrap").contains("--mongo-uri").contains("--issuer");
    }

    @Test
    void externalInfrastructureIsNamedWholeAndWell() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-bootstrap=127.0.0.1:9092",
                "--issuer=http://127.0.0.1:8090")).withMessageContaining("missing --mongo-uri");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--mongo-uri=mongodb://127.0.0.1:27017"))
                .withMessageContaining("missing --kafka-bootstrap, --issuer");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-bootstrap=127.0.0.1",
                "--mongo-uri=mongodb://127.0.0.1:27017", "--issuer=http://127.0.0.1:8090")).withMessageContaining("host:port");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-bootstrap=127.0.0.1:9092",
                "--mongo-uri=127.0.0.1:27017", "--issuer=http://127.0.0.1:8090")).withMessageContaining("mongodb://");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-bootstrap=127.0.0.1:9092",
                "--mongo-uri=mongodb://127.0.0.1:27017", "--issuer=127.0.0.1:8090")).withMessageContaining("--issuer");
        // nothing to start: the infrastructure is someone else's
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--infra-only", "--kafka-bootstrap=127.0.0.1:9092",
                "--mongo-uri=mongodb://127.0.0.1:27017", "--issuer=http://127.0.0.1:8090")).withMessageContaining("services only");
    }

    @Test
    void builderCanAskForEphemeralPortsEverywhere() {
        LocalStackOptions options = LocalStackOptions.builder().ephemeralPorts().build();

        assertThat(options.kafkaPort()).isZero();
        assertThat(options.kafkaControllerPort()).isZero();
        assertThat(options.mongoPort()).isZero();
        assertThat(options.identityPort()).isZero();
        assertThat(options.services().values()).containsOnly(0);
        assertThat(options.launcherLogging()).isFalse();
        assertThat(options.externalInfra()).isFalse();
    }
}
