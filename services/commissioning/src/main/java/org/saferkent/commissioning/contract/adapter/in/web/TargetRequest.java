package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;

/** {@code {"measure": "cope-and-recover-share", "target": 0.8, "amberWithin": 0.05}}. */
record TargetRequest(String measure, BigDecimal target, BigDecimal amberWithin) {
}
