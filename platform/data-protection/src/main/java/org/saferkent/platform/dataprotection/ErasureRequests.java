package org.saferkent.platform.dataprotection;

import org.saferkent.platform.service.security.Caller;
import org.springframework.security.access.AccessDeniedException;

/**
 * What every erasure on request shares, whichever service carries it out (referrals' subjects, partnership's
 * reviews): the data subject's request it carries out, named by the data protection officer's own reference, and
 * who erased, as the audit trail names them.
 */
public final class ErasureRequests {

    /** A request reference: letters and digits, then also - and / (e.g. {@code DSR-2026-0042}). */
    public static final String REFERENCE_PATTERN = "[A-Za-z0-9][A-Za-z0-9/-]*";
    public static final int MAX_REFERENCE = 64;
    /** The rule as a problem states it (a constant, so a constraint's message can use it). */
    public static final String REFERENCE_RULE = "the data subject's request reference from the request log (e.g. DSR-2026-0042): "
            + "letters, digits, - and /, at most " + MAX_REFERENCE + " characters, never the person's name";

    private ErasureRequests() {
    }

    /**
     * Who erases: the token's subject, which is the person's name when a person signed in and the client's id for
     * client credentials.
     */
    public static String erasedBy() {
        return Caller.current().map(caller -> caller.subject() != null && !caller.subject().isBlank() ? caller.subject()
                : caller.clientId()).filter(name -> name != null && !name.isBlank())
                .orElseThrow(() -> new AccessDeniedException("an erasure needs a caller to name"));
    }
}
