package org.safemobility.eligibility;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of the eligibility rules. */
@Schema(name = "EligibilityRuleVersion")
public record RuleVersionView(
        int version,
        @Schema(description = "True for the version in force: the latest") boolean active,
        Instant deployedAt,
        @Schema(description = "Who uploaded it; \"workflows folder\" for versions deployed with the service") String deployedBy,
        @Schema(description = "upload or workflows folder") String source,
        String fileName,
        String sha256,
        String comment) {

    @Schema(name = "EligibilityRuleVersions")
    public record Listing(int activeVersion, List<RuleVersionView> versions) {
    }
}
