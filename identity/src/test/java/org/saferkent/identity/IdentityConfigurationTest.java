package org.saferkent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;

/** Secrets never default outside the local stack, a configured signing key is used as it is, and a hosted identity context keeps to itself. */
class IdentityConfigurationTest {

    @Test
    void withoutLocalDefaultsAClientWithoutASecretStopsTheServerNamingIt() {
        IdentityProperties production = properties(false, Map.of());

        assertThatIllegalStateException().isThrownBy(() -> production.secretOf("svc-victims"))
                .withMessageContaining("svc-victims").withMessageContaining("saferkent.identity.secrets.svc-victims");
        assertThatIllegalStateException().isThrownBy(() -> production.passwordOf("operator", new IdentityProperties.User(List.of(), null, null)))
                .withMessageContaining("operator");
    }

    @Test
    void aConfiguredSecretWinsAndLocalDefaultsAreNamedAfterTheClient() {
        assertThat(properties(false, Map.of("svc-victims", "s3cr3t-from-vault")).secretOf("svc-victims")).isEqualTo("s3cr3t-from-vault");
        assertThat(properties(true, Map.of()).secretOf("pcc-office")).isEqualTo("pcc-office-local-secret");
        assertThat(properties(true, Map.of()).passwordOf("operator", new IdentityProperties.User(List.of(), null, null)))
                .isEqualTo("operator-local-password");
    }

    @Test
    void aTokensAudienceIsEveryServiceOneOfItsScopesIsFor() {
        Audiences audiences = new Audiences(Map.of("referrals", List.of("referrals.*", "ops.*"), "victims", List.of("victims.read", "ops.*")));

        assertThat(audiences.of(List.of("referrals.read", "referrals.safeguarding.read"))).containsExactly("referrals");
        assertThat(audiences.of(List.of("ops.read"))).containsExactlyInAnyOrder("referrals", "victims");
        assertThat(audiences.of(List.of("referralsx.read", "victims.write", "openid"))).isEmpty();
        assertThat(audiences.forNoService(List.of("openid", "victims.read", "victims.write", "rj.read")))
                .containsExactly("rj.read", "victims.write");
    }

    @Test
    void aScopeMeantForNoServiceStopsTheServerNamingIt() {
        IdentityProperties properties = new IdentityProperties(null, true, Duration.ofMinutes(15), null, List.of(), List.of(),
                Map.of("pcc-office", new IdentityProperties.Client(List.of("commissioning.read"), null)),
                Map.of(), new IdentityProperties.Web("saferkent-web", List.of(), List.of()), Map.of(),
                new IdentityProperties.FailedSignIns(5, Duration.ofMinutes(15)), Map.of("referrals", List.of("referrals.*")));

        assertThatIllegalStateException()
                .isThrownBy(() -> new AuthorizationServerConfiguration().registeredClients(properties,
                        new AuthorizationServerConfiguration().passwordEncoder()))
                .withMessageContaining("commissioning.read").withMessageContaining("saferkent.identity.audiences");
    }

    @Test
    void peoplesPasswordsAreHashedWithBcryptAtCostTenOrMore() {
        IdentityProperties properties = new IdentityProperties(null, true, Duration.ofMinutes(15), null, List.of(), List.of(), Map.of(),
                Map.of(), new IdentityProperties.Web("saferkent-web", List.of(), List.of()),
                Map.of("caseworker", new IdentityProperties.User(List.of("victims.read"), null, null)),
                new IdentityProperties.FailedSignIns(5, Duration.ofMinutes(15)), Map.of());
        String hash = new AuthorizationServerConfiguration().people(properties).loadUserByUsername("caseworker").getPassword();
        assertThat(hash).startsWith("{bcrypt}$2a$");
        assertThat(Integer.parseInt(hash.substring("{bcrypt}$2a$".length(), "{bcrypt}$2a$".length() + 2))).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aConfiguredSigningKeyIsUsedWithAStableKeyIdAndNoneMeansAFreshKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        // two instances (or one before and after a restart) given the same key
        RSAKey first = SigningKeys.rsa(pem, false);
        RSAKey second = SigningKeys.rsa(pem, false);

        assertThat(first.getKeyID()).isEqualTo(second.getKeyID());
        assertThat(first.toPublicJWK().toRSAPublicKey()).isEqualTo(second.toPublicJWK().toRSAPublicKey());
        // a token the first signs verifies against the second's published key
        com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(first.getKeyID()).build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("agency-kent-police").build());
        token.sign(new com.nimbusds.jose.crypto.RSASSASigner(first));
        assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(second.toPublicJWK()))).isTrue();
        assertThat(SigningKeys.rsa("", true).getKeyID()).isNotEqualTo(SigningKeys.rsa(null, true).getKeyID());
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.rsa("not a key", false)).withMessageContaining("signing-key");
    }

    @Test
    void withoutLocalDefaultsNoSigningKeyStopsTheServerNamingTheSetting() {
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.rsa(null, false))
                .withMessageContaining("saferkent.identity.signing-key");
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.rsa(" ", false))
                .withMessageContaining("saferkent.identity.signing-key");
    }

    @Test
    void theStoredSigningKeyIsMadeOnceSealedAndLoadedByEveryInstance() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String uri = "mongodb://" + hostAndPort(mongo.bind());
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
        try (IdentityStore first = IdentityStore.of(new IdentityStoreProperties(uri, "identity", masterKey));
                IdentityStore second = IdentityStore.of(new IdentityStoreProperties(uri, "identity", masterKey));
                IdentityStore otherMaster = IdentityStore.of(new IdentityStoreProperties(uri, "identity",
                        Base64.getEncoder().encodeToString(new byte[32])))) {
            // two instances starting together: one key, whichever inserts first
            java.util.concurrent.CompletableFuture<RSAKey> a = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> StoredSigningKey.loadOrCreate(first));
            RSAKey b = StoredSigningKey.loadOrCreate(second);
            assertThat(a.get().getKeyID()).isEqualTo(b.getKeyID());
            // a token one signs verifies against the other's published key, and after a restart (a fresh load)
            com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(a.get().getKeyID()).build(),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("agency-kent-police").build());
            token.sign(new com.nimbusds.jose.crypto.RSASSASigner(a.get()));
            assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(b.toPublicJWK()))).isTrue();
            assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(StoredSigningKey.loadOrCreate(first).toPublicJWK())))
                    .isTrue();

            // what is stored: the public key in clear, the private key nowhere in clear
            org.bson.Document stored = first.database().getCollection(StoredSigningKey.COLLECTION).find().first();
            assertThat(first.database().getCollection(StoredSigningKey.COLLECTION).countDocuments()).isEqualTo(1);
            byte[] clearPrivate = SigningKeys.pkcs8(b);
            String json = stored.toJson();
            assertThat(json).doesNotContain(Base64.getEncoder().encodeToString(clearPrivate).substring(0, 40))
                    .doesNotContain(b.getPrivateExponent().toString()).doesNotContain("\"d\"");
            byte[] sealed = stored.get("sealedPrivateKey", org.bson.types.Binary.class).getData();
            assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(clearPrivate, 40, 72))).isNegative();
            assertThat(com.nimbusds.jose.jwk.JWK.parse(stored.getString("publicJwk")).isPrivate()).isFalse();
            // another master key cannot open it: the server stops naming the setting
            assertThatIllegalStateException().isThrownBy(() -> StoredSigningKey.loadOrCreate(otherMaster))
                    .withMessageContaining("saferkent.identity.store.master-key");
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void aSealedValueOpensOnlyWhereItWasSealedAndUnaltered() {
        SealedBox box = SealedBox.of(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] sealed = box.seal("secret".getBytes(), "authorizations/1");
        assertThat(new String(box.open(sealed, "authorizations/1"))).isEqualTo("secret");
        assertThatIllegalStateException().isThrownBy(() -> box.open(sealed, "authorizations/2"));
        sealed[sealed.length - 1] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> box.open(sealed, "authorizations/1"));
        assertThat(box.fingerprint("a-token")).isEqualTo(box.fingerprint("a-token")).doesNotContain("a-token");
        assertThatIllegalStateException().isThrownBy(() -> SealedBox.of(null)).withMessageContaining("saferkent.identity.store.master-key");
        assertThatIllegalStateException().isThrownBy(() -> SealedBox.of("c2hvcnQ=")).withMessageContaining("256 bits");
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aHostedIdentityContextLeavesTheServicesAutoConfigurationOut() {
        assertThat(HostedIdentityFilter.allowed("org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")).isTrue();
        assertThat(HostedIdentityFilter.allowed("org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration")).isTrue();
        assertThat(HostedIdentityFilter.allowed("org.saferkent.platform.service.ServiceKitAutoConfiguration")).isFalse();
        assertThat(HostedIdentityFilter.allowed("org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")).isFalse();
        assertThat(HostedIdentityFilter.allowed("org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")).isFalse();
        assertThat(HostedIdentityFilter.allowed(
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"))
                .isFalse();
    }

    private static IdentityProperties properties(boolean localDefaults, Map<String, String> secrets) {
        return new IdentityProperties(null, localDefaults, Duration.ofMinutes(15), null, List.of(), List.of(), Map.of(), secrets,
                new IdentityProperties.Web("saferkent-web", List.of(), List.of()), Map.of(),
                new IdentityProperties.FailedSignIns(5, Duration.ofMinutes(15)), Map.of());
    }
}
