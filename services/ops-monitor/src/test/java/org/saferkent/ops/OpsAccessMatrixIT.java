package org.saferkent.ops;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.AccessMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

/**
 * Ops-monitor's role × operation matrix ({@link AccessMatrix}): every operation of its committed OpenAPI document, without a
 * token, with a token for it holding none of its scopes, and as every client and person of the identity server, is
 * let through or refused exactly as contracts/access-matrix.txt says; a token meant for other services only is
 * refused 401; nothing answers 5xx. Nothing is changed: what is let through stops at the content-type check.
 */
@OpsMonitorTest
class OpsAccessMatrixIT {
    @Value("${local.server.port}")
    private int port;

    @Autowired
    private Environment environment;

    @Test
    void everyOperationLetsThroughExactlyWhomTheTableNames() {
        AccessMatrix.assertEnforced("ops-monitor", port, environment);
    }
}
