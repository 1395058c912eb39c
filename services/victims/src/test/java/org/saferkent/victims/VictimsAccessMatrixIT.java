package org.saferkent.victims;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.AccessMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Victims's role × operation matrix ({@link AccessMatrix}): every operation of its committed OpenAPI document, without a
 * token, with a token for it holding none of its scopes, and as every client and person of the identity server, is
 * let through or refused exactly as contracts/access-matrix.txt says; a token meant for other services only is
 * refused 401; nothing answers 5xx. Nothing is changed: what is let through stops at the content-type check.
 */
class VictimsAccessMatrixIT extends VictimsIntegrationTest {
    @Autowired
    private Environment environment;

    @Test
    void everyOperationLetsThroughExactlyWhomTheTableNames() {
        AccessMatrix.assertEnforced("victims", port, environment);
    }
}
