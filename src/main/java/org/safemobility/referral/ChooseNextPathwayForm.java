package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.eligibility.Pathway;
import org.safemobility.http.ApiException;
import org.safemobility.screening.TaskForm;
import org.safemobility.workflow.CaseWorkflow;

/** {@code choose-next-pathway}: after a partner declined, refer the case to another allowed pathway, or close it. */
@Schema(name = "ChooseNextPathwayForm")
public record ChooseNextPathwayForm(
        @NotNull Decision decision,
        @Schema(description = "Required to refer: an allowed pathway no partner has declined for this case") Pathway pathway,
        @Size(max = 4000) @Schema(description = "Required to close: why no pathway is left") String reason) {

    public enum Decision {
        REFER, CLOSE
    }

    @ApplicationScoped
    static class Handler implements TaskForm<ChooseNextPathwayForm> {

        @Inject
        Referrals referrals;

        @Override
        public String activity() {
            return "choose-next-pathway";
        }

        @Override
        public Class<ChooseNextPathwayForm> type() {
            return ChooseNextPathwayForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, ChooseNextPathwayForm form) {
            boolean refer = form.decision() == Decision.REFER;
            if (refer && form.pathway() == null) {
                throw ApiException.invalid("pathway", "is required to refer the case to another pathway");
            }
            if (!refer && (form.reason() == null || form.reason().isBlank())) {
                throw ApiException.invalid("reason", "is required to close the case without a pathway");
            }
            referrals.chooseNext(caseId, refer ? Optional.of(form.pathway()) : Optional.empty(),
                    form.reason() == null ? null : form.reason().strip());
            Map<String, Object> routing = new LinkedHashMap<>();
            routing.put("nextPathwayDecision", form.decision().name());
            if (refer) {
                routing.put(CaseWorkflow.PATHWAY, form.pathway().name());
            }
            return routing;
        }
    }
}
