package org.saferkent.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the store's master key ({@code saferkent.identity.store.master-key}): what the identity server
 * stores is sealed, and bound to where it is stored (the associated data, e.g. the document's id), so a sealed value
 * copied to another document, or altered, does not open. Lookup fields are keyed hashes (HMAC-SHA256 under a key
 * derived from the master key): a token can be found by its value without the value being stored.
 */
final class SealedBox {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec sealing;
    private final SecretKeySpec lookup;

    private SealedBox(byte[] masterKey) {
        this.sealing = new SecretKeySpec(derive(masterKey, "saferkent identity store: sealing"), "AES");
        this.lookup = new SecretKeySpec(derive(masterKey, "saferkent identity store: lookup"), "HmacSHA256");
    }

    /** The box of a base64 256-bit master key; anything else stops the server naming the setting. */
    static SealedBox of(String base64MasterKey) {
        if (base64MasterKey == null || base64MasterKey.isBlank()) {
            throw new IllegalStateException("saferkent.identity.store.master-key is not set: what the identity server "
                    + "stores (its signing key) is sealed under it. Give it base64 of 256 random bits (openssl rand -base64 32), "
                    + "the same for every instance");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64MasterKey.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalStateException("saferkent.identity.store.master-key must be base64 of 256 bits (32 bytes)");
        }
        return new SealedBox(key);
    }

    /** version, IV, ciphertext and tag. */
    byte[] seal(byte[] clear, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** The clear bytes; an {@link IllegalStateException} where the master key differs or the value was altered or moved. */
    byte[] open(byte[] sealed, String boundTo) {
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed value of this identity server");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value does not open under saferkent.identity.store.master-key "
                    + "(another master key sealed it, or it was altered)", e);
        }
    }

    /** A keyed hash of a lookup value (a token, a code, a state), base64url. */
    String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookup);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** HKDF-SHA256 (RFC 5869) with an empty salt, one block: a key per purpose from the one master key. */
    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(masterKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation failed", e);
        }
    }
}
