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
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.TaskForm;

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
        ReferralSending referrals;

        @Override
        public String activity() {
            return "choose-next-pathway";
        }

        @Override
        public Class<ChooseNextPathwayForm> type() {
            return ChooseNextPathwayForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, ChooseNextPathwayForm body) {
            boolean refer = body.decision() == Decision.REFER;
            if (refer && body.pathway() == null) {
                throw Invalid.of("pathway", "is required to refer the case to another pathway");
            }
            if (!refer && (body.reason() == null || body.reason().isBlank())) {
                throw Invalid.of("reason", "is required to close the case without a pathway");
            }
            referrals.chooseNext(caseId, refer ? Optional.of(body.pathway()) : Optional.empty(),
                    body.reason() == null ? null : body.reason().strip());
            Map<String, Object> routing = new LinkedHashMap<>();
            routing.put("nextPathwayDecision", body.decision().name());
            if (refer) {
                routing.put(CaseWorkflow.PATHWAY, body.pathway().name());
            }
            return routing;
        }
    }
}
