package org.saferkent.commissioning.contract.adapter.in.web;

/** The contract ends early: its last day and why. */
record EndRequest(String endDate, String reason) {
}
