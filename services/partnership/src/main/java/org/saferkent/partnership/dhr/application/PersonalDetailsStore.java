package org.saferkent.partnership.dhr.application;

import java.util.Optional;

/** Where a review's personal details are kept, apart from the review. */
public interface PersonalDetailsStore {

    void save(String reviewId, PersonalDetails details);

    Optional<PersonalDetails> find(String reviewId);
}
