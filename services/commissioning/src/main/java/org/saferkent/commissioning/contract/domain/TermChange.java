package org.saferkent.commissioning.contract.domain;

/** One term a variation or an ending changed, as text: what it was and what it became. */
public record TermChange(String term, String from, String to) {
}
