package org.saferkent.platform.test;

import org.saferkent.identity.IdentityApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded identity server, started once per test JVM on a free loopback port with the local
 * default secrets ({@code <clientId>-local-secret}). Its issuer is derived from the request, so it is
 * {@code http://127.0.0.1:<port>}: the value every service under test trusts.
 */
public final class IdentityServer {

    private static final Logger log = LoggerFactory.getLogger(IdentityServer.class);
    private static volatile IdentityServer instance;

    private final String issuerUri;

    private IdentityServer(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    public static IdentityServer get() {
        IdentityServer current = instance;
        if (current == null) {
            synchronized (IdentityServer.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** {@code http://127.0.0.1:<port>}, the issuer of every token and the base of the token endpoint. */
    public String issuerUri() {
        return issuerUri;
    }

    public String tokenUri() {
        return issuerUri + "/oauth2/token";
    }

    private static IdentityServer start() {
        ConfigurableApplicationContext context = IdentityApplication.application().run(
                "--server.port=0", "--server.address=127.0.0.1", "--saferkent.identity.issuer=",
                "--saferkent.identity.local-default-secrets=true", "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "identity-stop"));
        String issuer = "http://127.0.0.1:" + port;
        log.info("Test identity server: {}", issuer);
        return new IdentityServer(issuer);
    }
}
