package org.saferkent.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer's message pact test: Pact's consumer extension writes the pact (target/pacts), and
 * {@link CommittedPact} then holds it to the committed one in contracts/pacts. Put it beside
 * {@code @PactTestFor(providerName = ..., providerType = ASYNCH, pactVersion = V3)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({CommittedPact.class, PactConsumerTestExt.class})
public @interface ConsumerPactTest {
}
