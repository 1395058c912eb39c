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
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key signing tokens: a configured one, the same for every instance and every restart (its key
 * id is the key's thumbprint, so any instance's tokens verify against any other's key set); only for the
 * embedded local default (and tests) one generated at each start.
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
            throw new IllegalStateException("saferkent.identity.signing-key is not set: a key generated at start would "
                    + "invalidate every token at a restart, and two instances would sign with different keys. Give it a "
                    + "PKCS#8 PEM RSA private key (in compose: the secret file saferkent.identity.signing-key)");
        }
        try {
            if (pkcs8Pem == null || pkcs8Pem.isBlank()) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                        .keyID(UUID.randomUUID().toString()).build();
            }
            String base64 = pkcs8Pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("saferkent.identity.signing-key is not a PKCS#8 PEM RSA private key", e);
        }
    }
}
