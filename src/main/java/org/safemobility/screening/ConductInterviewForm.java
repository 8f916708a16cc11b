package org.safemobility.screening;

import org.safemobility.intake.Vulnerability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.eligibility.Pathway;
import org.safemobility.intake.FamilyTie;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.TaskForm;

/**
 * {@code conduct-interview}: protection needs, vulnerabilities, family ties in the destination countries, the
 * applicant's pathway preference (among those the eligibility decision allowed) and the interviewer's summary.
 */
@Schema(name = "ConductInterviewForm")
public record ConductInterviewForm(
        @NotNull @Size(min = 1, max = 8) @Schema(description = "NONE_IDENTIFIED when there are none")
        List<@NotNull ProtectionNeed> protectionNeeds,
        @NotNull @Size(max = 8) @Schema(description = "Empty when there are none; any raises the case's priority")
        List<@NotNull Vulnerability> vulnerabilities,
        @NotNull @Size(max = 20) List<@NotNull @Valid FamilyTie> familyTies,
        @NotNull Pathway pathwayPreference,
        @NotBlank @Size(max = 4000) String summary) {

    @ApplicationScoped
    static class Handler implements TaskForm<ConductInterviewForm> {

        @Inject
        CaseScreening screening;

        @Override
        public String activity() {
            return "conduct-interview";
        }

        @Override
        public Class<ConductInterviewForm> type() {
            return ConductInterviewForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, ConductInterviewForm body) {
            boolean vulnerable = screening.recordInterview(caseId, new CaseScreening.Findings(body.protectionNeeds(),
                    body.vulnerabilities(), body.familyTies(), body.pathwayPreference(), body.summary().strip()));
            return Map.of(CaseWorkflow.PRIORITY, vulnerable ? CaseWorkflow.VULNERABLE_PRIORITY : CaseWorkflow.NORMAL_PRIORITY);
        }
    }
}
