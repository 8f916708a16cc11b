package org.safemobility.intake;

import org.safemobility.crypto.SealedStrings;
import org.safemobility.crypto.SealedText;
import org.safemobility.crypto.FieldCipher;
import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who would travel with the applicant (children are registered here, never as applicants). A person of their
 * own: their id stays with them when an adult member is split into a case of their own, and search and duplicate
 * detection see them like an applicant.
 */
@Embeddable
public class HouseholdMember {

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    public Relationship relationship;

    public String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;

    @Column(name = "document_number")
    @Convert(converter = SealedText.class)
    public String documentNumber;

    /** The document's blind index (see FieldCipher). */
    @Column(name = "document_index")
    public String documentIndex;

    /** Sets the document number with its blind index. */
    void document(String number) {
        documentNumber = number;
        documentIndex = FieldCipher.get().documentIndex(number);
    }

    /** {@link Vulnerability} names. */
    @Convert(converter = SealedStrings.class)
    @Column(name = "vulnerabilities")
    public List<String> vulnerabilities = new ArrayList<>();
}
