package org.saferkent.platform.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final DataKey KEY = key("k-1");

    @Test
    void aSealedValueOpensWithItsKeyInItsOwnDocumentAndField() {
        String sealed = FieldCipher.encrypt(KEY, "doc-1", "name", "Alex Example");

        assertThat(sealed).startsWith("v1:k-1:").doesNotContain("Alex");
        assertThat(FieldCipher.decrypt(KEY.key(), "doc-1", "name", FieldCipher.Envelope.parse(sealed))).isEqualTo("Alex Example");
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(FieldCipher.encrypt(KEY, "doc-1", "name", "Alex Example"))
                .isNotEqualTo(FieldCipher.encrypt(KEY, "doc-1", "name", "Alex Example"));
    }

    @Test
    void aValueMovedToAnotherDocumentOrFieldDoesNotOpen() {
        FieldCipher.Envelope sealed = FieldCipher.Envelope.parse(FieldCipher.encrypt(KEY, "doc-1", "name", "Alex Example"));

        assertThatThrownBy(() -> FieldCipher.decrypt(KEY.key(), "doc-2", "name", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(KEY.key(), "doc-1", "email", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredValueOrAnotherKeyDoesNotOpen() {
        String sealed = FieldCipher.encrypt(KEY, "doc-1", "name", "Alex Example");
        String[] parts = sealed.split(":");
        byte[] ct = Base64.getUrlDecoder().decode(parts[3]);
        ct[0] ^= 1;
        FieldCipher.Envelope altered = FieldCipher.Envelope.parse(parts[0] + ":" + parts[1] + ":" + parts[2] + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(ct));

        assertThatThrownBy(() -> FieldCipher.decrypt(KEY.key(), "doc-1", "name", altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(key("k-1").key(), "doc-1", "name", FieldCipher.Envelope.parse(sealed)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNullAndAnythingButAnEnvelopeIsRefused() {
        assertThat(FieldCipher.encrypt(KEY, "doc-1", "phone", null)).isNull();
        assertThatThrownBy(() -> FieldCipher.Envelope.parse("Alex Example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldCipher.Envelope.parse("v2:k:aa:bb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masterKeysMustBe256BitsAndTheActiveOneMustExistAndNoneIsEverShown() {
        assertThatThrownBy(() -> new MasterKeys(Map.of("a", new byte[16]), "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MasterKeys(Map.of("a", new byte[32], "b", new byte[32]), "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKeys.fromBase64(Map.of("a", "not base64!"), "a")).isInstanceOf(IllegalArgumentException.class);
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(MasterKeys.fromBase64(Map.of("a", secret), null).toString()).doesNotContain(secret).contains("active=a");
    }

    @Test
    void aWrappedDataKeyUnwrapsOnlyUnderItsMasterKeyAndForItsOwnId() {
        MasterKeys masters = MasterKeys.development();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String wrapped = masters.wrap(raw, "key-1");

        assertThat(masters.unwrap(MasterKeys.DEVELOPMENT_KEY_ID, wrapped, "key-1")).isEqualTo(raw);
        assertThatThrownBy(() -> masters.unwrap(MasterKeys.DEVELOPMENT_KEY_ID, wrapped, "key-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> masters.unwrap("gone", wrapped, "key-1")).isInstanceOf(IllegalStateException.class);
    }

    private static DataKey key(String id) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new DataKey(id, "subject", new SecretKeySpec(raw, "AES"));
    }
}
