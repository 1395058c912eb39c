package org.saferkent.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable wire name of an event record, e.g. {@code referrals.ReferralRouted.v1}: it travels as
 * the CloudEvents {@code ce_type} header, so a Java class can be renamed or moved without breaking
 * consumers. Format: {@code <service>.<PastTenseName>.v<major>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();
}
