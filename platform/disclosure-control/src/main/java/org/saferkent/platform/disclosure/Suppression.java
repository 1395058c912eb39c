package org.saferkent.platform.disclosure;

/** Why a count is not published. */
public enum Suppression {

    /** The count itself is too small to publish (or a 0 the rule suppresses). */
    PRIMARY,

    /** The count is publishable, but publishing it would let a suppressed count be worked out by subtraction. */
    SECONDARY
}
