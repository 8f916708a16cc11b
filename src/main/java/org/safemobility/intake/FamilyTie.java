package org.safemobility.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relative in a destination country: partners weigh family ties when they decide. */
@Schema(name = "FamilyTie")
public record FamilyTie(
        @NotNull @Schema(description = "US, CA or ES") Destination country,
        @NotNull Relationship relationship,
        @NotBlank @Size(max = 100) @Schema(example = "Houston") String city) {

    /** The destination countries of the pathways. */
    public enum Destination {
        US, CA, ES
    }
}
