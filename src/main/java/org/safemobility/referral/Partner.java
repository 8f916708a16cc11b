package org.safemobility.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.safemobility.eligibility.Pathway;

/** A resettlement partner: the pathways it accepts, and where its webhooks go. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** Destination country (US, CA, ES): the applicant's family ties there are part of its referrals. */
    public String country;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_pathway", joinColumns = @JoinColumn(name = "partner_id"))
    public Set<AcceptedPathway> pathways = new HashSet<>();

    @Column(name = "webhook_url")
    public String webhookUrl;

    /** AES-GCM ciphertext of the Standard Webhooks secret ({@link WebhookSecrets}); never leaves the service. */
    @Column(name = "webhook_secret_encrypted")
    public String webhookSecretEncrypted;

    @Column(name = "webhook_secret_set_at")
    public Instant webhookSecretSetAt;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * A pathway the partner accepts, and what its referrals carry beyond what every referral needs: the applicant's
     * identity document, the vulnerabilities, the interview summary.
     */
    @Embeddable
    public static class AcceptedPathway {

        @Enumerated(EnumType.STRING)
        public Pathway pathway;

        @Column(name = "requires_document_number")
        public boolean requiresDocumentNumber;

        /** Whether its referrals carry the vulnerabilities found at the interview. */
        @Column(name = "shares_vulnerabilities")
        public boolean sharesVulnerabilities;

        /** Whether its referrals carry the interview's summary. */
        @Column(name = "shares_interview_summary")
        public boolean sharesInterviewSummary;

        public AcceptedPathway() {
        }

        AcceptedPathway(Pathway pathway, boolean requiresDocumentNumber, boolean sharesVulnerabilities,
                        boolean sharesInterviewSummary) {
            this.pathway = pathway;
            this.requiresDocumentNumber = requiresDocumentNumber;
            this.sharesVulnerabilities = sharesVulnerabilities;
            this.sharesInterviewSummary = sharesInterviewSummary;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AcceptedPathway other && other.pathway == pathway;
        }

        @Override
        public int hashCode() {
            return pathway == null ? 0 : pathway.hashCode();
        }
    }

    Optional<AcceptedPathway> accepting(Pathway pathway) {
        return pathways.stream().filter(p -> p.pathway == pathway).findFirst();
    }

    /** The active partner that accepts this pathway (each pathway has at most one partner). */
    static Optional<Partner> forPathway(Pathway pathway) {
        return Partner.<Partner>find("select p from Partner p join p.pathways a where a.pathway = ?1 and p.active = true",
                pathway).firstResultOptional();
    }
}
