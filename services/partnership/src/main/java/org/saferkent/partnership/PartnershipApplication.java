package org.saferkent.partnership;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnershipApplication {

    /** Service name: its configuration file ({@value}.yml), Kafka consumer group and MongoDB database. */
    public static final String NAME = "partnership";

    /**
     * The configured application. The configuration file is named after the service, not
     * {@code application.yml}, so that the local stack can host every service in one JVM.
     */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(PartnershipApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
