package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.safemobility.crypto.SealedColumns;

/** What referral seals: the package (a copy of the applicant's data), the partner's questions, the office's answers. */
@ApplicationScoped
class ReferralSealedColumns implements SealedColumns {

    @Override
    public List<Table> tables() {
        return List.of(new Table("referral", List.of("id"), List.of("uuid"), List.of("package", "questions", "answers"),
                List.of()));
    }
}
