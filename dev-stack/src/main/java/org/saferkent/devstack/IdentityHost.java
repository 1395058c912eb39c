package org.saferkent.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.identity.IdentityApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded identity server in its own context inside the launcher JVM, with the local default
 * secrets ({@code <clientId>-local-secret}: this is the one place they are switched on), its signing key kept in
 * the local stack's store. Its issuer,
 * {@code http://127.0.0.1:<port>}, is what every hosted service trusts.
 */
public final class IdentityHost implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private IdentityHost(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /**
     * @param mongoUri the local stack's MongoDB wire server: the identity server keeps its signing key there (sealed
     *                 under a master key made once in {@code dataDir}) and the authorizations in flight, so tokens
     *                 issued before a restart of the launcher are still accepted after it
     */
    static IdentityHost start(int port, boolean sharedLoggingConfig, String mongoUri, Path dataDir) throws IOException {
        SpringApplication application = IdentityApplication.application();
        application.setBannerMode(Banner.Mode.OFF);
        application.setRegisterShutdownHook(false);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + Ports.LOOPBACK_HOST,
                "--saferkent.identity.local-default-secrets=true",
                "--saferkent.identity.store.uri=" + mongoUri,
                "--saferkent.identity.store.database=identity",
                "--saferkent.identity.store.master-key=" + masterKey(dataDir),
                // a fixed port names the issuer up front; an ephemeral one is named by the requests themselves
                "--saferkent.identity.issuer=" + (port == 0 ? "" : "http://" + Ports.LOOPBACK_HOST + ":" + port)));
        if (sharedLoggingConfig) {
            args.add("--logging.config=" + ServiceHost.LOGGING_CONFIG);
        }
        return new IdentityHost(application.run(args.toArray(String[]::new)));
    }

    /**
     * The store's master key of this data directory ({@value #MASTER_KEY_FILE}): made once at random, readable by its
     * owner only, kept with the data it seals (a local stack; production gives it from its secrets).
     */
    static String masterKey(Path dataDir) throws IOException {
        Path file = dataDir.resolve(MASTER_KEY_FILE);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path partial = Files.createTempFile(dataDir, MASTER_KEY_FILE, ".new");
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's own permissions guard it
            }
            Files.writeString(partial, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    static final String MASTER_KEY_FILE = "identity-master-key";

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

    /** What a hosted service needs to trust the tokens of the identity server at {@code issuer} and to get its own. */
    static List<String> serviceArgs(URI issuer) {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--saferkent.security.client.token-uri=" + issuer + "/oauth2/token",
                "--saferkent.security.client.local-default-secret=true");
    }

    @Override
    public void close() {
        context.close();
    }
}
