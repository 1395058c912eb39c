package org.saferkent.devstack;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.saferkent.commissioning.CommissioningApplication;
import org.saferkent.ops.OpsMonitorApplication;
import org.saferkent.partnership.PartnershipApplication;
import org.saferkent.referrals.ReferralsApplication;
import org.saferkent.rj.RestorativeJusticeApplication;
import org.saferkent.victims.VictimsApplication;
import org.springframework.boot.SpringApplication;

/** The services the local stack hosts, with their conventional ports (the same as in docker-compose). */
public enum SaferKentService {

    REFERRALS("referrals", 8081, ReferralsApplication.class, ReferralsApplication::application),
    VICTIMS("victims", 8082, VictimsApplication.class, VictimsApplication::application),
    RESTORATIVE_JUSTICE("restorative-justice", 8083, RestorativeJusticeApplication.class,
            RestorativeJusticeApplication::application),
    COMMISSIONING("commissioning", 8084, CommissioningApplication.class, CommissioningApplication::application),
    OPS_MONITOR("ops-monitor", 8085, OpsMonitorApplication.class, OpsMonitorApplication::application),
    PARTNERSHIP("partnership", 8086, PartnershipApplication.class, PartnershipApplication::application);

    private final String serviceName;
    private final int defaultPort;
    private final Class<?> applicationClass;
    private final Supplier<SpringApplication> application;

    SaferKentService(String serviceName, int defaultPort, Class<?> applicationClass,
            Supplier<SpringApplication> application) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.applicationClass = applicationClass;
        this.application = application;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** A fresh, configured application (each call builds a new one: one per context). */
    SpringApplication application() {
        SpringApplication app = application.get();
        // Boot deduces the "main class" from the call stack, which here is the launcher's: its start-up
        // log lines would then be attributed to LocalStackMain instead of the service.
        app.setMainApplicationClass(applicationClass);
        return app;
    }

    public static SaferKentService named(String name) {
        return Arrays.stream(values())
                .filter(service -> service.serviceName.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service '" + name + "'; known: "
                        + Arrays.stream(values()).map(SaferKentService::serviceName).collect(Collectors.joining(", "))));
    }
}
