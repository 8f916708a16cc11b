package org.safemobility.referral;

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
    }

    /** The office's answer to the partner's questions. */
    @Schema(name = "ReferralAnswer")
    public record Answer(String answer, Instant answeredAt, int revision) {
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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "package")
    public ReferralPackage referralPackage;

    /** The partner's questions of the latest INFO_REQUESTED decision. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> questions;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Answer> answers = new ArrayList<>();

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
