package org.safemobility.screening;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.Caller;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CaseQueries;

/** Internal notes on a case, written and read by the staff of its office; each write and read is audited. */
@ApplicationScoped
public class CaseNotes {

    @Schema(name = "Note")
    public record NoteView(long id, String text, String author, String authorName, Instant createdAt) {
    }

    @Schema(name = "NotePage")
    public record Page(List<NoteView> items, long total, int page, int size) {
    }

    @Inject
    CaseQueries cases;

    @Inject
    OfficeScope scope;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public NoteView add(UUID caseId, String text) {
        String office = officeOf(caseId);
        Caller who = caller.get();
        CaseNote note = new CaseNote();
        note.caseId = caseId;
        note.author = who.subject();
        note.authorName = who.name();
        note.text = text;
        note.createdAt = clock.instant();
        note.persist();
        audit.record("note.added", office, caseId, Map.of("noteId", note.id));
        return view(note);
    }

    @Transactional
    public Page list(UUID caseId, int page, int size) {
        String office = officeOf(caseId);
        var found = CaseNote.<CaseNote>find("caseId", Sort.descending("createdAt", "id"), caseId).page(page, size);
        List<NoteView> items = found.list().stream().map(CaseNotes::view).toList();
        audit.record("notes.viewed", office, caseId, Map.of("returned", items.stream().map(NoteView::id).toList()));
        return new Page(items, found.count(), page, size);
    }

    /** Every note of the case, oldest first, for the applicant's copy (the caller audits the copy as a whole). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<NoteView> allOf(UUID caseId) {
        officeOf(caseId);
        return CaseNote.<CaseNote>find("caseId", Sort.ascending("createdAt", "id"), caseId).stream()
                .map(CaseNotes::view).toList();
    }

    private String officeOf(UUID caseId) {
        var reference = cases.reference(caseId);
        scope.requireVisible(reference == null ? null : reference.office(), "case " + caseId + " not found");
        return reference.office();
    }

    private static NoteView view(CaseNote n) {
        return new NoteView(n.id, n.text, n.author, n.authorName, n.createdAt);
    }
}
