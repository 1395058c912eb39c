package org.saferkent.platform.service.security;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/auditchain} (ops.read, as all of the actuator but health and info): walks the
 * service's audit trail and reports, per hash chain, its length and head or the first entry that was
 * changed, removed or put out of order ({@link AuditChainVerifier}). The report names entries by id and
 * place only: nothing of what they record.
 */
@Endpoint(id = "auditchain")
public class AuditChainEndpoint {

    private final PersonalDataAudit audit;

    public AuditChainEndpoint(PersonalDataAudit audit) {
        this.audit = audit;
    }

    @ReadOperation
    public AuditChainVerifier.Report verify() {
        return audit.verify();
    }
}
