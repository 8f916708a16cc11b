package org.safemobility.referral;

import jakarta.persistence.Convert;
import org.safemobility.crypto.SealedJson;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.safemobility.eligibility.Pathway;

/**
 * One case referred to one partner for one pathway. The package is what the partner reads: rebuilt from the case at
 * each send, so that an answer to the partner's questions goes out with the case as it now stands.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    /** Where a referral stands, as partner and office see it. */
    public enum Status {
        /** Sent; waiting for the partner's decision. */
        SENT,
        ACCEPTED,
        DECLINED,
        /** The partner asked questions; the office answers and the referral is sent again. */
        INFO_REQUESTED,
        /** The applicant withdrew while the referral was open. */
        WITHDRAWN;

        boolean isOpen() {
            return this == SENT || this == INFO_REQUESTED;
        }

        /**
         * Whether the partner may still read the package: while it decides, and once it accepted (it resettles the
         * family); not once the referral was withdrawn (the applicant withdrew or the case moved) or it declined.
         */
        boolean sharesPackage() {
            return this != WITHDRAWN && this != DECLINED;
        }
    }

    /** The office's answer to the partner's questions. */
    @Schema(name = "ReferralAnswer")
    public record Answer(String answer, Instant answeredAt, int revision) {
    }

    /**
     * The partner's questions as the {@code questions} jsonb column holds them, a plain array of strings. A record, not
     * a {@code List<String>} attribute: see ArchitectureTest.json_columns_are_not_mapped_as_collections.
     */
    public record Questions(List<String> items) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Questions {
            items = items == null ? List.of() : List.copyOf(items);
        }

        @JsonValue
        @Override
        public List<String> items() {
            return items;
        }

        /** Sealed at rest (crypto.FieldCipher): a partner's questions may name the applicant's circumstances. */
        @jakarta.persistence.Converter
        public static class Sealed extends SealedJson<Questions> {
            public Sealed() {
                super(Questions.class);
            }
        }
    }

    /** The office's answers as the {@code answers} jsonb column holds them, a plain array, oldest first. */
    public record Answers(List<Answer> items) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Answers {
            items = items == null ? List.of() : List.copyOf(items);
        }

        @JsonValue
        @Override
        public List<Answer> items() {
            return items;
        }

        /** Sealed at rest (crypto.FieldCipher): the office's answers describe the applicant. */
        @jakarta.persistence.Converter
        public static class Sealed extends SealedJson<Answers> {
            public Sealed() {
                super(Answers.class);
            }
        }

        Answers with(Answer answer) {
            List<Answer> more = new ArrayList<>(items);
            more.add(answer);
            return new Answers(more);
        }
    }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "case_number")
    public String caseNumber;

    public String office;

    @Column(name = "partner_id")
    public String partnerId;

    @Enumerated(EnumType.STRING)
    public Pathway pathway;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** 1 when first sent; one more at each resend. */
    public int revision;

    @Convert(converter = ReferralPackage.Sealed.class)
    @Column(name = "package")
    public ReferralPackage referralPackage;

    /** The partner's questions of the latest INFO_REQUESTED decision. */
    @Convert(converter = Questions.Sealed.class)
    public Questions questions;

    @Convert(converter = Answers.Sealed.class)
    public Answers answers = new Answers(List.of());

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Since when the referral is held: its pathway was suspended after it was sent. Null: not held. */
    @Column(name = "held_since")
    public Instant heldSince;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
