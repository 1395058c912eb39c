package org.saferkent.platform.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.StoreScans;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Subject keys against the real store: one key per subject, shredding makes the subject's sealed fields
 * unreadable for good (the raw key document holds no key material any more), and master keys rotate
 * without a read ever failing.
 */
class SubjectKeysIT {

    private static final MongoClient CLIENT = MongoClients.create(RealInfrastructure.get().mongoUri());
    private static final String DATABASE = "data-protection-it";
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, DATABASE);
    private static final Map<String, String> PERSONAL = Map.of("name", "Alex Example", "email", "alex@example.org");

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void aSubjectsRecordsShareOneKeyAndOpenAgain() {
        PersonalDataVault vault = vault(MasterKeys.development());
        String subject = subject();

        Document first = vault.seal(subject, "doc-1", PERSONAL);
        Document second = vault.seal(subject, "doc-2", PERSONAL);

        assertThat(first.toJson()).doesNotContain("Alex", "alex@");
        assertThat(keyId(first)).isEqualTo(keyId(second));
        assertThat(vault.open("doc-1", first)).isEqualTo(PERSONAL);
        assertThat(vault(MasterKeys.development()).open("doc-2", second)).as("another instance, cold cache").isEqualTo(PERSONAL);
    }

    /** Several subjects' keys at once: the existing one is kept, the new ones made in one insert, and each seals and opens. */
    @Test
    void keysForSeveralSubjectsAreTheirOwnAndTheNewOnesAreOneInsert() {
        StoreScans.Mark mark = StoreScans.mark(DATABASE);
        PersonalDataVault vault = vault(MasterKeys.development());
        String known = subject();
        Document before = vault.seal(known, "doc-k", PERSONAL);
        List<String> fresh = List.of(subject(), subject(), subject());

        PersonalDataVault other = vault(MasterKeys.development()); // a cold cache: the known subject's key is read
        Map<String, DataKey> found = other.keys().activeKeys(List.of(known, fresh.get(0), fresh.get(1), fresh.get(2), known));

        assertThat(found).containsOnlyKeys(known, fresh.get(0), fresh.get(1), fresh.get(2));
        assertThat(found.get(known).id()).as("the subject's live key").isEqualTo(keyId(before));
        assertThat(MONGO.getCollection(SubjectKeys.KEYS).countDocuments(new Document("subject", new Document("$in", fresh))))
                .as("a key for each new subject").isEqualTo(3);
        assertThat(fresh.stream().map(subject -> found.get(subject).id()).distinct()).hasSize(3);
        for (String subject : fresh) {
            Document sealed = other.seal(subject, "doc-" + subject, PERSONAL);
            assertThat(keyId(sealed)).isEqualTo(found.get(subject).id());
            assertThat(vault(MasterKeys.development()).open("doc-" + subject, sealed)).as("opened by a cold instance").isEqualTo(PERSONAL);
        }
        assertThat(other.keys().activeKeys(fresh)).as("the same keys again, nothing new").isEqualTo(Map.of(fresh.get(0), found.get(fresh.get(0)),
                fresh.get(1), found.get(fresh.get(1)), fresh.get(2), found.get(fresh.get(2))));
        assertThat(MONGO.getCollection(SubjectKeys.KEYS).countDocuments(new Document("subject", new Document("$in", fresh)))).isEqualTo(3);
        assertThat(StoreScans.since(mark)).as("looked up by subject, not read whole").isEmpty();
    }

    @Test
    void destroyingTheSubjectsKeysShredsEveryRecordAndLeavesATombstoneWithoutKeyMaterial() {
        StoreScans.Mark mark = StoreScans.mark(DATABASE);
        PersonalDataVault vault = vault(MasterKeys.development());
        String subject = subject();
        String other = subject();
        Document sealed = vault.seal(subject, "doc-1", PERSONAL);
        Document kept = vault.seal(other, "doc-9", PERSONAL);
        Instant at = Instant.parse("2026-11-28T12:00:00Z");

        assertThat(vault.keys().destroy(List.of(subject), at)).isEqualTo(1);

        assertThatThrownBy(() -> vault.open("doc-1", sealed)).isInstanceOf(PersonalDataErasedException.class);
        assertThatThrownBy(() -> vault(MasterKeys.development()).open("doc-1", sealed)).isInstanceOf(PersonalDataErasedException.class);
        Document tombstone = MONGO.getCollection(SubjectKeys.KEYS).find(new Document("_id", keyId(sealed))).first();
        assertThat(tombstone).doesNotContainKeys("wrapped", "masterKeyId").containsKey("destroyedAt");
        assertThat(vault.keys().erasedAt(subject)).contains(at);
        assertThat(vault.keys().hasLiveKey(subject)).isFalse();
        assertThat(vault.open("doc-9", kept)).as("another subject is untouched").isEqualTo(PERSONAL);
        assertThat(vault.keys().destroy(List.of(subject), at)).as("idempotent").isZero();

        Document later = vault.seal(subject, "doc-3", PERSONAL);
        assertThat(keyId(later)).as("data recorded after an erasure gets a new key").isNotEqualTo(keyId(sealed));
        assertThat(vault.open("doc-3", later)).isEqualTo(PERSONAL);
        assertThat(StoreScans.since(mark)).as("sealing, shredding and looking keys up read no collection whole").isEmpty();
    }

    @Test
    void masterKeysRotateWithoutLosingAnythingAndTheOldKeyCanGoOnceReWrapped() {
        StoreScans.Mark mark = StoreScans.mark(DATABASE);
        byte[] oldKey = random();
        byte[] newKey = random();
        String subject = subject();
        Document sealed = vault(new MasterKeys(Map.of("old", oldKey), "old")).seal(subject, "doc-1", PERSONAL);

        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("old", oldKey);
        both.put("new", newKey);
        PersonalDataVault rotated = vault(new MasterKeys(both, "new"));
        assertThat(rotated.open("doc-1", sealed)).as("mid-rotation").isEqualTo(PERSONAL);

        while (rotated.keys().rewrap(100) > 0) {
            // every key still under "old" moves to "new"
        }

        assertThat(MONGO.getCollection(SubjectKeys.KEYS).find(new Document("_id", keyId(sealed))).first().getString("masterKeyId"))
                .isEqualTo("new");
        assertThat(vault(new MasterKeys(Map.of("new", newKey), "new")).open("doc-1", sealed)).as("old key removed").isEqualTo(PERSONAL);
        assertThat(StoreScans.since(mark)).as("the re-wrap finds the keys under an older master key by index").isEmpty();
    }

    private static PersonalDataVault vault(MasterKeys masterKeys) {
        return new PersonalDataVault(new SubjectKeys(MONGO, masterKeys, Clock.systemUTC(), 100, Duration.ofMinutes(1)));
    }

    private static String keyId(Document sealed) {
        return FieldCipher.Envelope.parse(sealed.getString("name")).keyId();
    }

    private static String subject() {
        return UUID.randomUUID().toString();
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
