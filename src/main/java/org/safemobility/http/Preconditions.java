package org.safemobility.http;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Conditional writes: a change to a versioned record needs {@code If-Match} with the record's ETag (428 without it,
 * 412 when it is not the current one, 400 when it is not an entity tag at all). If-Match uses the strong comparison
 * (RFC 9110, 13.1.1): a weak tag ({@code W/"3"}) never matches.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void requireIfMatch(HttpHeaders headers, String what, long currentVersion) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the " + what + "'s ETag (its version) so that edits never overwrite each other");
        }
        String version = Long.toString(currentVersion);
        boolean matches = false;
        for (String tag : ifMatch.split(",")) {
            tag = tag.strip();
            if (tag.equals("*")) {
                matches = true;
            } else if (tag.startsWith("W/\"") && tag.endsWith("\"") && tag.length() >= 4) {
                // RFC 9110, 13.1.1: If-Match compares strongly, and a weak tag never matches
            } else if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") && tag.indexOf('"', 1) == tag.length() - 1) {
                matches |= tag.substring(1, tag.length() - 1).equals(version);
            } else {
                throw ApiException.invalid(HttpHeaders.IF_MATCH, "must be the " + what + "'s ETag, e.g. \"3\"");
            }
        }
        if (!matches) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED, "the " + what + " is at version " + version
                    + ", not the one in If-Match; read it again and reapply your change");
        }
    }
}
