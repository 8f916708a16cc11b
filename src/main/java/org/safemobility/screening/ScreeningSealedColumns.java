package org.safemobility.screening;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.safemobility.crypto.SealedColumns;

/** What screening seals: what the interview learnt about the applicant, and notes. */
@ApplicationScoped
class ScreeningSealedColumns implements SealedColumns {

    @Override
    public List<Table> tables() {
        return List.of(
                new Table("interview", List.of("case_id"), List.of("uuid"),
                        List.of("protection_needs", "vulnerabilities", "family_ties", "summary"), List.of()),
                new Table("case_note", List.of("id"), List.of("bigint"), List.of("text"), List.of()));
    }
}
