package org.saferkent.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to start and where. {@link #parse(String...)} reads the command line of {@code run-local.sh};
 * {@link #builder()} serves tests that start the stack themselves (e.g. on ephemeral ports).
 *
 * @param dataDir Kafka topics, the MongoDB store and the logs live under it; reused across restarts
 * @param kafkaPort the broker's client port (0: any free port)
 * @param kafkaControllerPort the KRaft controller port (0: any free port)
 * @param mongoPort the MongoDB wire server's port (0: any free port)
 * @param identityPort the identity server's port (0: any free port); started whenever services are
 * @param services the services to host and their HTTP ports (0: any free port); empty = infrastructure only
 * @param mongoOplog enable the oplog (change streams) at the price of slower writes
 * @param kafkaHeap maximum heap of the broker JVM
 * @param startParallelism how many service contexts start at the same time
 * @param verbose show every INFO log line on the console, not just warnings
 * @param launcherLogging the services log through the launcher's configuration ({@code DIR/logs/stack.log});
 *        set for the command line, off for tests, which keep their own logging configuration
 * @param help print usage and exit
 * @param external a broker, store and identity server already running (another launcher's, say): only the services
 *        start, against them; null: this stack starts its own
 */
public record LocalStackOptions(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort, int identityPort,
        Map<SaferKentService, Integer> services, boolean mongoOplog, String kafkaHeap, int startParallelism,
        boolean verbose, boolean launcherLogging, boolean help, External external) {

    /**
     * Infrastructure this launcher does not own: a second set of services beside a running stack (two instances of
     * every service on one broker and store), or services against a broker and store started some other way.
     *
     * @param kafkaBootstrap the broker's {@code host:port} list
     * @param mongoUri the store's connection string
     * @param issuer the identity server every service trusts (and fetches its own tokens from)
     */
    public record External(String kafkaBootstrap, String mongoUri, URI issuer) {

        public External {
            if (kafkaBootstrap == null || !kafkaBootstrap.matches("[^,:\\s]+:\\d+(,[^,:\\s]+:\\d+)*")) {
                throw new IllegalArgumentException("--kafka-bootstrap needs host:port[,host:port...]: " + kafkaBootstrap);
            }
            if (mongoUri == null || !(mongoUri.startsWith("mongodb://") || mongoUri.startsWith("mongodb+srv://"))) {
                throw new IllegalArgumentException("--mongo-uri needs a mongodb:// connection string: " + mongoUri);
            }
            if (issuer == null || !("http".equals(issuer.getScheme()) || "https".equals(issuer.getScheme()))
                    || issuer.getHost() == null) {
                throw new IllegalArgumentException("--issuer needs the identity server's http(s) URL: " + issuer);
            }
            issuer = URI.create(issuer.toString().replaceAll("/+$", ""));
        }
    }

    /**
     * One context at a time. Measured on two cores with the five services: after the first context
     * (about 2.7 s, mostly class loading) each further one takes 0.3-0.7 s, and starting them 2 or 5 at
     * a time finished no sooner (3.6-4.2 s sequential, 3.9-4.7 s with 2) while interleaving their logs.
     * Worth measuring again once the services carry more beans.
     */
    static final int DEFAULT_START_PARALLELISM = 1;

    public LocalStackOptions {
        dataDir = dataDir.toAbsolutePath().normalize();
        Map<SaferKentService, Integer> ordered = new EnumMap<>(SaferKentService.class);
        ordered.putAll(services);
        services = Collections.unmodifiableMap(ordered);
        if (startParallelism < 1) {
            throw new IllegalArgumentException("start parallelism must be at least 1");
        }
        if (external != null && services.isEmpty()) {
            throw new IllegalArgumentException("--kafka-bootstrap, --mongo-uri and --issuer start services only: "
                    + "not with --infra-only or no --services");
        }
    }

    public boolean infraOnly() {
        return services.isEmpty();
    }

    /** Only services, against a broker, store and identity server already running ({@link #external()}). */
    public boolean externalInfra() {
        return external != null;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static LocalStackOptions defaults() {
        return builder().build();
    }

    /** Reads {@code --name=value} or {@code --name value} options; throws on anything unknown. */
    public static LocalStackOptions parse(String... args) {
        Builder builder = builder();
        builder.launcherLogging = true;
        Deque<String> remaining = new ArrayDeque<>(Arrays.asList(args));
        while (!remaining.isEmpty()) {
            String arg = remaining.removeFirst();
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> builder.help = true;
                case "--infra-only" -> builder.services.clear();
                case "--mongo-oplog" -> builder.mongoOplog = true;
                case "--verbose" -> builder.verbose = true;
                case "--data-dir" -> builder.dataDir = Path.of(value(name, inlineValue, remaining));
                case "--kafka-port" -> builder.kafkaPort = port(name, value(name, inlineValue, remaining));
                case "--kafka-controller-port" ->
                        builder.kafkaControllerPort = port(name, value(name, inlineValue, remaining));
                case "--mongo-port" -> builder.mongoPort = port(name, value(name, inlineValue, remaining));
                case "--identity-port" -> builder.identityPort = port(name, value(name, inlineValue, remaining));
                case "--kafka-heap" -> builder.kafkaHeap = heap(value(name, inlineValue, remaining));
                case "--kafka-bootstrap" -> builder.externalKafka = value(name, inlineValue, remaining).trim();
                case "--mongo-uri" -> builder.externalMongo = value(name, inlineValue, remaining).trim();
                case "--issuer" -> builder.externalIssuer = value(name, inlineValue, remaining).trim();
                case "--start-parallelism" -> builder.startParallelism =
                        positive(name, value(name, inlineValue, remaining));
                case "--service-port" -> {
                    String pair = value(name, inlineValue, remaining);
                    int separator = pair.indexOf('=');
                    if (separator < 1) {
                        throw new IllegalArgumentException("--service-port needs service=port, e.g. referrals=18081: " + pair);
                    }
                    SaferKentService service = SaferKentService.named(pair.substring(0, separator));
                    builder.servicePorts.put(service, port(name, pair.substring(separator + 1)));
                }
                case "--services" -> {
                    builder.services.clear();
                    for (String service : value(name, inlineValue, remaining).split(",")) {
                        if (!service.isBlank()) {
                            SaferKentService known = SaferKentService.named(service);
                            builder.services.put(known, known.defaultPort());
                        }
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        builder.servicePorts.forEach((service, port) -> {
            if (builder.services.containsKey(service)) {
                builder.services.put(service, port);
            }
        });
        if (builder.externalKafka != null || builder.externalMongo != null || builder.externalIssuer != null) {
            List<String> missing = new ArrayList<>();
            if (builder.externalKafka == null) {
                missing.add("--kafka-bootstrap");
            }
            if (builder.externalMongo == null) {
                missing.add("--mongo-uri");
            }
            if (builder.externalIssuer == null) {
                missing.add("--issuer");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("--kafka-bootstrap, --mongo-uri and --issuer go together (services against a "
                        + "running broker, store and identity server); missing " + String.join(", ", missing));
            }
            builder.externalInfra(builder.externalKafka, builder.externalMongo, builder.externalIssuer);
        }
        return builder.build();
    }

    static String usage() {
        return """
                Usage: ./run-local.sh [options]
                Starts a Kafka broker (child process), a MongoDB wire server and every service; Ctrl-C stops all.

                  --data-dir DIR             data and logs (default: ./data); reused across restarts
                  --kafka-port PORT          Kafka client port (default: 9092)
                  --kafka-controller-port P  KRaft controller port (default: 9093)
                  --mongo-port PORT          MongoDB port (default: 27017)
                  --identity-port PORT       identity server (OAuth2 / OpenID Connect) port (default: 8090)
                  --infra-only               only Kafka and MongoDB, e.g. to run a service from an IDE
                  --services a,b             only these services (referrals, victims, restorative-justice,
                                             commissioning, ops-monitor, partnership)
                  --service-port NAME=PORT   a service's HTTP port (default: 8081-8086); repeatable
                  --mongo-oplog              enable change streams in the MongoDB server (slower writes)
                  --kafka-heap SIZE          broker heap (default: 256m)
                  --start-parallelism N      service contexts started at once (default: 1)
                  --verbose                  all INFO logs on the console (always in DIR/logs/stack.log)
                  --kafka-bootstrap H:P      with --mongo-uri URI and --issuer URL: only the services, against a
                                             broker, store and identity server already running, e.g. a second
                                             instance of every service beside another stack (give it its own
                                             --data-dir and service ports)
                  --no-build                 (run-local.sh) skip the Maven build
                  -h, --help                 this text
                Environment: LOCAL_STACK_JAVA_OPTS replaces the launcher JVM options.
                """;
    }

    private static String value(String name, String inlineValue, Deque<String> remaining) {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (remaining.isEmpty() || remaining.peekFirst().startsWith("--")) {
            throw new IllegalArgumentException("Option " + name + " needs a value");
        }
        return remaining.removeFirst();
    }

    private static int port(String name, String value) {
        int port = integer(name, value);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535): " + value);
        }
        return port;
    }

    private static int positive(String name, String value) {
        int number = integer(name, value);
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
        return number;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number: " + value);
        }
    }

    private static String heap(String value) {
        if (!value.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--kafka-heap needs a JVM size such as 256m: " + value);
        }
        return value;
    }

    /** Defaults: ./data, the conventional ports, every service. */
    public static final class Builder {

        private Path dataDir = Path.of("data");
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int identityPort = 8090;
        private final Map<SaferKentService, Integer> services = new EnumMap<>(SaferKentService.class);
        /** From --service-port, applied after --services whatever their order on the command line. */
        private final Map<SaferKentService, Integer> servicePorts = new EnumMap<>(SaferKentService.class);
        private boolean mongoOplog;
        private String kafkaHeap = "256m";
        private int startParallelism = DEFAULT_START_PARALLELISM;
        private boolean verbose;
        private boolean launcherLogging;
        private boolean help;
        private External external;
        /** From the command line, checked together once it is read. */
        private String externalKafka;
        private String externalMongo;
        private String externalIssuer;

        private Builder() {
            for (SaferKentService service : SaferKentService.values()) {
                services.put(service, service.defaultPort());
            }
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder kafkaPorts(int brokerPort, int controllerPort) {
            this.kafkaPort = brokerPort;
            this.kafkaControllerPort = controllerPort;
            return this;
        }

        public Builder identityPort(int identityPort) {
            this.identityPort = identityPort;
            return this;
        }

        public Builder mongoPort(int mongoPort) {
            this.mongoPort = mongoPort;
            return this;
        }

        /** Only these services, on their default ports (none: infrastructure only). */
        public Builder services(SaferKentService... selected) {
            services.clear();
            for (SaferKentService service : selected) {
                services.put(service, service.defaultPort());
            }
            return this;
        }

        public Builder servicePort(SaferKentService service, int port) {
            services.put(service, port);
            return this;
        }

        /** Every port chosen by the OS: for tests that must not collide with a running stack. */
        public Builder ephemeralPorts() {
            kafkaPort = 0;
            kafkaControllerPort = 0;
            mongoPort = 0;
            identityPort = 0;
            services.replaceAll((service, port) -> 0);
            return this;
        }

        public Builder mongoOplog(boolean mongoOplog) {
            this.mongoOplog = mongoOplog;
            return this;
        }

        public Builder kafkaHeap(String kafkaHeap) {
            this.kafkaHeap = heap(kafkaHeap);
            return this;
        }

        public Builder startParallelism(int startParallelism) {
            this.startParallelism = startParallelism;
            return this;
        }

        /** Only the services, against this broker, store and identity server (already running). */
        public Builder externalInfra(String kafkaBootstrap, String mongoUri, String issuer) {
            URI issuerUri;
            try {
                issuerUri = new URI(issuer);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--issuer needs the identity server's http(s) URL: " + issuer);
            }
            this.external = new External(kafkaBootstrap, mongoUri, issuerUri);
            return this;
        }

        public LocalStackOptions build() {
            return new LocalStackOptions(dataDir, kafkaPort, kafkaControllerPort, mongoPort, identityPort, services, mongoOplog,
                    kafkaHeap, startParallelism, verbose, launcherLogging, help, external);
        }
    }
}
