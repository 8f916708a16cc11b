package org.safemobility.referral;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.eligibility.Pathway;
import org.safemobility.errors.Invalid;

/** How referrals are shown: to partners (their own, minimized) and to the office (with decisions and answers). */
public final class ReferralViews {

    private ReferralViews() {
    }

    /** What a partner may decide. */
    public enum Decision {
        ACCEPTED, DECLINED, INFO_REQUESTED
    }

    @Schema(name = "ReferralDecision")
    public record DecisionRequest(
            @NotNull Decision decision,
            @Size(max = 4000) @Schema(description = "Required to decline or to ask for information") String reason,
            @Size(max = 20) @Schema(description = "Required (one or more) with INFO_REQUESTED; absent otherwise")
            List<@NotBlank @Size(max = 2000) String> questions) {

        void check() {
            List<Invalid.Violation> errors = new ArrayList<>();
            if (decision != Decision.ACCEPTED && (reason == null || reason.isBlank())) {
                errors.add(new Invalid.Violation("reason", "is required to decline or to ask for information"));
            }
            boolean asking = decision == Decision.INFO_REQUESTED;
            if (asking && (questions == null || questions.isEmpty())) {
                errors.add(new Invalid.Violation("questions", "name at least one question the office should answer"));
            }
            if (!asking && questions != null && !questions.isEmpty()) {
                errors.add(new Invalid.Violation("questions", "are only sent with INFO_REQUESTED"));
            }
            if (!errors.isEmpty()) {
                throw Invalid.of(errors);
            }
        }
    }

    /** A line of a partner's referral list: no personal data beyond the case number. */
    @Schema(name = "PartnerReferralSummary")
    public record PartnerSummary(UUID id, String caseNumber, String office, Pathway pathway, Referral.Status status,
                                 int revision, Instant sentAt, Instant updatedAt) {
        static PartnerSummary of(Referral r) {
            return new PartnerSummary(r.id, r.caseNumber, r.office, r.pathway, r.status, r.revision, r.sentAt, r.updatedAt);
        }
    }

    /**
     * A page of a partner's referrals. The total is counted up to {@link org.safemobility.http.CountedTotal#COUNTED}:
     * an exact count read every
     * referral the partner ever received on every page it polls.
     */
    @Schema(name = "PartnerReferralPage")
    public record PartnerPage(List<PartnerSummary> items,
                              @Schema(description = "How many referrals match, counted up to 10,000 (see totalCapped)")
                              long total,
                              @Schema(description = "True when more than 10,000 referrals match: total then says 10,000")
                              boolean totalCapped,
                              int page, int size) {
    }

    /** A referral as its partner reads it: the package, and the partner's own decision and questions. */
    @Schema(name = "PartnerReferral")
    public record ForPartner(UUID id, String caseNumber, String office, Pathway pathway, Referral.Status status,
                             int revision, Instant sentAt, Instant updatedAt,
                             @JsonProperty("package") @Schema(description = "What the partner needs to decide and, once "
                                     + "accepted, to resettle; absent once the referral is withdrawn or declined")
                             ReferralPackage referralPackage,
                             String decisionReason, Instant decidedAt, List<String> questions,
                             @Schema(description = "Present while the pathway is suspended: no decision is awaited")
                             Instant heldSince) {
        static ForPartner of(Referral r) {
            return new ForPartner(r.id, r.caseNumber, r.office, r.pathway, r.status, r.revision, r.sentAt, r.updatedAt,
                    r.status.sharesPackage() ? r.referralPackage : null, r.decisionReason, r.decidedAt, questionsOf(r),
                    r.heldSince);
        }
    }

    /** A referral as the office sees it (the package is the case itself, which the office reads directly). */
    @Schema(name = "CaseReferral")
    public record ForOffice(UUID id, String partner, Pathway pathway, Referral.Status status, int revision,
                            Instant sentAt, Instant updatedAt, String decisionReason, String decidedBy, Instant decidedAt,
                            List<String> questions, List<Referral.Answer> answers,
                            @Schema(description = "Present while the pathway is suspended") Instant heldSince) {
        static ForOffice of(Referral r) {
            return new ForOffice(r.id, r.partnerId, r.pathway, r.status, r.revision, r.sentAt, r.updatedAt,
                    r.decisionReason, r.decidedBy, r.decidedAt, questionsOf(r),
                    r.answers == null ? null : r.answers.items(), r.heldSince);
        }
    }

    static List<String> questionsOf(Referral r) {
        return r.questions == null ? null : r.questions.items();
    }
}
