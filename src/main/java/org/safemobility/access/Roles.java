package org.safemobility.access;

/** The realm roles a token carries in {@code realm_access.roles}. */
public final class Roles {
    public static final String CASEWORKER = "caseworker";
    public static final String SUPERVISOR = "supervisor";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
