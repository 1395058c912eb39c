package org.saferkent.victims.victimcase.domain;

/** Why a victim case was closed. */
public enum ClosureReason {
    COMPLETED, DECLINED_SUPPORT, UNABLE_TO_CONTACT, MOVED_AWAY, OTHER
}
