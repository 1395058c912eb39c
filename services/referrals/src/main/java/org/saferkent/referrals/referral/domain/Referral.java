package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.util.List;

/**
 * A referral from a partner agency: who sent it, where, what it is about and where it was routed.
 * Personal details of the subject will live apart from these operational fields (the referrals issue).
 */
public record Referral(
        String id,
        String agency,
        String agencyReference,
        District district,
        String category,
        List<Pathway> pathways,
        ReferralStatus status,
        Instant receivedAt) {

    /** Receives a referral and routes it to the pathways requested: the facts it produces. */
    public static Received receive(String id, NewReferral request, Instant now) {
        Referral referral = new Referral(id, request.agency(), request.agencyReference(), request.district(),
                request.category(), request.pathways(), ReferralStatus.ROUTED, now);
        List<Object> events = new java.util.ArrayList<>();
        events.add(new ReferralReceived(id, request.agency(), request.district().code(), request.district().csp(),
                request.category(), now));
        for (Pathway pathway : request.pathways()) {
            events.add(new ReferralRouted(id, request.district().code(), request.category(), pathway.code(), now));
        }
        return new Received(referral, List.copyOf(events));
    }

    public record Received(Referral referral, List<Object> events) {
    }
}
