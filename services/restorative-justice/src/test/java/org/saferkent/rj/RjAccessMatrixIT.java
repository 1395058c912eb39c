package org.saferkent.rj;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.AccessMatrix;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Restorative-justice's role × operation matrix ({@link AccessMatrix}): every operation of its committed OpenAPI document, without a
 * token, with a token for it holding none of its scopes, and as every client and person of the identity server, is
 * let through or refused exactly as contracts/access-matrix.txt says; a token meant for other services only is
 * refused 401; nothing answers 5xx. Nothing is changed: what is let through stops at the content-type check.
 */
// Same properties as RjApiDocumentIT, so both share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjAccessMatrixIT {
    @Value("${local.server.port}")
    private int port;

    @Autowired
    private Environment environment;

    @Test
    void everyOperationLetsThroughExactlyWhomTheTableNames() {
        AccessMatrix.assertEnforced("restorative-justice", port, environment);
    }
}
