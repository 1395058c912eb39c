package org.saferkent.partnership.web;

import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.service.Vocabulary;

/** Kent's twelve districts, by their codes ({@link District#fromCode}), for {@code @OneOf}. */
public final class KentDistricts implements Vocabulary {

    @Override
    public boolean contains(String code) {
        return District.fromCode(code).isPresent();
    }

    @Override
    public String refusal() {
        return "is not one of Kent's 12 districts";
    }
}
