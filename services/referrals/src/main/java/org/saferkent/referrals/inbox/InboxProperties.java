package org.saferkent.referrals.inbox;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The partner teams that deliver the pathways SaferKent has no case service for, one entry per team (a council's
 * ASB team covers its own district).
 *
 * @param owners every team: the agency it signs in as, its name, its pathways and districts (none: all of Kent)
 */
@Validated
@ConfigurationProperties("saferkent.referrals.inbox")
public record InboxProperties(List<@Valid Owner> owners) {

    public InboxProperties {
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    public record Owner(@NotBlank String agency, String name, @NotEmpty Set<String> pathways, Set<String> districts) {
    }
}
