package org.safemobility.intake;

/** Fired in the registration's transaction; observers that count act only once it commits. */
public record CaseRegistered(String office, String nationality) {
}
