package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.safemobility.errors.Invalid;

/**
 * The rules a registration must meet beyond the form of each field, each with a reason a caseworker can act on.
 * Dates are judged on the office's calendar day.
 */
@ApplicationScoped
public class RegistrationPolicy {

    static final int ADULT_AGE = 18;
    static final int OLDEST_PLAUSIBLE_AGE = 120;

    public List<Invalid.Violation> violations(RegistrationRequest request, LocalDate officeToday, LocalDate officeOpenedOn) {
        List<Invalid.Violation> errors = new ArrayList<>();
        LocalDate applied = request.applicationDate();
        if (applied != null && applied.isAfter(officeToday)) {
            errors.add(new Invalid.Violation("applicationDate", "must not be in the future (today is " + officeToday
                    + " at the office)"));
        } else if (applied != null && applied.isBefore(officeOpenedOn)) {
            errors.add(new Invalid.Violation("applicationDate", "must not be before the office opened on " + officeOpenedOn));
        } else if (applied != null && applied.isBefore(officeToday)
                && (request.applicationDateReason() == null || request.applicationDateReason().isBlank())) {
            errors.add(new Invalid.Violation("applicationDateReason", "is required with an earlier applicationDate"));
        }
        if (request.applicant().personId() != null) {
            errors.add(new Invalid.Violation("applicant.personId", "is given by the service; leave it out"));
        }
        errors.addAll(applicantViolations(request.applicant(), officeToday));
        errors.addAll(request.consent().violations("consent"));
        List<HouseholdMemberDetails> household = request.householdOrEmpty();
        for (int i = 0; i < household.size(); i++) {
            HouseholdMemberDetails member = household.get(i);
            if (member.personId() != null) {
                errors.add(new Invalid.Violation("household[" + i + "].personId", "is given by the service; leave it out"));
            }
            errors.addAll(memberDocumentViolations(member, "household[" + i + "]"));
            if (member.dateOfBirth().isAfter(officeToday)) {
                errors.add(new Invalid.Violation("household[" + i + "].dateOfBirth", "must not be in the future"));
            } else if (Period.between(member.dateOfBirth(), officeToday).getYears() > OLDEST_PLAUSIBLE_AGE) {
                errors.add(new Invalid.Violation("household[" + i + "].dateOfBirth", "is more than " + OLDEST_PLAUSIBLE_AGE + " years ago"));
            }
        }
        return errors;
    }

    /** The applicant's own rules (adult, plausible dates, a document named with its number), at registration or correction. */
    public List<Invalid.Violation> applicantViolations(ApplicantDetails applicant, LocalDate officeToday) {
        List<Invalid.Violation> errors = new ArrayList<>();
        LocalDate born = applicant.dateOfBirth();
        if (born.isAfter(officeToday)) {
            errors.add(new Invalid.Violation("applicant.dateOfBirth", "must be a date in the past"));
        } else if (Period.between(born, officeToday).getYears() < ADULT_AGE) {
            errors.add(new Invalid.Violation("applicant.dateOfBirth",
                    "the registering applicant must be 18 or older; register children as household members of an adult"));
        } else if (Period.between(born, officeToday).getYears() > OLDEST_PLAUSIBLE_AGE) {
            errors.add(new Invalid.Violation("applicant.dateOfBirth", "is more than " + OLDEST_PLAUSIBLE_AGE + " years ago"));
        }
        if (applicant.arrivalDate().isBefore(born)) {
            errors.add(new Invalid.Violation("applicant.arrivalDate", "must not be before the applicant's date of birth"));
        }
        if (applicant.arrivalDate().isAfter(officeToday)) {
            errors.add(new Invalid.Violation("applicant.arrivalDate", "must not be in the future"));
        }
        if (applicant.documentNumber() != null && applicant.documentType() == null) {
            errors.add(new Invalid.Violation("applicant.documentType", "is required when documentNumber is given"));
        }
        if (applicant.documentType() != null && (applicant.documentNumber() == null || applicant.documentNumber().isBlank())) {
            errors.add(new Invalid.Violation("applicant.documentNumber", "is required when documentType is given"));
        }
        return errors;
    }

    /** A member's document is named with its number, like the applicant's. */
    public List<Invalid.Violation> memberDocumentViolations(HouseholdMemberDetails member, String path) {
        List<Invalid.Violation> errors = new ArrayList<>();
        if (member.documentNumber() != null && member.documentType() == null) {
            errors.add(new Invalid.Violation(path + ".documentType", "is required when documentNumber is given"));
        }
        if (member.documentType() != null && (member.documentNumber() == null || member.documentNumber().isBlank())) {
            errors.add(new Invalid.Violation(path + ".documentNumber", "is required when documentType is given"));
        }
        return errors;
    }
}
