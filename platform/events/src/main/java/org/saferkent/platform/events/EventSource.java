package org.saferkent.platform.events;

/**
 * The producing service as a CloudEvents source ({@code /saferkent/referrals}) and its name, which is
 * also its consumer group and database.
 */
public record EventSource(String serviceName) {

    public String uri() {
        return "/saferkent/" + serviceName;
    }
}
