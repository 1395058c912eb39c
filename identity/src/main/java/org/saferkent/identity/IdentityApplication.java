package org.saferkent.identity;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The embedded identity server: OAuth2 client credentials for agencies, services and offices, and
 * authorization code + PKCE for people on the web pages. Any OpenID Connect provider can replace it
 * by configuration alone (see the README's security section).
 */
@SpringBootApplication
@EnableConfigurationProperties({IdentityProperties.class, IdentityStoreProperties.class})
public class IdentityApplication {

    /** Its configuration file ({@value}.yml). */
    public static final String NAME = "identity";

    /**
     * The configured application. Named configuration (not {@code application.yml}) and
     * {@link HostedIdentityFilter} let the local stack and the test JVMs host it next to the services.
     */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(IdentityApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME, HostedIdentityFilter.MARKER, "true"));
        return app;
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
