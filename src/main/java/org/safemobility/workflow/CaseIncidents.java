package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** How many open incidents a listing looks at: incidents are exceptions, not a queue. */
    static final int MOST = 1000;

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    /** Open incidents, newest first. */
    public List<StuckStep> open() {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, MOST);
        Set<String> instances = incidents.stream().map(Incident::getProcessInstanceId).filter(i -> i != null)
                .collect(Collectors.toSet());
        Map<String, String> caseIds = instances.isEmpty() ? Map.of() : runtime.createProcessInstanceQuery()
                .processInstanceIds(instances).list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return incidents.stream().filter(i -> caseIds.containsKey(i.getProcessInstanceId()))
                .map(i -> view(i, caseIds.get(i.getProcessInstanceId()))).toList();
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

    private static StuckStep view(Incident i, String caseId) {
        boolean job = Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType());
        return new StuckStep(i.getId(), UUID.fromString(caseId), i.getActivityId(), i.getIncidentMessage(),
                i.getIncidentTimestamp().toInstant(), i.getIncidentType(), job ? i.getConfiguration() : null);
    }
}
