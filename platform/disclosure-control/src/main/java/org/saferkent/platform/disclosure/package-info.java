/**
 * Statistical disclosure control for the partnership's published aggregates: {@link
 * org.saferkent.platform.disclosure.DisclosureControl} takes a {@link org.saferkent.platform.disclosure.CountTable}
 * and an audience and returns a {@link org.saferkent.platform.disclosure.PublishedTable}. Plain Java: the
 * Spring Boot settings live in {@code org.saferkent.platform.disclosure.autoconfigure}.
 */
package org.saferkent.platform.disclosure;
