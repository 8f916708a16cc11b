package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Stuck work as the engine reports it: incidents of the case processes, and retrying the failed step. */
@ApplicationScoped
public class CaseIncidents {

    /** An open incident with the case it stops. */
    public record StuckStep(String id, UUID caseId, String activity, String message, Instant since, String type,
                            String jobId) {
    }

    /** A page of open incidents and how many there are in all. */
    public record Page(List<StuckStep> items, long total) {
    }

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    @Inject
    EntityManager em;

    /**
     * Open incidents of the case processes of these offices, newest first. The engine's incident query cannot filter
     * by a process variable, and filtering after a capped fetch loses incidents and miscounts; so this reads the
     * engine's documented runtime tables (incident, the case's execution and its {@code office} variable) in SQL, with
     * the office, the order and the page in the query.
     */
    public Page open(Set<String> offices, int first, int max) {
        if (offices.isEmpty()) {
            return new Page(List.of(), 0);
        }
        String from = """
                  from act_ru_incident i
                  join act_ru_execution p on p.id_ = i.proc_inst_id_ and p.proc_def_key_ = :process
                  join act_ru_variable v on v.execution_id_ = i.proc_inst_id_ and v.name_ = :variable
                 where v.text_ in (:offices) and p.business_key_ is not null
                """;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select i.id_, p.business_key_, i.activity_id_, i.incident_msg_, i.incident_timestamp_,
                               i.incident_type_, i.configuration_""" + from + """
                         order by i.incident_timestamp_ desc, i.id_ desc""")
                .setParameter("process", CaseWorkflow.PROCESS_KEY).setParameter("variable", CaseWorkflow.OFFICE)
                .setParameter("offices", offices).setFirstResult(first).setMaxResults(max).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*)" + from)
                .setParameter("process", CaseWorkflow.PROCESS_KEY).setParameter("variable", CaseWorkflow.OFFICE)
                .setParameter("offices", offices).getSingleResult()).longValue();
        List<StuckStep> items = rows.stream().map(r -> {
            boolean job = Incident.FAILED_JOB_HANDLER_TYPE.equals(r[5]);
            return new StuckStep((String) r[0], UUID.fromString((String) r[1]), (String) r[2], (String) r[3],
                    instant(r[4]), (String) r[5], job ? (String) r[6] : null);
        }).toList();
        return new Page(items, total);
    }

    public Optional<StuckStep> find(String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || incident.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
                .singleResult();
        return instance == null || instance.getBusinessKey() == null ? Optional.empty()
                : Optional.of(view(incident, instance.getBusinessKey()));
    }

    /** Gives the failed job one more attempt; the job executor runs it shortly after this transaction commits. */
    public void retry(StuckStep step) {
        if (step.jobId() == null) {
            throw new IllegalArgumentException("incident " + step.id() + " is not a failed job");
        }
        management.setJobRetries(step.jobId(), 1);
    }

    public long count() {
        return runtime.createIncidentQuery().count();
    }

    /** The engine writes its timestamps as the JVM's local time, without a zone. */
    private static Instant instant(Object timestamp) {
        return timestamp instanceof java.sql.Timestamp t ? t.toInstant()
                : ((java.time.LocalDateTime) timestamp).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private static StuckStep view(Incident i, String caseId) {
        boolean job = Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType());
        return new StuckStep(i.getId(), UUID.fromString(caseId), i.getActivityId(), i.getIncidentMessage(),
                i.getIncidentTimestamp().toInstant(), i.getIncidentType(), job ? i.getConfiguration() : null);
    }
}
