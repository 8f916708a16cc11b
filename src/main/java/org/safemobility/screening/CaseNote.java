package org.safemobility.screening;

import org.safemobility.crypto.SealedText;
import jakarta.persistence.Convert;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An internal note on a case, for the office's staff only: never part of a referral. */
@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public String author;

    @Column(name = "author_name")
    public String authorName;

    @Convert(converter = SealedText.class)
    public String text;

    @Column(name = "created_at")
    public Instant createdAt;
}
