package org.saferkent.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.identity.IdentityApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded identity server in its own context inside the launcher JVM, with the local default
 * secrets ({@code <clientId>-local-secret}: this is the one place they are switched on). Its issuer,
 * {@code http://127.0.0.1:<port>}, is what every hosted service trusts.
 */
public final class IdentityHost implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private IdentityHost(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static IdentityHost start(int port, boolean sharedLoggingConfig) {
        SpringApplication application = IdentityApplication.application();
        application.setBannerMode(Banner.Mode.OFF);
        application.setRegisterShutdownHook(false);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + Ports.LOOPBACK_HOST,
                "--saferkent.identity.local-default-secrets=true",
                // a fixed port names the issuer up front; an ephemeral one is named by the requests themselves
                "--saferkent.identity.issuer=" + (port == 0 ? "" : "http://" + Ports.LOOPBACK_HOST + ":" + port)));
        if (sharedLoggingConfig) {
            args.add("--logging.config=" + ServiceHost.LOGGING_CONFIG);
        }
        return new IdentityHost(application.run(args.toArray(String[]::new)));
    }

    public int port() {
        return port;
    }

    /** The issuer URI of every token, and the base of its endpoints. */
    public URI issuerUri() {
        return URI.create("http://" + Ports.LOOPBACK_HOST + ":" + port);
    }

    public URI tokenUri() {
        return URI.create(issuerUri() + "/oauth2/token");
    }

    public URI healthUri() {
        return URI.create(issuerUri() + "/actuator/health");
    }

    /** What a hosted service needs to trust this server's tokens and to get its own. */
    List<String> serviceArgs() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri(),
                "--saferkent.security.client.token-uri=" + tokenUri(),
                "--saferkent.security.client.local-default-secret=true");
    }

    @Override
    public void close() {
        context.close();
    }
}
