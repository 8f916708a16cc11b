package org.safemobility.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as staff of its office see it. */
@Schema(name = "Case")
public record CaseView(
        UUID id,
        @Schema(example = "GT-2026-000123") String caseNumber,
        @Schema(example = "GT") String office,
        CaseStatus status,
        @Schema(description = "Workflow activities the case is waiting in", example = "[\"schedule-interview\"]")
        List<String> currentActivities,
        ApplicantDetails applicant,
        List<HouseholdMemberDetails> household,
        ConsentView consent,
        @Schema(description = "The eligibility decision; absent until decided") EligibilityView eligibility,
        @Schema(description = "Pathways the case may be referred to (by the rules, or an approved override)")
        List<String> allowedPathways,
        @Schema(description = "Pathways suspended at the case's office today: an approved case waits on hold rather "
                + "than be referred to one")
        List<SuspendedPathway> suspendedPathways,
        @Schema(description = "Present while a supervisor's or an admin's decision holds the case (no task can be "
                + "completed, no deadline runs)") HoldView hold,
        @Schema(description = "The screening interview; absent until scheduled") InterviewView interview,
        @Schema(description = "The latest supervisor review; absent until reviewed") ReviewView review,
        @Schema(description = "Present when the applicant withdrew") WithdrawalView withdrawal,
        @Schema(description = "Why the case was closed, when it is") String closingNote,
        @Schema(description = "The programme decision that closed the case, when one did", example = "PROGRAMME_SUSPENDED")
        ClosingOutcome closingOutcome,
        @Schema(description = "Present when the application was made before the day it was registered")
        ReceivedView received,
        @Schema(description = "Cases tied to this one: duplicates of the same person, households split")
        List<PossibleDuplicates.Link> links,
        @Schema(description = "When the case closed; its retention period runs from here") Instant closedAt,
        @Schema(description = "Present once the case's personal data was erased (on request, consent to processing "
                + "withdrawn, or retention): what statistics need stays") Instant erasedAt,
        @Schema(description = "Present while a legal hold keeps the case's data past its retention") LegalHoldView legalHold,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; also sent as the ETag") long version) {

    /** A pathway a destination suspended, from a day until the day it is lifted (absent: until further notice). */
    @Schema(name = "SuspendedPathway")
    public record SuspendedPathway(String pathway, LocalDate since, LocalDate liftedOn, String reason) {
    }

    @Schema(name = "LegalHold")
    public record LegalHoldView(String reason, String by, Instant since) {
    }

    @Schema(name = "CaseHold")
    public record HoldView(Instant since, String reason) {
    }

    /** The answer in force per purpose (the history: GET /cases/{id}/consent). */
    @Schema(name = "Consent")
    public record ConsentView(
            boolean processing,
            boolean partnerSharing,
            boolean hostGovernmentSharing,
            @Schema(deprecated = true, description = "The older single answer: consent to sharing with partners")
            boolean given,
            @Schema(description = "When the latest answer was recorded") Instant recordedAt) {
    }

    /** An application received before its registration (on paper, or online before a pause). */
    @Schema(name = "ApplicationReceived")
    public record ReceivedView(LocalDate applicationDate, String reason) {
    }

    /** The decision recorded on the case, the inputs it saw, and any override. */
    @Schema(name = "CaseEligibility")
    public record EligibilityView(
            boolean eligible,
            List<String> pathways,
            @Schema(example = "GT-HND-SLV-NIC-2024-05-07") String ruleId,
            String reason,
            @Schema(description = "Version of the eligibility rules that decided") int decisionVersion,
            Instant decidedAt,
            Inputs inputs,
            @Schema(description = "A caseworker's override of a refusal, and the supervisor's answer") OverrideView override) {

        @Schema(name = "CaseEligibilityInputs")
        public record Inputs(String office, String nationality, LocalDate arrivalDate, LocalDate applicationDate) {
        }
    }

    @Schema(name = "EligibilityOverride")
    public record OverrideView(String justification, List<String> pathways, String requestedBy, Instant requestedAt,
                               String decision, String decidedBy, Instant decidedAt, String reason) {
    }

    @Schema(name = "Interview")
    public record InterviewView(Instant appointmentAt, Boolean remote, String location, String language,
                                Boolean interpreterNeeded, String scheduledBy, Instant scheduledAt,
                                List<String> protectionNeeds, List<String> vulnerabilities, List<FamilyTie> familyTies,
                                String pathwayPreference, String summary, String conductedBy, Instant conductedAt) {
    }

    @Schema(name = "SupervisorReview")
    public record ReviewView(@Schema(description = "APPROVED or RETURNED") String decision, String pathway, String reason,
                             String decidedBy, Instant decidedAt) {
    }

    @Schema(name = "CaseWithdrawal")
    public record WithdrawalView(String reason, String recordedBy, Instant at) {
    }

    /**
     * The parts of the case other capabilities record, filled in by each through {@link CaseViewPart}: the eligibility
     * decision and the pathways it allows (eligibility), the interview and its review (screening).
     */
    public static final class Parts {
        private EligibilityView eligibility;
        private List<String> allowedPathways = List.of();
        private List<SuspendedPathway> suspendedPathways = List.of();
        private InterviewView interview;
        private ReviewView review;

        public Parts eligibility(EligibilityView eligibility, List<String> allowedPathways) {
            this.eligibility = eligibility;
            this.allowedPathways = List.copyOf(allowedPathways);
            return this;
        }

        public Parts suspendedPathways(List<SuspendedPathway> suspended) {
            this.suspendedPathways = List.copyOf(suspended);
            return this;
        }

        public Parts interview(InterviewView interview, ReviewView review) {
            this.interview = interview;
            this.review = review;
            return this;
        }
    }

    static CaseView of(CaseFile c, List<String> currentActivities, Parts parts, List<PossibleDuplicates.Link> links) {
        Applicant a = c.applicant;
        return new CaseView(c.id, c.caseNumber, c.office, c.status, currentActivities,
                new ApplicantDetails(a.givenName, a.familyName, a.dateOfBirth, a.sex, a.nationality, a.documentType,
                        a.documentNumber, a.arrivalDate, a.hostCountryStatus, a.phone, a.email, a.preferredLanguage,
                        a.personId),
                c.household.stream().map(CaseView::member).toList(),
                new ConsentView(c.consent.processing, c.consent.partnerSharing,
                        c.consent.hostGovernmentSharing, c.consent.partnerSharing, c.consent.recordedAt),
                parts.eligibility, parts.allowedPathways, parts.suspendedPathways,
                c.heldSince == null ? null : new HoldView(c.heldSince, c.holdReason),
                parts.interview, parts.review, withdrawal(c.withdrawal), c.closingNote, c.closingOutcome, c.applicationDate == null ? null : new ReceivedView(c.applicationDate, c.applicationDateReason),
                links, c.closedAt, c.erasedAt,
                c.legalHoldSince == null ? null : new LegalHoldView(c.legalHoldReason, c.legalHoldBy, c.legalHoldSince),
                c.createdAt, c.updatedAt, c.version);
    }

    static HouseholdMemberDetails member(HouseholdMember m) {
        return new HouseholdMemberDetails(m.givenName, m.familyName, m.dateOfBirth, m.relationship, m.nationality,
                m.documentType, m.documentNumber,
                m.vulnerabilities == null ? List.of() : m.vulnerabilities.stream().map(Vulnerability::valueOf).toList(),
                m.personId);
    }

    private static WithdrawalView withdrawal(Withdrawal w) {
        return w == null || w.at == null ? null : new WithdrawalView(w.reason, w.recordedBy, w.at);
    }
}
