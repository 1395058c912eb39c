package org.saferkent.rj.youthjustice.application;

import java.util.Collection;
import java.util.Set;

/** Who took part in restorative justice as the offender: answered by the RJ cases, asked by the reoffending measure. */
@FunctionalInterface
public interface RjParticipation {

    /** Of {@code pseudonyms}, those who took part in a restorative intervention as the offender. */
    Set<String> offendersWhoTookPart(Collection<String> pseudonyms);
}
