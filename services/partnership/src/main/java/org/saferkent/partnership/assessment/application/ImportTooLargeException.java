package org.saferkent.partnership.assessment.application;

/** A file beyond the import's bounds (bytes or rows): answered 413, nothing stored. */
public class ImportTooLargeException extends RuntimeException {

    public ImportTooLargeException(String message) {
        super(message);
    }
}
