package org.saferkent.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;

/**
 * Reading a duplicate-key error (one helper for every store write that meets one). On an upsert whose filter is more than the {@code _id}, it means
 * "the document exists (someone may have created it a moment ago) and did not match", never
 * "already done": what the upsert was for is then decided by a plain update of the document that
 * now exists, or by a retry.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean is(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
