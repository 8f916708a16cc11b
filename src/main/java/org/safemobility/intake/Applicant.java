package org.safemobility.intake;

import org.safemobility.crypto.SealedText;
import org.safemobility.crypto.FieldCipher;
import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** The registering (principal) applicant of a case, 18 or older. */
@Embeddable
public class Applicant {

    /** The applicant as a person: a member split into a case of their own keeps the id they had as a member. */
    @Column(name = "applicant_person_id")
    public java.util.UUID personId;

    @Column(name = "applicant_given_name")
    public String givenName;

    @Column(name = "applicant_family_name")
    public String familyName;

    @Column(name = "applicant_date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_sex")
    public Sex sex;

    /** ISO 3166-1 alpha-3. */
    @Column(name = "applicant_nationality")
    public String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_document_type")
    public DocumentType documentType;

    @Column(name = "applicant_document_number")
    @Convert(converter = SealedText.class)
    public String documentNumber;

    /** The document's blind index (see FieldCipher): how search and duplicate detection find it. */
    @Column(name = "applicant_document_index")
    public String documentIndex;

    /** When the applicant entered the host country: eligibility rules compare it with their presence cut-offs. */
    @Column(name = "applicant_arrival_date")
    public LocalDate arrivalDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_host_country_status")
    public HostCountryStatus hostCountryStatus;

    @Column(name = "applicant_phone")
    @Convert(converter = SealedText.class)
    public String phone;

    @Column(name = "applicant_phone_index")
    public String phoneIndex;

    @Column(name = "applicant_email")
    @Convert(converter = SealedText.class)
    public String email;

    /** Sets the document number with its blind index. */
    void document(String number) {
        documentNumber = number;
        documentIndex = FieldCipher.get().documentIndex(number);
    }

    /** Sets the phone number with its blind index. */
    void phone(String number) {
        phone = number;
        phoneIndex = FieldCipher.get().phoneIndex(number);
    }

    /** ISO 639-1. */
    @Column(name = "applicant_preferred_language")
    public String preferredLanguage;
}
