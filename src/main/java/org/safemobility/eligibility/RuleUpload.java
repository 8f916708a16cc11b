package org.safemobility.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who uploaded a version of the eligibility rules, when, and why. The engine keeps the versions themselves; versions
 * deployed from {@code workflows/} at start-up have no upload.
 */
@Entity
@Table(name = "eligibility_rule_upload")
public class RuleUpload extends PanacheEntityBase {

    @Id
    @Column(name = "decision_definition_id")
    public String decisionDefinitionId;

    public int version;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_by_name")
    public String uploadedByName;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "file_name")
    public String fileName;

    public String sha256;

    public String comment;
}
