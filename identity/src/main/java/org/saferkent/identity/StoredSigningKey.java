package org.saferkent.identity;

import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The signing key kept in the store: made once by whichever instance comes first, then loaded by every other
 * instance and after every restart, so tokens verify against any instance's key set and survive a restart. No
 * transaction is needed: the key document has a fixed id, the first insert wins and a loser reads the winner's.
 * Only the public key is stored in clear; the private key (PKCS#8) is sealed under the master key, bound to the
 * document and the key's id.
 */
final class StoredSigningKey {

    static final String COLLECTION = "signing_keys";
    /** One current key; rotation would add documents with other ids (published before they sign). */
    static final String CURRENT = "current";

    private StoredSigningKey() {
    }

    static RSAKey loadOrCreate(IdentityStore store) {
        MongoCollection<Document> keys = store.database().getCollection(COLLECTION);
        Document stored = keys.find(Filters.eq("_id", CURRENT)).first();
        if (stored == null) {
            RSAKey fresh = SigningKeys.fresh();
            try {
                keys.insertOne(new Document("_id", CURRENT)
                        .append("kid", fresh.getKeyID())
                        .append("publicJwk", fresh.toPublicJWK().toJSONString())
                        .append("sealedPrivateKey", new Binary(store.box().seal(SigningKeys.pkcs8(fresh), boundTo(fresh.getKeyID()))))
                        .append("createdAt", new Date()));
                return fresh;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another instance stored its key first: everyone signs with that one
                stored = keys.find(Filters.eq("_id", CURRENT)).first();
            }
        }
        if (stored == null) {
            throw new IllegalStateException("the stored signing key vanished while being read");
        }
        String kid = stored.getString("kid");
        RSAKey key = SigningKeys.fromPkcs8(store.box().open(stored.get("sealedPrivateKey", Binary.class).getData(), boundTo(kid)));
        if (!key.getKeyID().equals(kid)) {
            throw new IllegalStateException("the stored signing key does not match its key id " + kid);
        }
        return key;
    }

    private static String boundTo(String kid) {
        return COLLECTION + "/" + CURRENT + "/" + kid;
    }
}
