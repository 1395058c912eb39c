package org.saferkent.platform.dataprotection;

/**
 * The personal data asked for was erased: its subject's data key was destroyed (on request, or by the
 * retention policy), so it can never be decrypted again. Names no subject and quotes no data.
 */
public class PersonalDataErasedException extends RuntimeException {

    public PersonalDataErasedException() {
        super("the subject's personal data was erased", null, false, false);
    }
}
