package org.saferkent.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * One service running in its own Spring application context inside the launcher JVM.
 *
 * <p>Each service is configured exactly as in a container, by the same three settings (Kafka bootstrap
 * servers, MongoDB URI, HTTP port), passed as command-line properties so they win over the service's
 * own configuration file. Everything else the launcher changes is about sharing one JVM.
 */
public final class ServiceHost implements AutoCloseable {

    /** Logback configuration shared by the launcher and every hosted context (one logging system per JVM). */
    static final String LOGGING_CONFIG = "classpath:org/saferkent/devstack/local-stack-logback.xml";

    private final SaferKentService service;
    private final ConfigurableApplicationContext context;
    private final int port;
    private final int managementPort;
    private final String actuatorPath;

    private ServiceHost(SaferKentService service, ConfigurableApplicationContext context) {
        this.service = service;
        this.context = context;
        Environment environment = context.getEnvironment();
        this.port = environment.getRequiredProperty("local.server.port", Integer.class);
        // A service may serve actuator on a separate port; health must be asked there.
        this.managementPort = environment.getProperty("local.management.port", Integer.class, port);
        this.actuatorPath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
    }

    /**
     * Starts the service and returns once its context is refreshed and its web server is listening.
     *
     * @param port HTTP port; 0 picks a free one
     */
    static ServiceHost start(SaferKentService service, int port, String kafkaBootstrapServers, String mongoUri,
            boolean sharedLoggingConfig, List<String> extraArgs) {
        SpringApplication application = service.application();
        // Five banners would bury the launcher's output.
        application.setBannerMode(Banner.Mode.OFF);
        // The launcher's shutdown hook stops the services, then the store and the broker, in that order;
        // Boot's own hooks would close the contexts concurrently with it.
        application.setRegisterShutdownHook(false);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + Ports.LOOPBACK_HOST,
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.mongodb.uri=" + mongoUri,
                // the published development pseudonym secret and master key: this stack only, never real data
                "--saferkent.development-defaults=true"));
        if (sharedLoggingConfig) {
            args.add("--logging.config=" + LOGGING_CONFIG);
        }
        args.addAll(extraArgs);
        return new ServiceHost(service, application.run(args.toArray(String[]::new)));
    }

    public SaferKentService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://" + Ports.LOOPBACK_HOST + ":" + port);
    }

    public URI healthUri() {
        return URI.create("http://" + Ports.LOOPBACK_HOST + ":" + managementPort + actuatorPath + "/health");
    }

    /** The service's context, for tests that need a bean. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
