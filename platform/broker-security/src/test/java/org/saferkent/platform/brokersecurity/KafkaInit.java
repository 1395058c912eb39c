package org.saferkent.platform.brokersecurity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.AclCommand;
import org.apache.kafka.tools.TopicCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs compose's kafka-init, {@code docker/kafka/init-security.sh}, against a {@link ProductionBroker}: the
 * script itself, under bash, with the same environment compose gives it (the admin's and each service's
 * password, the admin bootstrap address). Its only difference is where the Kafka tools are
 * ({@code KAFKA_BIN}): there, {@code kafka-topics.sh}, {@code kafka-configs.sh} and {@code kafka-acls.sh}
 * record each call's arguments (and the admin client configuration the script writes), and each recorded
 * call is then run through the same Kafka tool classes those scripts start ({@link TopicCommand},
 * {@code kafka.admin.ConfigCommand}, {@link AclCommand}) with the same arguments, in this JVM. A JVM per
 * call would be the image's way but costs a second or more each, for over a hundred calls.
 *
 * <p>So the topics, the principals and the ACLs on the broker are exactly those the script creates: no
 * list is copied into the test.
 */
final class KafkaInit {

    private static final Logger log = LoggerFactory.getLogger(KafkaInit.class);

    /**
     * The principals the script creates (every service's, and the PCC office's: a reader outside the system), and
     * the variable each one's password comes from.
     */
    static final Map<String, String> PASSWORD_VARIABLES = Map.of(
            "referrals", "KAFKA_REFERRALS_PASSWORD",
            "victims", "KAFKA_VICTIMS_PASSWORD",
            "restorative-justice", "KAFKA_RJ_PASSWORD",
            "commissioning", "KAFKA_COMMISSIONING_PASSWORD",
            "ops-monitor", "KAFKA_OPS_MONITOR_PASSWORD",
            "partnership", "KAFKA_PARTNERSHIP_PASSWORD",
            "pcc-office", "KAFKA_PCC_OFFICE_PASSWORD");

    /** Records one call: builtins only (no process per call), so the script runs in seconds. */
    private static final String RECORDER = """
            #!/bin/bash
            # records one call of a Kafka tool for KafkaInit to run: the tool's name and its arguments, NUL-separated,
            # and a copy of the admin client configuration it names (the script deletes its own at exit)
            set -euo pipefail
            calls="${0%/*}/calls"
            n=0
            [ -e "$calls/count" ] && read -r n < "$calls/count"
            echo $((n + 1)) > "$calls/count"
            printf -v call '%s/call-%05d' "$calls" "$n"
            args=("$@")
            for ((i = 0; i < ${#args[@]}; i++)); do
              if [ "${args[$i]}" = --command-config ]; then
                cp "${args[$((i + 1))]}" "$call.properties"
                args[$((i + 1))]="$call.properties"
              fi
            done
            printf '%s\\0' "${0##*/}" "${args[@]}" > "$call"
            """;

    private static volatile Map<String, String> passwords;

    /** The status of the tool's first Exit.exit on this thread (the end of its process in the image). */
    private static final ThreadLocal<Integer> STATUS = new ThreadLocal<>();

    private KafkaInit() {
    }

    /**
     * The JVM's {@link ProductionBroker} with the script run once (on first use), and the password of each
     * service's principal it was given (service name to password; new each run).
     */
    static Map<String, String> passwords() throws Exception {
        Map<String, String> current = passwords;
        if (current == null) {
            synchronized (KafkaInit.class) {
                current = passwords;
                if (current == null) {
                    Map<String, String> fresh = new LinkedHashMap<>();
                    PASSWORD_VARIABLES.keySet().forEach(service -> fresh.put(service, ProductionBroker.secret()));
                    run(ProductionBroker.get(), fresh);
                    current = Map.copyOf(fresh);
                    passwords = current;
                }
            }
        }
        return current;
    }

    /**
     * Runs the script with these passwords (service name to password), then its calls, and returns what the
     * script printed. The calls are independent (a topic, a principal, one resource's ACLs; each idempotent)
     * and run four at a time.
     */
    static String run(ProductionBroker broker, Map<String, String> passwords) throws Exception {
        Path bin = Files.createTempDirectory("kafka-init-bin");
        Files.createDirectory(bin.resolve("calls"));
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh", "kafka-acls.sh")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, RECORDER);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        Path script = ProductionBroker.repository().resolve("docker/kafka/init-security.sh");
        ProcessBuilder process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.put("KAFKA_BIN", bin.toString());
        env.put("KAFKA_ADMIN_BOOTSTRAP", broker.address(ProductionBroker.BROKER));
        env.put("SASL_ADMIN_PASSWORD", broker.adminPassword());
        // compose's kafka-init: SASL_SSL, trusting the CA mounted where its KAFKA_ADMIN_TRUSTSTORE says (here, this JVM's copy)
        Map<String, String> compose = ProductionBroker.composeEnvironment("kafka-init");
        env.put("KAFKA_ADMIN_SECURITY_PROTOCOL", compose.get("KAFKA_ADMIN_SECURITY_PROTOCOL"));
        env.put("KAFKA_ADMIN_TRUSTSTORE", ProductionBroker.local(compose.get("KAFKA_ADMIN_TRUSTSTORE"), "kafka"));
        PASSWORD_VARIABLES.forEach((service, variable) -> env.put(variable, passwords.get(service)));
        long started = System.nanoTime();
        Process bash = process.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!bash.waitFor(60, TimeUnit.SECONDS) || bash.exitValue() != 0) {
            throw new IllegalStateException("init-security.sh failed:\n" + output);
        }
        List<Path> calls;
        try (Stream<Path> files = Files.list(bin.resolve("calls"))) {
            calls = files.filter(f -> f.getFileName().toString().matches("call-\\d+")).sorted().toList();
        }
        log.info("init-security.sh: {} calls recorded in {} ms", calls.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        started = System.nanoTime();
        // the tools print what they did (to both streams); kept for a failure's message only
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Exit.setExitProcedure((code, message) -> {
            if (STATUS.get() == null) {
                STATUS.set(code);
            }
            throw new ToolExited();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            List<Future<?>> results = new ArrayList<>();
            for (Path call : calls) {
                results.add(pool.submit(() -> {
                    replay(call);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage() + "\n" + printed.toString(StandardCharsets.UTF_8), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            System.setOut(out);
            System.setErr(err);
            Exit.resetExitProcedure();
        }
        log.info("init-security.sh: {} calls run in {} ms", calls.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        // the recorded calls hold the admin's (test) password: gone once run
        try (Stream<Path> files = Files.walk(bin)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return output;
    }

    private static void replay(Path call) throws IOException {
        List<String> recorded = new ArrayList<>(Arrays.asList(Files.readString(call).split("\0")));
        String tool = recorded.remove(0);
        String[] args = recorded.toArray(String[]::new);
        STATUS.remove();
        try {
            switch (tool) {
                case "kafka-topics.sh" -> TopicCommand.main(args);
                case "kafka-configs.sh" -> kafka.admin.ConfigCommand.main(args);
                case "kafka-acls.sh" -> AclCommand.main(args);
                default -> throw new IllegalStateException("the script calls an unexpected tool " + tool);
            }
        } catch (ToolExited end) {
            // the process would have ended here
        }
        Integer status = STATUS.get();
        if (status != null && status != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " exited with " + status);
        }
    }

    private static final class ToolExited extends RuntimeException {
        ToolExited() {
            super(null, null, false, false);
        }
    }
}
