package org.safemobility.eligibility;

/**
 * Fired when an admin records or changes a pathway suspension, so that what it holds or releases today is applied
 * once the change commits rather than at the next periodic sweep.
 */
public record PathwaySuspensionChanged(Pathway pathway) {
}
