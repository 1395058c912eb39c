package org.saferkent.victims.victimcase.adapter.out.referrals;

/**
 * Referrals answered with an error status; worth retrying when it is a server-side or overload status,
 * or a refused token (replaced before the retry).
 */
class ReferralsUnavailableException extends RuntimeException {

    private final boolean retryable;

    ReferralsUnavailableException(int status) {
        super("referrals answered HTTP " + status);
        this.retryable = status >= 500 || status == 429 || status == 401;
    }

    boolean retryable() {
        return retryable;
    }
}
