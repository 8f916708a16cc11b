package org.safemobility.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the access token says: subject, display name, roles, the offices they work for (claim
 * {@code office}) and, for resettlement partners, the partner they belong to (claim {@code partner}).
 */
public record Caller(String subject, String name, Set<String> roles, Set<String> offices, Optional<String> partner) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean worksFor(String office) {
        return offices.contains(office);
    }
}
