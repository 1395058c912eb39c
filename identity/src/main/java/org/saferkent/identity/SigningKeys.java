package org.saferkent.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key signing tokens: a configured one, or the one kept in the store ({@link StoredSigningKey}), the same
 * for every instance and every restart (its key id is the key's thumbprint, so any instance's tokens verify against
 * any other's key set); only for the embedded local default without a store (and tests) one generated at each start.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * @param pkcs8Pem    a PKCS#8 PEM RSA private key, or blank for a fresh key where {@code generateIfBlank}
     * @param generateIfBlank whether a blank key means a fresh one (the embedded local default: tokens issued
     *                    before a restart then stop verifying and clients fetch new ones) rather than an error
     */
    static RSAKey rsa(String pkcs8Pem, boolean generateIfBlank) {
        if ((pkcs8Pem == null || pkcs8Pem.isBlank()) && !generateIfBlank) {
            throw new IllegalStateException("Neither saferkent.identity.store.uri nor saferkent.identity.signing-key is set: "
                    + "a key generated at start would invalidate every token at a restart, and two instances would sign with "
                    + "different keys. Give the server a store (saferkent.identity.store.uri and .master-key: the key is made "
                    + "once and kept there, sealed) or a PKCS#8 PEM RSA private key (saferkent.identity.signing-key)");
        }
        if (pkcs8Pem == null || pkcs8Pem.isBlank()) {
            return fresh();
        }
        try {
            String base64 = pkcs8Pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return fromPkcs8(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("saferkent.identity.signing-key is not a PKCS#8 PEM RSA private key", e);
        }
    }

    /** A new 2048-bit key, its id its thumbprint. */
    static RSAKey fresh() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return withThumbprint(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).build());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("no RSA key could be made", e);
        }
    }

    /** The key of PKCS#8 bytes (DER), its id its thumbprint. */
    static RSAKey fromPkcs8(byte[] der) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return withThumbprint(new RSAKey.Builder(publicKey).privateKey(privateKey).build());
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key", e);
        }
    }

    /** The private key's PKCS#8 bytes (DER). */
    static byte[] pkcs8(RSAKey key) {
        try {
            return key.toPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key has no private part", e);
        }
    }

    private static RSAKey withThumbprint(RSAKey key) throws JOSEException {
        return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    }
}
