package org.safemobility.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.codes.LanguageCode;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.StaleVersion;

/**
 * Corrections to a case between steps: the applicant's contact details and the household. A JSON merge patch
 * (RFC 7396) sent with {@code If-Match: "<version>"}: a stale version is 412, none is 428, so two people editing
 * the same case never overwrite each other unknowingly. Identity and eligibility inputs are not edited here; consent
 * to sharing is, because an applicant may give it after registering (a case without it cannot be referred).
 */
@ApplicationScoped
public class CaseEdits {

    static final Set<String> EDITABLE = Set.of("applicant", "household", "consent");
    static final Set<String> EDITABLE_APPLICANT = Set.of("phone", "email", "preferredLanguage");

    /** The editable part of a case, as a merge patch carries it (absent = unchanged, null = cleared). */
    public record Edit(@Valid Contact applicant, @Size(max = 30) List<@NotNull @Valid HouseholdMemberDetails> household,
                @Valid ConsentChange consent) {
    }

    /**
     * The applicant gives (or takes back) consent to sharing after registration; {@code given} is the older name of
     * {@code partnerSharing}. Consent to processing is withdrawn through the case's consent resource, as it closes and
     * erases the case.
     */
    public record ConsentChange(Boolean partnerSharing, Boolean hostGovernmentSharing,
                                @Schema(deprecated = true, description = "The older name of partnerSharing") Boolean given) {
    }

    @Inject
    Consents consents;

    public record Contact(
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an international number in E.164 form, e.g. +50212345678")
            String phone,
            @Email @Size(max = 254) String email,
            @LanguageCode String preferredLanguage) {
    }

    @Inject
    OfficeScope scope;

    @Inject
    OfficeDirectory offices;

    @Inject
    RegistrationPolicy policy;

    @Inject
    PossibleDuplicates duplicates;

    @Inject
    ObjectMapper json;


    @Inject
    AuditTrail audit;

    @Inject
    CaseViews views;

    @Inject
    Clock clock;

    /** Checks the caller's version of the case (If-Match) against the current one, before anything changes. */
    @FunctionalInterface
    public interface VersionCheck {
        void require(long currentVersion);
    }

    /**
     * Reads a merge patch into an {@link Edit}, refusing fields that cannot be changed here (each named); the edit's
     * own constraints are checked by Bean Validation when it is applied.
     */
    public Edit read(JsonNode patch) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw Invalid.of("body", "must be a JSON object (a merge patch)");
        }
        List<Invalid.Violation> refused = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!EDITABLE.contains(name)) {
                refused.add(new Invalid.Violation(name, "cannot be changed here; editable are applicant contact details, household and consent"));
            }
        });
        JsonNode applicant = patch.get("applicant");
        if (applicant != null && !applicant.isNull()) {
            if (!applicant.isObject()) {
                refused.add(new Invalid.Violation("applicant", "must be an object"));
            } else {
                for (Iterator<String> names = applicant.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!EDITABLE_APPLICANT.contains(name)) {
                        refused.add(new Invalid.Violation("applicant." + name, "cannot be changed here; editable are "
                                + String.join(", ", EDITABLE_APPLICANT.stream().sorted().toList())));
                    }
                }
            }
        } else if (applicant != null) {
            refused.add(new Invalid.Violation("applicant", "cannot be removed"));
        }
        JsonNode consent = patch.get("consent");
        if (consent != null && !consent.isObject()) {
            refused.add(new Invalid.Violation("consent", "must be an object such as {\"partnerSharing\": true}"));
        } else if (consent != null) {
            consent.fieldNames().forEachRemaining(name -> {
                if (name.equals("processing")) {
                    refused.add(new Invalid.Violation("consent.processing", "is withdrawn with POST /api/v1/cases/{id}/consent "
                            + "(it closes the case and erases its personal data), not in a patch"));
                } else if (!Set.of("partnerSharing", "hostGovernmentSharing", "given").contains(name)) {
                    refused.add(new Invalid.Violation("consent." + name, "is not a purpose; editable are partnerSharing and "
                            + "hostGovernmentSharing"));
                } else if (!consent.get(name).isBoolean()) {
                    refused.add(new Invalid.Violation("consent." + name, "must be true or false"));
                }
            });
            if (consent.has("given") && consent.has("partnerSharing")) {
                refused.add(new Invalid.Violation("consent.given", "is the older name of partnerSharing: give one of them"));
            }
        }
        if (!refused.isEmpty()) {
            throw Invalid.of(refused);
        }
        return json.treeToValue(patch, Edit.class);
    }

    /**
     * Applies the edit read from {@code patch} (whose keys say what is present: absent is unchanged, null is cleared)
     * once {@code versionCheck} accepts the case's current version.
     */
    @Transactional
    public CaseView patch(UUID caseId, VersionCheck versionCheck, @NotNull @Valid Edit body, JsonNode patch) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        versionCheck.require(c.version);
        if (c.status.isClosed()) {
            throw new Conflict("case " + c.caseNumber + " is " + c.status + " and can no longer be edited");
        }
        List<String> changed = apply(c, body, patch);
        if (!changed.isEmpty()) {
            c.updatedAt = clock.instant();
            try {
                CaseFile.flush();
            } catch (OptimisticLockException e) {
                throw new StaleVersion("the case changed while it was being edited; read it again");
            }
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("fields", changed);
            audit.record("case.updated", c.office, c.id, details);
            if (changed.contains("household")) {
                duplicates.check(c); // a member added or retyped is compared like at registration
            }
        }
        if (body.consent() != null) { // recorded (and audited) purpose by purpose, with what withdrawing sets off
            ConsentChange consent = body.consent();
            Boolean sharing = consent.partnerSharing() != null ? consent.partnerSharing() : consent.given();
            if (sharing != null) {
                consents.change(c.id, new Consents.Change(Consent.Purpose.PARTNER_SHARING, sharing, null));
            }
            if (consent.hostGovernmentSharing() != null) {
                consents.change(c.id, new Consents.Change(Consent.Purpose.HOST_GOVERNMENT_SHARING,
                        consent.hostGovernmentSharing(), null));
            }
        }
        return views.of(c);
    }

    private List<String> apply(CaseFile c, Edit edit, JsonNode patch) {
        List<String> changed = new ArrayList<>();
        JsonNode applicant = patch.path("applicant");
        if (applicant.has("phone")) {
            c.applicant.phone(edit.applicant().phone());
            changed.add("applicant.phone");
        }
        if (applicant.has("email")) {
            c.applicant.email = edit.applicant().email() == null ? null : edit.applicant().email().strip();
            changed.add("applicant.email");
        }
        if (applicant.has("preferredLanguage")) {
            c.applicant.preferredLanguage = edit.applicant().preferredLanguage();
            changed.add("applicant.preferredLanguage");
        }
        if (patch.has("household")) {
            List<HouseholdMemberDetails> members = edit.household() == null ? List.of() : edit.household();
            LocalDate officeToday = LocalDate.now(clock.withZone(offices.find(c.office).orElseThrow().zone()));
            java.util.Set<java.util.UUID> onCase = c.household.stream().map(m -> m.personId)
                    .collect(java.util.stream.Collectors.toSet());
            java.util.Set<java.util.UUID> kept = new java.util.HashSet<>();
            List<Invalid.Violation> errors = new java.util.ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                HouseholdMemberDetails member = members.get(i);
                if (member.dateOfBirth().isAfter(officeToday)) {
                    errors.add(new Invalid.Violation("household[" + i + "].dateOfBirth", "must not be in the future"));
                }
                if (member.personId() != null && (!onCase.contains(member.personId()) || !kept.add(member.personId()))) {
                    errors.add(new Invalid.Violation("household[" + i + "].personId",
                            "is not a member of this household (leave it out for a new member), or is given twice"));
                }
                errors.addAll(policy.memberDocumentViolations(member, "household[" + i + "]"));
            }
            if (!errors.isEmpty()) {
                throw Invalid.of(errors);
            }
            c.household.clear();
            members.stream().map(CaseRegistration::member).forEach(c.household::add);
            changed.add("household");
        }
        return changed;
    }
}
