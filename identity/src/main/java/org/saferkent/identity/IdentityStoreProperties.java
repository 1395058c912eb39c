package org.saferkent.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the identity server keeps what must outlive one instance ({@code saferkent.identity.store}): its signing
 * key, sealed, the authorizations in flight (codes and the tokens issued for them, sealed) and the failed sign-ins
 * (by keyed hash), so that several
 * instances behind one entry point and a restart keep every token valid. Clients and people are configuration,
 * the same for every instance, and are not stored.
 *
 * @param uri       a MongoDB connection string; blank = nothing stored (the key is then the configured
 *                  {@code saferkent.identity.signing-key}, or only with the local defaults a fresh one at each start)
 * @param database  the database (its own: {@code identity})
 * @param masterKey base64 of 256 random bits sealing what is stored (AES-GCM): the private key is never stored in
 *                  clear; every instance needs the same one
 */
@ConfigurationProperties("saferkent.identity.store")
public record IdentityStoreProperties(String uri, @DefaultValue("identity") String database, String masterKey) {

    boolean configured() {
        return uri != null && !uri.isBlank();
    }
}
