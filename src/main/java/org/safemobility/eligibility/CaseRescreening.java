package org.safemobility.eligibility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safemobility.access.Office;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CaseFacts;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseStatus;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.Decisions;

/**
 * Re-screening: when the rules widen (an expansion, an extension), people who were turned away may now be eligible.
 * Every closed-ineligible case of an office is asked again, as if applying today, with the rules in force; for each
 * that is now eligible, a caseworker of the office gets a {@code review-rescreen} task with the new explanation.
 * Cases are taken in batches, each in its own transaction, so that a hundred thousand closed cases never hold one
 * transaction; a case gets at most one task per rules version, so running it again opens nothing twice.
 */
@ApplicationScoped
public class CaseRescreening {

    private static final Logger LOG = Logger.getLogger(CaseRescreening.class);

    /** What re-screening an office found. */
    public record Result(String office, int decisionVersion, LocalDate applicationDate, long checked, long nowEligible,
                         long tasksOpened, long alreadyUnderReview) {
    }

    @ConfigProperty(name = "smo.rescreening.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    EligibilityRules rules;

    @Inject
    CaseQueries cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Re-screens every closed-ineligible case of the office; not transactional itself, one transaction per batch. */
    public Result rescreen(Office office) {
        Decisions.Version version = rules.active();
        LocalDate today = LocalDate.now(clock.withZone(office.zone()));
        Tally tally = new Tally();
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first
        while (true) {
            UUID from = after;
            UUID last = QuarkusTransaction.requiringNew().call(() -> batch(office, version, today, from, tally));
            if (last == null) {
                break;
            }
            after = last;
        }
        LOG.infof("re-screened office %s with rules version %d: %d checked, %d now eligible, %d tasks opened",
                office.code(), version.version(), tally.checked, tally.nowEligible, tally.tasksOpened);
        return new Result(office.code(), version.version(), today, tally.checked, tally.nowEligible, tally.tasksOpened,
                tally.alreadyUnderReview);
    }

    /** Running counts across the batches of one re-screening. */
    private static final class Tally {
        long checked;
        long nowEligible;
        long tasksOpened;
        long alreadyUnderReview;
    }

    /** One batch; returns the last case id seen, or null when there were no more cases. */
    private UUID batch(Office office, Decisions.Version version, LocalDate today, UUID after, Tally tally) {
        List<CaseFacts> cases = this.cases.inStatus(office.code(), CaseStatus.CLOSED_INELIGIBLE, after, batchSize);
        if (cases.isEmpty()) {
            return null;
        }
        Set<UUID> underReview = openFindings(cases.stream().map(CaseFacts::id).toList());
        for (CaseFacts c : cases) {
            tally.checked++;
            EligibilityAnswer answer = rules.answer(new EligibilityQuestion(c.office(), c.nationality(),
                    c.arrivalDate(), today), version);
            if (!answer.eligible()) {
                continue;
            }
            tally.nowEligible++;
            if (underReview.contains(c.id())) {
                tally.alreadyUnderReview++;
                continue;
            }
            if (recordFinding(c.id(), answer)) {
                lifecycle.processStarted(c.id(), workflow.startRescreenReview(c.id(), c.office()));
                tally.tasksOpened++;
                audit.record("eligibility.rescreened", c.office(), c.id(),
                        CaseEligibility.decisionDetails(true, answer.ruleId(), answer.decisionVersion()));
            }
        }
        return cases.get(cases.size() - 1).id();
    }

    private boolean recordFinding(UUID caseId, EligibilityAnswer answer) {
        return em.createNativeQuery("""
                        insert into smo.rescreening (case_id, decision_version, eligible_pathways, rule_id, reason,
                                                     application_date, opened_at)
                        values (?1, ?2, cast(?3 as text[]), ?4, ?5, ?6, ?7)
                        on conflict (case_id, decision_version) do nothing""")
                .setParameter(1, caseId).setParameter(2, answer.decisionVersion())
                .setParameter(3, "{" + String.join(",", answer.pathways().stream().map(Enum::name).toList()) + "}")
                .setParameter(4, answer.ruleId()).setParameter(5, answer.reason())
                .setParameter(6, answer.inputs().applicationDate()).setParameter(7, clock.instant())
                .executeUpdate() == 1;
    }

    private Set<UUID> openFindings(List<UUID> caseIds) {
        return RescreeningFinding.<RescreeningFinding>stream("outcome is null and caseId in ?1", caseIds)
                .map(f -> f.caseId).collect(Collectors.toSet());
    }
}
