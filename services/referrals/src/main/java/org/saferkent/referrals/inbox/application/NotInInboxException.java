package org.saferkent.referrals.inbox.application;

/** No such referral routed to a pathway the caller's inbox answers for: answered as if it did not exist. */
public class NotInInboxException extends RuntimeException {

    public NotInInboxException() {
        super("No referral with this id routed to this pathway in your inbox.");
    }
}
