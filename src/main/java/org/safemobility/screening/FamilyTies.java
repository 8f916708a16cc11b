package org.safemobility.screening;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.safemobility.intake.FamilyTie;

/**
 * The interview's family ties as the {@code interview.family_ties} jsonb column holds them: a plain JSON array. A
 * record rather than a {@code List<FamilyTie>} attribute: see ArchitectureTest.json_columns_are_not_mapped_as_collections.
 */
public record FamilyTies(List<FamilyTie> ties) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FamilyTies {
        ties = ties == null ? List.of() : List.copyOf(ties);
    }

    @JsonValue
    @Override
    public List<FamilyTie> ties() {
        return ties;
    }

    /** Sealed at rest (crypto.FieldCipher): who the applicant has where is sensitive. */
    @jakarta.persistence.Converter
    public static class Sealed extends org.safemobility.crypto.SealedJson<FamilyTies> {
        public Sealed() {
            super(FamilyTies.class);
        }
    }
}
