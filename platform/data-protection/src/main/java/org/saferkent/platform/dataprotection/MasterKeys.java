package org.saferkent.platform.dataprotection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys (key-encryption keys) from configuration, by id, and which one wraps new data keys.
 * A data key is only ever stored wrapped: AES-256-GCM under a master key, with a random 96-bit IV and
 * associated data naming the data key, so a wrapped key cannot be moved to another key's document.
 *
 * <p>Rotation: configure a new id as active and keep the old one; new and re-wrapped data keys use the
 * new key, the old one still unwraps whatever it wrapped until it is removed. {@link #toString()} never
 * shows a key.
 */
public final class MasterKeys {

    /** The embedded local stack's key: public by construction, so never for real data. */
    public static final String DEVELOPMENT_KEY_ID = "local-dev";

    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Map<String, SecretKey> keys;
    private final String activeId;

    public MasterKeys(Map<String, byte[]> keys, String activeId) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("at least one master key is needed");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("a master key id must be a non-blank word without ':'");
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("master key '" + id + "' must be " + KEY_BYTES + " bytes (256 bits)");
            }
            copy.put(id, new SecretKeySpec(key, "AES"));
        });
        String active = activeId != null && !activeId.isBlank() ? activeId
                : copy.size() == 1 ? copy.keySet().iterator().next() : null;
        if (active == null || !copy.containsKey(active)) {
            throw new IllegalArgumentException("the active master key must be one of " + copy.keySet());
        }
        this.keys = Map.copyOf(copy);
        this.activeId = active;
    }

    /** From configuration: ids to base64 256-bit keys. */
    public static MasterKeys fromBase64(Map<String, String> base64Keys, String activeId) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        base64Keys.forEach((id, value) -> {
            try {
                decoded.put(id, DECODER.decode(value == null ? "" : value.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("master key '" + id + "' is not base64");
            }
        });
        return new MasterKeys(decoded, activeId);
    }

    /** The embedded local stack's key: derived from a published phrase. Never for real data. */
    public static MasterKeys development() {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest("saferkent local development only - never for real data".getBytes(StandardCharsets.UTF_8));
            return new MasterKeys(Map.of(DEVELOPMENT_KEY_ID, key), DEVELOPMENT_KEY_ID);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String activeId() {
        return activeId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** Wraps a data key under the active master key: base64 of IV + ciphertext + tag. */
    String wrap(byte[] dataKey, String dataKeyId) {
        return wrap(activeId, dataKey, dataKeyId);
    }

    String wrap(String masterKeyId, byte[] dataKey, String dataKeyId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(masterKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(dataKeyId));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM wrap failed", e);
        }
    }

    /** @throws IllegalStateException when the master key is not configured or the wrapped key was tampered with */
    byte[] unwrap(String masterKeyId, String wrapped, String dataKeyId) {
        try {
            byte[] in = DECODER.decode(wrapped);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(masterKeyId), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(dataKeyId));
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("data key " + dataKeyId + " does not unwrap under master key " + masterKeyId);
        }
    }

    private SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("master key '" + id + "' is not configured (was it removed before re-wrapping?)");
        }
        return key;
    }

    private static byte[] aad(String dataKeyId) {
        return ("saferkent-data-key:" + Objects.requireNonNull(dataKeyId)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKeys[ids=" + keys.keySet() + ", active=" + activeId + ", keys=<redacted>]";
    }
}
