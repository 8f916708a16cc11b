package org.safemobility.intake;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.safemobility.workflow.CaseWorkflow;

/** Builds the whole case as staff read it: intake's record, where the workflow waits, and the other capabilities' parts. */
@ApplicationScoped
public class CaseViews {

    @Inject
    CaseWorkflow workflow;

    @Inject
    PossibleDuplicates duplicates;

    @Inject
    @All
    List<CaseViewPart> parts;

    CaseView of(CaseFile c) {
        CaseView.Parts filled = new CaseView.Parts();
        CaseReference reference = CaseReference.of(c);
        parts.forEach(part -> part.addTo(filled, reference));
        return CaseView.of(c, workflow.currentActivities(c.id), filled, duplicates.links(c.id));
    }
}
