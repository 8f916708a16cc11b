package org.safemobility.errors;

/** The office's registrations for the day reached its daily quota; intake opens again in {@link #retryAfterSeconds()}. */
public class QuotaReached extends DomainException {

    private final long retryAfterSeconds;

    public QuotaReached(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
