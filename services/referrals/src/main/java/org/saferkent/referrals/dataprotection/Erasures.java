package org.saferkent.referrals.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.referrals.referral.adapter.out.persistence.PersonalDetailsStore;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure on request (UK GDPR Art. 17): destroys the data keys of every pseudonym the person has had (under earlier
 * secrets, and at every address their history was joined from, found by any one of them), so
 * each of their referrals' personal details is shredded at once, and announces it
 * ({@code referrals.SubjectErased.v1}) for the services holding copies. The referrals themselves, their
 * events and the pseudonymous subject index stay: they hold no personal data, and the partnership's
 * statistics and safeguarding history do not change; only the history's link keys (name and date of birth,
 * keyed) go, so no namesake is joined to it by them. Details written before encryption (plain text, no
 * key to destroy) are overwritten instead.
 */
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    /** Who to erase: a pseudonym, or the identifiers the pseudonymiser takes. */
    public record Subject(String pseudonym, String name, LocalDate dateOfBirth, String postcode) {
        @Override
        public String toString() {
            return "Subject[redacted]";
        }
    }

    private final Pseudonymiser pseudonymiser;
    private final SubjectIndex index;
    private final PersonalDetailsStore details;
    private final SubjectKeys keys;
    private final AggregateStore<Erasure> erasures;
    private final Clock clock;

    public Erasures(Pseudonymiser pseudonymiser, SubjectIndex index, PersonalDetailsStore details, SubjectKeys keys,
            AggregateStore<Erasure> erasures, Clock clock) {
        this.pseudonymiser = pseudonymiser;
        this.index = index;
        this.details = details;
        this.keys = keys;
        this.erasures = erasures;
        this.clock = clock;
    }

    /**
     * @param erasedBy         who asks (the person's name, or the client's id)
     * @param requestReference the data subject's request this carries out
     */
    public Erasure erase(Subject subject, String erasedBy, String requestReference) {
        List<String> given = new ArrayList<>();
        if (subject.pseudonym() != null) {
            given.add(subject.pseudonym());
        } else {
            given.add(pseudonymiser.pseudonym(subject.name(), subject.dateOfBirth(), subject.postcode()));
            given.addAll(pseudonymiser.previousPseudonyms(subject.name(), subject.dateOfBirth(), subject.postcode()));
        }
        Set<String> all = new LinkedHashSet<>(index.allPseudonymsOf(given));
        String current = currentOf(all, given);
        Instant now = clock.instant();
        long destroyed = keys.destroy(all, now);
        // after the keys: from here the store refuses the plain documents anyway (the subject is erased), so a
        // crash before this line serves nothing, and the request can be made again to overwrite them
        int overwritten = details.eraseUnsealed(all, now);
        // the person's name and date of birth, keyed, link their history across addresses: gone with them
        index.forgetLinkKeys(all);
        String id = UUID.randomUUID().toString();
        Erasure erasure = new Erasure(id, current, List.copyOf(all), destroyed, now, erasedBy, requestReference);
        erasures.insert(id, erasure, List.of(erasure.announcement()));
        log.info("Erasure {}: {} data key(s) destroyed across {} pseudonym(s), {} unsealed details document(s) overwritten", id,
                destroyed, all.size(), overwritten);
        return erasure;
    }

    /** The pseudonym the subject is known by now: the index's entry if any, else the one given or made with the current secret. */
    private String currentOf(Set<String> all, List<String> given) {
        return all.stream().filter(index::isIndexed).findFirst().orElse(given.get(0));
    }
}
