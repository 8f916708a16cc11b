package org.safemobility.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, read off the validated access token once. Request-scoped, so
 * application-scoped services can hold it and still see the caller of the request they serve.
 */
@RequestScoped
public class CurrentCaller {

    static final String OFFICE_CLAIM = "office";
    static final String PARTNER_CLAIM = "partner";
    private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z]{2}");

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    StaffDirectory staff;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = read();
            staff.seen(caller);
        }
        return caller;
    }

    private Caller read() {
        if (identity.isAnonymous()) {
            return new Caller("anonymous", "anonymous", Set.of(), Set.of(), Optional.empty());
        }
        Set<String> offices = new LinkedHashSet<>();
        for (String office : claimValues(token.getClaim(OFFICE_CLAIM))) {
            String code = office.trim().toUpperCase();
            if (OFFICE_CODE.matcher(code).matches()) {
                offices.add(code);
            }
        }
        Optional<String> partner = claimValues(token.getClaim(PARTNER_CLAIM)).stream().findFirst();
        String name = Optional.ofNullable(token.<Object>getClaim("preferred_username")).map(CurrentCaller::text)
                .orElse(identity.getPrincipal().getName());
        return new Caller(token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName(), name,
                Set.copyOf(identity.getRoles()), Set.copyOf(offices), partner);
    }

    /** A claim may be a single string or an array of strings (Keycloak emits either, depending on the mapper). */
    static Collection<String> claimValues(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim == null) {
            return values;
        }
        if (claim instanceof JsonArray array) {
            array.forEach(v -> values.add(text(v)));
        } else if (claim instanceof Iterable<?> items) {
            items.forEach(v -> values.add(text(v)));
        } else {
            values.add(text(claim));
        }
        values.removeIf(String::isBlank);
        return values;
    }

    private static String text(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonValue v && v.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return String.valueOf(value);
    }
}
