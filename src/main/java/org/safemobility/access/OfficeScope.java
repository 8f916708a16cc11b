package org.safemobility.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotAllowed;
import org.safemobility.errors.NotFound;

/**
 * The one place where office scope is enforced. Staff act only in the offices their token names; a record of
 * another office is reported as not found, so that its existence does not leak across offices.
 */
@RequestScoped
public class OfficeScope {

    @Inject
    CurrentCaller current;

    @Inject
    OfficeDirectory directory;

    /**
     * The office the caller acts in when creating something: the one requested, or, when none is named, the
     * caller's only office. An unknown code is a client error (400); a known office the caller does not work for
     * is 403.
     */
    public Office officeToActIn(String requested, String field) {
        if (requested == null) {
            if (current.get().offices().size() == 1) {
                return known(current.get().offices().iterator().next(), field);
            }
            if (current.get().offices().isEmpty()) {
                throw new NotAllowed("your account is not assigned to any office");
            }
            throw Invalid.of(field,
                    "is required because you work for several offices (" + String.join(", ", sorted(current.get().offices())) + ")");
        }
        Office office = known(requested, field);
        if (!current.get().worksFor(office.code())) {
            throw new NotAllowed("you do not work for office " + office.code());
        }
        return office;
    }

    /**
     * The office the caller asks about: admins may ask about any known office; staff about their own, as in
     * {@link #officeToActIn}.
     */
    public Office officeToInspect(String requested, String field) {
        if (current.get().hasRole(Roles.ADMIN)) {
            if (requested == null) {
                throw Invalid.of(field, "is required");
            }
            return known(requested, field);
        }
        return officeToActIn(requested, field);
    }

    /** For filters: the named office must be one the caller works for (403 otherwise). */
    public Set<String> officesToRead(String requested, String field) {
        return requested == null ? current.get().offices() : Set.of(officeToActIn(requested, field).code());
    }

    /** Throws 404 unless the caller works for the given office. */
    public void requireVisible(String office, String notFoundDetail) {
        if (office == null || !current.get().worksFor(office)) {
            throw new NotFound(notFoundDetail);
        }
    }

    public Caller caller() {
        return current.get();
    }

    private Office known(String code, String field) {
        return directory.find(code).orElseThrow(() -> Invalid.of(field,
                "unknown office " + code + "; offices are " + String.join(", ", directory.all().keySet())));
    }

    private static Set<String> sorted(Set<String> values) {
        return new TreeSet<>(values);
    }
}
