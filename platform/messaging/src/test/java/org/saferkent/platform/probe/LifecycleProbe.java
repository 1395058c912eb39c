package org.saferkent.platform.probe;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A service with nothing but the platform, started and closed by one test. Outside the test
 * application's package, so that neither its component scan nor a test's search for its
 * configuration finds this one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LifecycleProbe {
}
