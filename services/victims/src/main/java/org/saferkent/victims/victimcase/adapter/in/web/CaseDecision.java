package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.function.BiFunction;
import java.time.Instant;

import org.saferkent.victims.victimcase.domain.Change;
import org.saferkent.victims.victimcase.domain.VictimCase;

/** A validated request, ready for the case to decide on at the moment it is performed. */
@FunctionalInterface
interface CaseDecision extends BiFunction<VictimCase, Instant, Change> {
}
