package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for people already registered at any office (people move between host countries) who are likely the same as
 * someone on a case: a name alike whatever its accents, word order or small typos, a date of birth that is the same,
 * has its day and month swapped or one digit off, the nationality, and the identity document. Candidates are read
 * through indexes: by document, or as people born on one of the likely days (the day and each of its likely
 * mistypings) who share the sound of a name word ({@code person_search.birth_codes}); only they are compared by
 * {@code smo.name_likeness}; the thresholds are configuration
 * ({@code smo.duplicates.*}), measured with {@code scripts/benchmark.sh duplicates}.
 */
@ApplicationScoped
public class DuplicateDetection {

    /** Why two people look alike; what a review shows (never the other person's data). */
    public enum Reason {
        SAME_DOCUMENT, SAME_DATE_OF_BIRTH, BIRTH_DAY_AND_MONTH_SWAPPED, BIRTH_DATE_ONE_DIGIT_OFF, SAME_NATIONALITY,
        SIMILAR_NAME
    }

    /** Someone on the case being checked. */
    record Person(UUID personId, boolean applicant, String givenName, String familyName, LocalDate dateOfBirth,
                  String nationality, String documentIndex) {

        static Person applicantOf(CaseFile c) {
            Applicant a = c.applicant;
            return new Person(a.personId, true, a.givenName, a.familyName, a.dateOfBirth, a.nationality, a.documentIndex);
        }

        static Person memberOf(HouseholdMember m) {
            return new Person(m.personId, false, m.givenName, m.familyName, m.dateOfBirth, m.nationality, m.documentIndex);
        }
    }

    /** A likely match of one person of the case with a person of another case. */
    record Match(Person person, UUID otherCaseId, UUID otherPersonId, boolean otherApplicant, double nameLikeness,
                 List<Reason> reasons) {
    }

    @Inject
    EntityManager em;

    /** Name likeness enough with the same date of birth and nationality. */
    @ConfigProperty(name = "smo.duplicates.name-likeness", defaultValue = "0.7")
    double nameLikeness;

    /** With a date of birth that only looks mistyped (day and month swapped, one digit off), the names must agree more. */
    @ConfigProperty(name = "smo.duplicates.name-likeness-near-birth-date", defaultValue = "0.8")
    double nearBirthDate;

    /** With different nationalities (a mistyped one, or a second passport), the names must agree more still. */
    @ConfigProperty(name = "smo.duplicates.name-likeness-other-nationality", defaultValue = "0.9")
    double otherNationality;

    /** The same document number needs only names that are not unrelated (a transliteration, a changed family name). */
    @ConfigProperty(name = "smo.duplicates.name-likeness-same-document", defaultValue = "0.4")
    double sameDocument;

    /** At most this many matches per person, the likeliest first: a review is read by a person. */
    @ConfigProperty(name = "smo.duplicates.max-per-person", defaultValue = "5")
    int maxPerPerson;

    /** The likely matches of the case's applicant and household with people of other cases, not yet decided. */
    List<Match> find(CaseFile c) {
        List<Match> found = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        people.add(Person.applicantOf(c));
        c.household.stream().map(Person::memberOf).forEach(people::add);
        // the search rows are kept by triggers from the case tables: one flush makes them current for every person's
        // query, which then skip Hibernate's flush-before-native-query (a dirty check of every entity, each time)
        em.flush();
        for (Person person : people) {
            found.addAll(find(c.id, person));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<Match> find(UUID caseId, Person person) {
        double least = Math.min(Math.min(nameLikeness, nearBirthDate), Math.min(otherNationality, sameDocument));
        // q is materialized so that what it computes from the parameters is computed once, not once per row read
        List<Object[]> rows = em.createNativeQuery("""
                with q as materialized (
                    select smo.search_fold(?1) as given, smo.search_fold(?2) as family, nullif(?4, '') as document,
                           array(select d || ' ' || c from unnest(string_to_array(?3, ',')) d,
                                                             unnest(smo.search_codes(?1 || ' ' || ?2)) c) as keys)
                select p.person_id, p.applicant, p.case_id, p.date_of_birth, p.nationality, p.document = q.document,
                       smo.name_likeness(q.given, q.family, p.given_name, p.family_name) as likeness
                  from q, smo.person_search p
                  join smo.case_file c on c.id = p.case_id
                 where p.case_id <> ?5 and c.status <> 'DUPLICATE'
                   and (p.birth_codes && q.keys or p.document = q.document)
                   and smo.name_likeness(q.given, q.family, p.given_name, p.family_name) >= ?6
                   and not exists (select 1 from smo.possible_duplicate d
                                    where least(d.person_id, d.other_person_id) = least(?7, p.person_id)
                                      and greatest(d.person_id, d.other_person_id) = greatest(?7, p.person_id))
                 order by likeness desc
                 limit 50""")
                .setFlushMode(FlushModeType.COMMIT) // flushed once by the caller
                .setParameter(1, person.givenName())
                .setParameter(2, person.familyName())
                .setParameter(3, birthDates(person.dateOfBirth()).stream().map(LocalDate::toString)
                        .collect(Collectors.joining(",")))
                .setParameter(4, person.documentIndex() == null ? "" : person.documentIndex()) // blind indexes: equal documents, equal keys
                .setParameter(5, caseId)
                .setParameter(6, least)
                .setParameter(7, person.personId())
                .getResultList();
        List<Match> matches = new ArrayList<>();
        for (Object[] row : rows) {
            LocalDate born = row[3] instanceof LocalDate d ? d : ((java.sql.Date) row[3]).toLocalDate();
            boolean sameNationality = person.nationality().equals(row[4]);
            boolean sameDocumentNumber = Boolean.TRUE.equals(row[5]);
            double likeness = ((Number) row[6]).doubleValue();
            Reason birth = birthReason(person.dateOfBirth(), born);
            double required = birth == null ? Double.MAX_VALUE
                    : birth == Reason.SAME_DATE_OF_BIRTH ? nameLikeness : nearBirthDate;
            if (!sameNationality) {
                required = Math.max(required, otherNationality);
            }
            if (likeness < required && !(sameDocumentNumber && likeness >= sameDocument)) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            if (sameDocumentNumber) {
                reasons.add(Reason.SAME_DOCUMENT);
            }
            if (birth != null) {
                reasons.add(birth);
            }
            if (sameNationality) {
                reasons.add(Reason.SAME_NATIONALITY);
            }
            reasons.add(Reason.SIMILAR_NAME);
            matches.add(new Match(person, (UUID) row[2], (UUID) row[0], (Boolean) row[1],
                    Math.round(likeness * 100) / 100.0, reasons));
            if (matches.size() == maxPerPerson) {
                break;
            }
        }
        return matches;
    }

    /** Records the matches found for the case (a pair already known, in either order, is skipped); returns the new ones. */
    List<Match> record(UUID caseId, List<Match> matches, Instant at) {
        List<Match> recorded = new ArrayList<>();
        for (Match m : matches) {
            int inserted = em.createNativeQuery("""
                    insert into smo.possible_duplicate (id, case_id, person_id, other_case_id, other_person_id,
                                                        both_applicants, name_likeness, reasons, found_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as text[]), ?9)
                    on conflict do nothing""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, caseId)
                    .setParameter(3, m.person().personId())
                    .setParameter(4, m.otherCaseId())
                    .setParameter(5, m.otherPersonId())
                    .setParameter(6, m.person().applicant() && m.otherApplicant())
                    .setParameter(7, m.nameLikeness())
                    .setParameter(8, m.reasons().stream().map(Enum::name).collect(Collectors.joining(",", "{", "}")))
                    .setParameter(9, at)
                    .executeUpdate();
            if (inserted == 1) {
                recorded.add(m);
            }
        }
        return recorded;
    }

    /**
     * The dates a date of birth is likely mistyped from or as: itself, its day and month swapped, and every valid date
     * one digit away in {@code yyyyMMdd}.
     */
    static Set<LocalDate> birthDates(LocalDate born) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        dates.add(born);
        if (born.getDayOfMonth() <= 12) {
            parse(born.getYear(), born.getDayOfMonth(), born.getMonthValue(), dates);
        }
        char[] digits = digits(born);
        for (int i = 0; i < digits.length; i++) {
            char kept = digits[i];
            for (char d = '0'; d <= '9'; d++) {
                if (d != kept) {
                    digits[i] = d;
                    String s = new String(digits);
                    parse(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                            Integer.parseInt(s.substring(6, 8)), dates);
                }
            }
            digits[i] = kept;
        }
        return dates;
    }

    /** How a candidate's date of birth relates to the person's, or null when it is not a likely mistyping. */
    static Reason birthReason(LocalDate a, LocalDate b) {
        if (a.equals(b)) {
            return Reason.SAME_DATE_OF_BIRTH;
        }
        if (a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return Reason.BIRTH_DAY_AND_MONTH_SWAPPED;
        }
        char[] x = digits(a);
        char[] y = digits(b);
        int differing = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                differing++;
            }
        }
        return differing == 1 ? Reason.BIRTH_DATE_ONE_DIGIT_OFF : null;
    }

    /** YYYYMMDD as digits; arithmetic, not String.format, which was a twentieth of a registration's CPU (issue 16). */
    private static char[] digits(LocalDate date) {
        int yyyymmdd = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        char[] digits = new char[8];
        for (int i = 7; i >= 0; i--) {
            digits[i] = (char) ('0' + yyyymmdd % 10);
            yyyymmdd /= 10;
        }
        return digits;
    }

    private static void parse(int year, int month, int day, Set<LocalDate> into) {
        if (year < 1900) {
            return; // "0990" for "1990" is no one's date of birth (and PostgreSQL has no year 0)
        }
        // a mistyping that is not a date cannot be what was typed; checked rather than caught: a third of a date's 72
        // mistypings are no date, and each exception filled in the stack trace of the whole request (issue 16)
        if (month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()) {
            into.add(LocalDate.of(year, month, day));
        }
    }
}
