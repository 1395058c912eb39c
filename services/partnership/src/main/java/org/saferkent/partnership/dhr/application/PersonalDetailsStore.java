package org.saferkent.partnership.dhr.application;

import java.time.Instant;
import java.util.Optional;

/** Where a review's personal details are kept, apart from the review. */
public interface PersonalDetailsStore {

    void save(String reviewId, PersonalDetails details);

    /**
     * @throws org.saferkent.platform.dataprotection.PersonalDataErasedException when they were erased
     */
    Optional<PersonalDetails> find(String reviewId);

    /**
     * Shreds the review's personal details for good (its data key destroyed: what was sealed with it can never be
     * read again) and records when. Idempotent.
     *
     * @return how many live keys were destroyed (0 when there were none, or they were destroyed already)
     */
    long erase(String reviewId, Instant at);
}
