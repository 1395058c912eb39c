package org.saferkent.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations in flight kept in the store, so that any instance behind the entry point can finish what another
 * began: a code issued by one is exchanged at another (the page's server calls the token endpoint without the
 * browser's cookie), and the user-info endpoint, revocation and introspection find a token whichever instance
 * issued it. Each authorization is stored sealed ({@link SealedBox}, bound to its id: it holds the token values
 * and the person's name), found by keyed hashes of its state, code and tokens, never by their values; it expires
 * with its last token (a TTL index, and a sweep for stores without TTL monitors).
 */
final class StoredAuthorizations implements OAuth2AuthorizationService {

    static final String COLLECTION = "authorizations";
    /** How long an authorization with no token yet (a consent or code request under way) is kept. */
    static final Duration PENDING = Duration.ofMinutes(10);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    /** Only what an authorization holds is read back, and only after its seal was verified. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1000000;java.**;org.springframework.**;!*");

    private final MongoCollection<Document> authorizations;
    private final SealedBox box;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    StoredAuthorizations(IdentityStore store, Clock clock) {
        this.authorizations = store.database().getCollection(COLLECTION);
        this.box = store.box();
        this.clock = clock;
        for (String lookup : List.of("state", "code", "accessToken", "refreshToken", "idToken")) {
            authorizations.createIndex(Indexes.ascending(lookup));
        }
        authorizations.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Instant now = clock.instant();
        Document document = new Document("_id", authorization.getId())
                .append("expiresAt", Date.from(expiry(authorization, now)))
                .append("sealed", new Binary(box.seal(serialize(authorization), boundTo(authorization.getId()))));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        putLookup(document, "state", state);
        putLookup(document, "code", valueOf(authorization.getToken(OAuth2AuthorizationCode.class)));
        putLookup(document, "accessToken", valueOf(authorization.getToken(OAuth2AccessToken.class)));
        putLookup(document, "refreshToken", valueOf(authorization.getToken(OAuth2RefreshToken.class)));
        putLookup(document, "idToken", valueOf(authorization.getToken(OidcIdToken.class)));
        authorizations.replaceOne(Filters.eq("_id", authorization.getId()), document, new ReplaceOptions().upsert(true));
        sweep(now);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(authorizations.find(Filters.eq("_id", id)).first());
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String hash = box.fingerprint(token);
        Bson filter;
        if (tokenType == null) {
            filter = Filters.or(Filters.eq("state", hash), Filters.eq("code", hash), Filters.eq("accessToken", hash),
                    Filters.eq("refreshToken", hash), Filters.eq("idToken", hash));
        } else {
            String field = switch (tokenType.getValue()) {
                case OAuth2ParameterNames.STATE -> "state";
                case OAuth2ParameterNames.CODE -> "code";
                case OAuth2ParameterNames.ACCESS_TOKEN -> "accessToken";
                case OAuth2ParameterNames.REFRESH_TOKEN -> "refreshToken";
                case OidcParameterNames.ID_TOKEN -> "idToken";
                default -> null;
            };
            if (field == null) {
                return null;
            }
            filter = Filters.eq(field, hash);
        }
        return read(authorizations.find(filter).first());
    }

    private OAuth2Authorization read(Document document) {
        if (document == null) {
            return null;
        }
        Date expiresAt = document.getDate("expiresAt");
        if (expiresAt != null && !expiresAt.toInstant().isAfter(clock.instant())) {
            return null; // expired, not yet swept
        }
        byte[] clear = box.open(document.get("sealed", Binary.class).getData(), boundTo(document.getString("_id")));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(clear))) {
            in.setObjectInputFilter(CLASSES);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("a stored authorization could not be read", e);
        }
    }

    /** The last moment any of its tokens is good for, at least {@link #PENDING} from now. */
    static Instant expiry(OAuth2Authorization authorization, Instant now) {
        Instant latest = now.plus(PENDING);
        List<OAuth2Authorization.Token<?>> tokens = new ArrayList<>();
        tokens.add(authorization.getToken(OAuth2AuthorizationCode.class));
        tokens.add(authorization.getToken(OAuth2AccessToken.class));
        tokens.add(authorization.getToken(OAuth2RefreshToken.class));
        tokens.add(authorization.getToken(OidcIdToken.class));
        for (OAuth2Authorization.Token<?> token : tokens) {
            if (token != null && token.getToken().getExpiresAt() != null && token.getToken().getExpiresAt().isAfter(latest)) {
                latest = token.getToken().getExpiresAt();
            }
        }
        return latest;
    }

    /** Expired authorizations removed at most once a {@link #SWEEP_EVERY} (MongoDB's TTL monitor does it too). */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (now.isAfter(last.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now)) {
            authorizations.deleteMany(Filters.lte("expiresAt", Date.from(now)));
        }
    }

    private void putLookup(Document document, String field, String value) {
        if (value != null && !value.isEmpty()) {
            document.append(field, box.fingerprint(value));
        }
    }

    private static String valueOf(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        return token == null ? null : token.getToken().getTokenValue();
    }

    private static String boundTo(String id) {
        return COLLECTION + "/" + id;
    }

    private static byte[] serialize(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new IllegalStateException("an authorization could not be stored", e);
        }
        return bytes.toByteArray();
    }
}
