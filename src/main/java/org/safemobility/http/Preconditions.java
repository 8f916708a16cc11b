package org.safemobility.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;

/**
 * Conditional writes: a change to a versioned record needs {@code If-Match} with the record's ETag (428 without it,
 * 412 when it is not the current one), evaluated by JAX-RS' own {@link Request#evaluatePreconditions(EntityTag)}.
 * A weak tag ({@code W/"3"}) names the same version, since our ETags are versions, not byte-for-byte digests.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void requireIfMatch(Request request, HttpHeaders headers, String what, long currentVersion) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the " + what + "'s ETag (its version) so that edits never overwrite each other");
        }
        String version = Long.toString(currentVersion);
        boolean matches;
        try {
            matches = request.evaluatePreconditions(new EntityTag(version)) == null
                    || request.evaluatePreconditions(new EntityTag(version, true)) == null;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(HttpHeaders.IF_MATCH, "must be the " + what + "'s ETag, e.g. \"3\"");
        }
        if (!matches) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED, "the " + what + " is at version " + version
                    + ", not the one in If-Match; read it again and reapply your change");
        }
    }
}
