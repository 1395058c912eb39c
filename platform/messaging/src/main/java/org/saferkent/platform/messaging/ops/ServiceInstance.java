package org.saferkent.platform.messaging.ops;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which instance of a service reported something: the host name (the container's, under Compose) and
 * a random suffix, since several services may share a JVM (the local stack) or a host.
 */
public record ServiceInstance(String id) {

    public static ServiceInstance create() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "local";
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return new ServiceInstance(host + "-" + HexFormat.of().formatHex(suffix));
    }
}
