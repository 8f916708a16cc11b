package org.safemobility.privacy;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseView;
import org.safemobility.intake.Consents;
import org.safemobility.referral.OfficeReferrals;
import org.safemobility.screening.CaseNotes;

/**
 * The applicant's copy of what is held about them and their household: the case as the office sees it (people,
 * consent, every decision with its reason, the interview and its review, links to other cases), every consent answer,
 * the notes, what was shared with which partner and when, and who read the case (from the audit trail). As JSON, or as
 * a printable PDF in the applicant's language (Spanish or English), rendered from a Qute template by openhtmltopdf.
 * Each copy is audited.
 */
@ApplicationScoped
public class CaseCopy {

    /** Languages the printed copy speaks; another preferred language gets English. */
    static final Set<String> LANGUAGES = Set.of("es", "en");

    @Schema(name = "CaseCopy")
    public record Copy(Instant madeAt,
                       @Schema(description = "The language of the printed copy") String language,
                       @Schema(name = "case") @com.fasterxml.jackson.annotation.JsonProperty("case") CaseView caseView,
                       @Schema(description = "Every consent answer, oldest first") List<Consents.Answer> consentHistory,
                       List<CaseNotes.NoteView> notes,
                       @Schema(description = "What was shared with which partner, and when") List<OfficeReferrals.Shared> referrals,
                       @Schema(description = "Who read the case, and what of it, oldest first") List<Event> readBy,
                       @Schema(description = "Everything recorded about the case, oldest first (who, what, when)") List<Event> history) {
    }

    @Schema(name = "CaseCopyEvent")
    public record Event(Instant at, String who, String what) {
    }

    @CheckedTemplate(basePath = "privacy")
    static class Templates {
        static native TemplateInstance copy(Copy copy, Map<String, String> l);
    }

    @Inject
    CaseQueries cases;

    @Inject
    Consents consents;

    @Inject
    CaseNotes notes;

    @Inject
    OfficeReferrals referrals;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The copy, audited ({@code case.exported}) with its format; {@code language} null: the applicant's own. */
    @Transactional
    public Copy of(UUID caseId, String language, String format) {
        CaseView view = cases.forCopy(caseId);
        String preferred = language != null ? language
                : view.applicant().preferredLanguage() == null ? "en" : view.applicant().preferredLanguage();
        String spoken = LANGUAGES.contains(preferred) ? preferred : "en";
        List<AuditTrail.Entry> entries = audit.forCase(caseId);
        List<Event> history = entries.stream().map(e -> new Event(e.occurredAt(), e.actor(), e.action())).toList();
        List<Event> reads = history.stream().filter(e -> isRead(e.what())).toList();
        Copy copy = new Copy(clock.instant(), spoken, view, consents.of(caseId).history(), notes.allOf(caseId),
                referrals.sharedFor(caseId), reads, history);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("language", spoken);
        audit.record("case.exported", view.office(), caseId, details);
        return copy;
    }

    private static boolean isRead(String action) {
        return action.endsWith("viewed") || action.endsWith("viewed-by-partner") || action.equals("case.exported");
    }

    /** The copy as a PDF: printable, in the copy's language. */
    public byte[] pdf(Copy copy) {
        ResourceBundle bundle = ResourceBundle.getBundle("privacy.copy", Locale.forLanguageTag(copy.language()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> labels = new LinkedHashMap<>();
        bundle.keySet().forEach(k -> labels.put(k, bundle.getString(k)));
        String xhtml = Templates.copy(copy, labels).render();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the copy could not be printed", e);
        }
    }
}
