package org.saferkent.commissioning.contract.adapter.in.web;

/** {@code {"start": "2026-04-01", "end": "2029-03-31"}}: first and last day, both included. */
record PeriodRequest(String start, String end) {
}
