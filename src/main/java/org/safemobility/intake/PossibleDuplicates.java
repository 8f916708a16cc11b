package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Likely duplicates across offices, from their finding at registration to a caseworker's decision. A case with
 * undecided matches waits in {@code review-possible-duplicate} beside its journey; SAME_PERSON for its applicant
 * closes it as {@link CaseStatus#DUPLICATE}, linked to the earlier case; DIFFERENT_PEOPLE is kept, so the pair is never
 * asked about again. Either office's staff see the match from their own case, with the other case's number and office
 * only: never the other office's personal data.
 */
@ApplicationScoped
public class PossibleDuplicates {

    public enum Decision {
        SAME_PERSON, DIFFERENT_PEOPLE
    }

    @Schema(name = "PossibleDuplicate", description = "A person of this case and a person of another case who look alike")
    public record View(
            UUID id,
            @Schema(description = "The person of this case") UUID personId,
            @Schema(description = "Whether that person is this case's applicant (else a household member)") boolean applicant,
            LinkedCase otherCase,
            @Schema(description = "Whether the other person is the other case's applicant") boolean otherApplicant,
            @Schema(description = "How alike the names are, 0 to 1") double nameLikeness,
            List<DuplicateDetection.Reason> reasons,
            Instant foundAt,
            @Schema(description = "Absent until a caseworker of the newer case's office decides") Decision decision,
            String decidedBy,
            Instant decidedAt,
            String note) {
    }

    @Schema(name = "PossibleDuplicateList")
    public record Listing(List<View> items) {
    }

    /** Another case, named as any office may see it: its number and office, nothing about its people. */
    @Schema(name = "LinkedCase")
    public record LinkedCase(UUID id, @Schema(example = "CR-2025-000042") String caseNumber,
                             @Schema(example = "CR") String office) {
    }

    @Schema(name = "CaseLink", description = "Another case tied to this one")
    public record Link(
            @Schema(description = "DUPLICATE_OF: this case was closed as a duplicate of the other; DUPLICATED_BY: the "
                    + "other was closed as a duplicate of this one; SPLIT_FROM: this case was split from the other's "
                    + "household; SPLIT_INTO: a member of this household now has the other case")
            String kind,
            LinkedCase otherCase, UUID personId, String reason, String createdBy, Instant createdAt) {
    }

    @Inject
    DuplicateDetection detection;

    @Inject
    EntityManager em;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    OfficeScope scope;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    Event<CaseClosedByProgramme> closed;

    @Inject
    Clock clock;

    /**
     * Looks for likely matches of everyone on the case and records the new ones; opens the review when there are, in
     * the caller's transaction (the registration's, or a correction's). A closed case is not checked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void check(CaseFile c) {
        if (c.status.isClosed() || c.processInstanceId == null) {
            return;
        }
        // an open case has a review open exactly while some of its matches are undecided: ask our table, not the engine
        boolean reviewOpen = undecided(c.id) > 0;
        List<DuplicateDetection.Match> found = detection.record(c.id, detection.find(c), clock.instant());
        if (found.isEmpty()) {
            return;
        }
        if (!reviewOpen) {
            workflow.reviewPossibleDuplicate(c.processInstanceId);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matches", found.stream().map(m -> Map.of("personId", m.person().personId().toString(),
                "otherCaseId", m.otherCaseId().toString(), "reasons", m.reasons().stream().map(Enum::name).toList(),
                "nameLikeness", m.nameLikeness())).toList());
        audit.record("case.possible-duplicates-found", c.office, c.id, details);
    }

    /**
     * Opens the review again in a process that started over (a transfer's move ended the one at the sending office)
     * when undecided matches are left: now for the case's new office.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void reopenReview(CaseFile c) {
        if (undecided(c.id) > 0) { // the move ended the review with every other activity
            workflow.reviewPossibleDuplicate(c.processInstanceId);
        }
    }

    private long undecided(UUID caseId) {
        // only SQL writes possible_duplicate, so nothing the persistence context holds can change the answer: without
        // COMMIT, Hibernate would flush (dirty-check every entity of the transaction) before this count (issue 16)
        return ((Number) em.createNativeQuery(
                        "select count(*) from smo.possible_duplicate where case_id = ?1 and decision is null")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, caseId).getSingleResult()).longValue();
    }

    /** The matches of a case, whichever side it is on, as its office's staff may see them. */
    @Transactional
    public List<View> of(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, case when d.case_id = ?1 then d.person_id else d.other_person_id end,
                       case when d.case_id = ?1 then d.other_case_id else d.case_id end as other,
                       o.case_number, o.office, d.both_applicants, d.name_likeness, d.reasons, d.found_at, d.decision,
                       d.decided_by, d.decided_at, d.note,
                       (select c.applicant_person_id from smo.case_file c where c.id = ?1)
                         = case when d.case_id = ?1 then d.person_id else d.other_person_id end as mine_applicant,
                       o.applicant_person_id = case when d.case_id = ?1 then d.other_person_id else d.person_id end
                  from smo.possible_duplicate d
                  join smo.case_file o on o.id = case when d.case_id = ?1 then d.other_case_id else d.case_id end
                 where d.case_id = ?1 or d.other_case_id = ?1
                 order by d.found_at, d.id""").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new View((UUID) r[0], (UUID) r[1], (Boolean) r[13],
                new LinkedCase((UUID) r[2], (String) r[3], (String) r[4]), (Boolean) r[14],
                ((Number) r[6]).doubleValue(),
                Arrays.stream((String[]) r[7]).map(DuplicateDetection.Reason::valueOf).toList(),
                (Instant) r[8], r[9] == null ? null : Decision.valueOf((String) r[9]),
                (String) r[10], r[11] == null ? null : (Instant) r[11], (String) r[12]))
                .toList();
    }

    /**
     * Applies a caseworker's review to every undecided match of the case (each must be decided, none other named).
     *
     * @return SAME_PERSON when the applicant was found to be the same as an earlier case's (the case is then closed
     *         as a duplicate, linked to it), else DIFFERENT_PEOPLE: what the workflow routes on
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Decision decide(UUID caseId, Map<UUID, Decision> decisions, String note) {
        CaseFile c = CaseFile.findById(caseId);
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("""
                select id, other_case_id, both_applicants, person_id from smo.possible_duplicate
                 where case_id = ?1 and decision is null order by found_at, id for update""")
                .setParameter(1, caseId).getResultList();
        Set<UUID> undecided = open.stream().map(r -> (UUID) r[0]).collect(Collectors.toSet());
        List<Invalid.Violation> errors = new ArrayList<>();
        decisions.keySet().stream().filter(id -> !undecided.contains(id)).forEach(id ->
                errors.add(new Invalid.Violation("decisions", "match " + id + " is not an undecided match of this case")));
        undecided.stream().filter(id -> !decisions.containsKey(id)).forEach(id ->
                errors.add(new Invalid.Violation("decisions", "match " + id + " must be decided")));
        if (!errors.isEmpty()) {
            throw Invalid.of(errors);
        }
        String me = scope.caller().subject();
        Instant now = clock.instant();
        List<UUID> sameApplicantAs = new ArrayList<>();
        List<Map<String, Object>> audited = new ArrayList<>();
        for (Object[] row : open) {
            UUID id = (UUID) row[0];
            Decision decision = decisions.get(id);
            em.createNativeQuery("""
                    update smo.possible_duplicate set decision = ?2, decided_by = ?3, decided_at = ?4, note = ?5
                     where id = ?1""")
                    .setParameter(1, id).setParameter(2, decision.name()).setParameter(3, me).setParameter(4, now)
                    .setParameter(5, note).executeUpdate();
            if (decision == Decision.SAME_PERSON && (Boolean) row[2]) {
                sameApplicantAs.add((UUID) row[1]);
            }
            audited.add(Map.of("match", id.toString(), "otherCaseId", row[1].toString(), "decision", decision.name()));
        }
        audit.record("case.duplicates-reviewed", c.office, caseId, Map.of("decisions", audited));
        if (sameApplicantAs.isEmpty()) {
            return Decision.DIFFERENT_PEOPLE;
        }
        List<String> numbers = new ArrayList<>();
        for (UUID earlier : sameApplicantAs) {
            CaseFile other = CaseFile.findById(earlier);
            link(caseId, earlier, "DUPLICATE_OF", c.applicant.personId, note, me, now);
            numbers.add(other.caseNumber);
            audit.record("case.linked-as-duplicate", other.office, other.id,
                    Map.of("duplicateCaseId", caseId.toString(), "duplicateCaseNumber", c.caseNumber));
        }
        lifecycle.apply(caseId, CaseTransition.CONFIRMED_DUPLICATE, "the same person as " + String.join(", ", numbers));
        c.closingOutcome = ClosingOutcome.DUPLICATE;
        closed.fire(new CaseClosedByProgramme(caseId, c.office, ClosingOutcome.DUPLICATE));
        return Decision.SAME_PERSON;
    }

    void link(UUID caseId, UUID linkedCaseId, String kind, UUID personId, String reason, String by, Instant at) {
        em.createNativeQuery("""
                insert into smo.case_link (case_id, linked_case_id, kind, person_id, reason, created_by, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, caseId).setParameter(2, linkedCaseId).setParameter(3, kind).setParameter(4, personId)
                .setParameter(5, reason).setParameter(6, by).setParameter(7, at).executeUpdate();
    }

    /** The cases tied to this one, from this case's side. */
    List<Link> links(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select case when l.case_id = ?1 then l.kind
                            when l.kind = 'DUPLICATE_OF' then 'DUPLICATED_BY' else 'SPLIT_INTO' end,
                       o.id, o.case_number, o.office, l.person_id, l.reason, l.created_by, l.created_at
                  from smo.case_link l
                  join smo.case_file o on o.id = case when l.case_id = ?1 then l.linked_case_id else l.case_id end
                 where l.case_id = ?1 or l.linked_case_id = ?1
                 order by l.created_at""").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Link((String) r[0], new LinkedCase((UUID) r[1], (String) r[2], (String) r[3]),
                (UUID) r[4], (String) r[5], (String) r[6], (Instant) r[7])).toList();
    }
}
