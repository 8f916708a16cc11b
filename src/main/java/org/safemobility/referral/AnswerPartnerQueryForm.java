package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.workflow.TaskForm;

/**
 * {@code answer-partner-query}: the office answers the partner's questions (GET the case's referrals to read them);
 * the answer joins the referral, which is sent again.
 */
@Schema(name = "AnswerPartnerQueryForm")
public record AnswerPartnerQueryForm(
        @NotBlank @Size(max = 8000) @Schema(description = "The answer to the partner's questions, as the partner will read it")
        String answer) {

    @ApplicationScoped
    static class Handler implements TaskForm<AnswerPartnerQueryForm> {

        @Inject
        ReferralSending referrals;

        @Override
        public String activity() {
            return "answer-partner-query";
        }

        @Override
        public Class<AnswerPartnerQueryForm> type() {
            return AnswerPartnerQueryForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, AnswerPartnerQueryForm body) {
            referrals.recordAnswer(caseId, body.answer().strip());
            return Map.of();
        }
    }
}
