package org.safemobility.access;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as the access token says: subject, display name, roles, the offices they work for (claim
 * {@code office}) and, for resettlement partners, the partner they belong to (claim {@code partner}).
 */
public record Caller(String subject, String name, Set<String> roles, Set<String> offices, Optional<String> partner) {

    /** Suffix of the task group of an office's supervisors: {@code GT-supervisors}. */
    public static final String SUPERVISORS = "-supervisors";

    /**
     * The workflow groups the caller belongs to: the office code for its staff (caseworker tasks), and
     * {@code <office>-supervisors} for its supervisors, who may also do caseworker tasks.
     */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        if (hasRole(Roles.CASEWORKER) || hasRole(Roles.SUPERVISOR)) {
            groups.addAll(offices);
        }
        if (hasRole(Roles.SUPERVISOR)) {
            offices.forEach(office -> groups.add(office + SUPERVISORS));
        }
        return groups;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean worksFor(String office) {
        return offices.contains(office);
    }
}
