package org.saferkent.platform.dataprotection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Field-level encryption: AES-256-GCM with a random 96-bit IV per value and associated data binding the
 * ciphertext to its document id, field name and key id, so a value copied into another document or
 * field does not decrypt. The envelope is versioned and names its data key:
 * {@code v1:<key id>:<base64url IV>:<base64url ciphertext and tag>}.
 */
public final class FieldCipher {

    static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** An envelope taken apart; {@link #keyId()} says which data key opens it. */
    public record Envelope(String keyId, byte[] iv, byte[] ciphertext) {

        public static Envelope parse(String text) {
            String[] parts = text == null ? new String[0] : text.split(":", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
                throw new IllegalArgumentException("not a " + VERSION + " field envelope");
            }
            return new Envelope(parts[1], DECODER.decode(parts[2]), DECODER.decode(parts[3]));
        }
    }

    private FieldCipher() {
    }

    /** Seals {@code plaintext} (null stays null) for {@code field} of document {@code documentId}. */
    public static String encrypt(DataKey key, String documentId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[MasterKeys.IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, key.key(), iv, aad(documentId, field, key.id()),
                plaintext.getBytes(StandardCharsets.UTF_8));
        return VERSION + ":" + key.id() + ":" + ENCODER.encodeToString(iv) + ":" + ENCODER.encodeToString(ciphertext);
    }

    /**
     * Opens an envelope with its data key.
     *
     * @throws IllegalStateException when the envelope was altered, or belongs to another document or field
     */
    public static String decrypt(SecretKey key, String documentId, String field, Envelope envelope) {
        byte[] plain = run(Cipher.DECRYPT_MODE, key, envelope.iv(), aad(documentId, field, envelope.keyId()), envelope.ciphertext());
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(MasterKeys.TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed: the value was altered or belongs elsewhere");
        }
    }

    private static byte[] aad(String documentId, String field, String keyId) {
        return (documentId + '\u0000' + field + '\u0000' + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
