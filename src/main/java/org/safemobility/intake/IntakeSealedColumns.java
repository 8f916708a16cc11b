package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.safemobility.crypto.SealedColumns;

/** What intake seals: the applicant's document, phone and email; members' documents and vulnerabilities. */
@ApplicationScoped
class IntakeSealedColumns implements SealedColumns {

    @Override
    public List<Table> tables() {
        return List.of(
                new Table("case_file", List.of("id"), List.of("uuid"),
                        List.of("applicant_document_number", "applicant_phone", "applicant_email"),
                        List.of(new Index("applicant_document_index", "applicant_document_number", IndexKind.DOCUMENT),
                                new Index("applicant_phone_index", "applicant_phone", IndexKind.PHONE))),
                new Table("household_member", List.of("case_id", "position"), List.of("uuid", "integer"),
                        List.of("document_number", "vulnerabilities"),
                        List.of(new Index("document_index", "document_number", IndexKind.DOCUMENT))));
    }
}
