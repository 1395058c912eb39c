package org.saferkent.platform.service.bindings;

import org.saferkent.platform.service.security.PersonalDataAudit;
import org.saferkent.platform.service.security.ServiceSecurityAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.stream.endpoint.BindingsEndpoint;
import org.springframework.context.annotation.Bean;

/**
 * In a service with Spring Cloud Stream bindings: pausing and resuming them through
 * {@code /actuator/bindings} is audited ({@link AuditedBindingsEndpoint}); the security chain
 * ({@link ServiceSecurityAutoConfiguration}) asks ops.read to read them and ops.write to change one.
 */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class,
        afterName = "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.cloud.stream.endpoint.BindingsEndpoint")
public class BindingsAuditAutoConfiguration {

    @Bean
    @ConditionalOnBean(BindingsEndpoint.class)
    AuditedBindingsEndpoint auditedBindingsEndpoint(BindingsEndpoint bindings, ObjectProvider<PersonalDataAudit> audit) {
        return new AuditedBindingsEndpoint(bindings, audit.getIfAvailable());
    }
}
