package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.Pathway;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotFound;

/**
 * Partners as data, maintained by admins: which pathways each accepts (each pathway belongs to one partner), where
 * its webhooks go and the secret they are signed with. The secret is write-only: stored encrypted, never returned.
 */
@ApplicationScoped
public class Partners {

    private static final String SECRET_PREFIX = "whsec_";

    @Schema(name = "PartnerPathway")
    public record PathwayTerms(@NotNull Pathway pathway,
                               @Schema(description = "Whether referrals carry the applicant's identity document")
                               boolean requiresDocumentNumber,
                               @Schema(description = "Whether referrals carry the vulnerabilities found at the "
                                       + "interview; absent: no") Boolean sharesVulnerabilities,
                               @Schema(description = "Whether referrals carry the interview summary; absent: no")
                               Boolean sharesInterviewSummary) {
    }

    @Schema(name = "PartnerRequest")
    public record PartnerRequest(
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,15}", message = "must be 2 to 16 capitals, digits or _, e.g. US")
            @Schema(description = "Required to create; when changing a partner, absent or the same as in the path")
            String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "US|CA|ES", message = "must be US, CA or ES") String country,
            @NotNull @Size(max = 4) List<@NotNull @Valid PathwayTerms> pathways,
            @Size(max = 2000) @Schema(description = "https URL that receives signed webhooks; null: the partner polls")
            String webhookUrl,
            @Schema(description = "Standard Webhooks secret, whsec_ followed by base64 of 24 to 64 random bytes. Write-only; "
                    + "absent keeps the current one") String webhookSecret,
            @NotNull Boolean active) {
    }

    @Schema(name = "Partner")
    public record PartnerView(String id, String name, String country, List<PathwayTerms> pathways, String webhookUrl,
                              @Schema(description = "Whether a webhook secret is stored (it is never shown)")
                              boolean webhookSecretSet, Instant webhookSecretSetAt, boolean active, Instant updatedAt) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.id, p.name, p.country, p.pathways.stream()
                    .map(a -> new PathwayTerms(a.pathway, a.requiresDocumentNumber, a.sharesVulnerabilities,
                            a.sharesInterviewSummary))
                    .sorted(java.util.Comparator.comparing(PathwayTerms::pathway)).toList(),
                    p.webhookUrl, p.webhookSecretEncrypted != null, p.webhookSecretSetAt, p.active, p.updatedAt);
        }
    }

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Every partner's id (for the metrics' labels). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> ids() {
        return Partner.<Partner>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(p -> p.id).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerView> list() {
        return Partner.<Partner>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(PartnerView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerView get(String id) {
        return PartnerView.of(find(id));
    }

    @Transactional
    public PartnerView create(PartnerRequest request) {
        String id = request.id();
        if (id == null) {
            throw Invalid.of("id", "is required to create a partner");
        }
        if (Partner.findById(id) != null) {
            throw new Conflict("partner " + id + " exists; PUT /api/v1/admin/partners/" + id + " changes it");
        }
        Partner partner = new Partner();
        partner.id = id;
        partner.createdAt = clock.instant();
        apply(partner, request);
        partner.persist();
        audit.record("partner.created", null, null, described(partner, request));
        return PartnerView.of(partner);
    }

    @Transactional
    public PartnerView update(String id, PartnerRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw Invalid.of("id", "cannot change; it must be " + id + " or absent");
        }
        Partner partner = find(id);
        apply(partner, request);
        audit.record("partner.updated", null, null, described(partner, request));
        return PartnerView.of(partner);
    }

    private void apply(Partner partner, PartnerRequest request) {
        List<Invalid.Violation> errors = new ArrayList<>();
        String url = request.webhookUrl() == null || request.webhookUrl().isBlank() ? null : request.webhookUrl().strip();
        if (url != null) {
            checkUrl(url, errors);
        }
        String secret = request.webhookSecret();
        if (secret != null) {
            checkSecret(secret, errors);
        }
        if (url != null && secret == null && partner.webhookSecretEncrypted == null) {
            errors.add(new Invalid.Violation("webhookSecret", "is required with a webhookUrl: webhooks are always signed"));
        }
        Set<Pathway> pathways = request.pathways().stream().map(PathwayTerms::pathway).collect(Collectors.toSet());
        if (pathways.size() != request.pathways().size()) {
            errors.add(new Invalid.Violation("pathways", "name each pathway once"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.of(errors);
        }
        for (Pathway pathway : pathways) {
            Partner.<Partner>find("select p from Partner p join p.pathways a where a.pathway = ?1 and p.id <> ?2",
                    pathway, partner.id == null ? "" : partner.id).firstResultOptional().ifPresent(other -> {
                        throw new Conflict("pathway " + pathway + " belongs to partner " + other.id
                                + "; take it from there first (each pathway goes to one partner)");
                    });
        }
        Instant now = clock.instant();
        partner.name = request.name().strip();
        partner.country = request.country();
        partner.pathways.clear();
        // what a pathway's referrals carry is named, never assumed: absent is no
        request.pathways().forEach(t -> partner.pathways.add(new Partner.AcceptedPathway(t.pathway(),
                t.requiresDocumentNumber(), Boolean.TRUE.equals(t.sharesVulnerabilities()),
                Boolean.TRUE.equals(t.sharesInterviewSummary()))));
        partner.webhookUrl = url;
        if (secret != null) {
            partner.webhookSecretEncrypted = secrets.encrypt(partner.id, secret);
            partner.webhookSecretSetAt = now;
        }
        partner.active = request.active();
        partner.updatedAt = now;
    }

    private void checkUrl(String url, List<Invalid.Violation> errors) {
        try {
            URI uri = new URI(url);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean http = "http".equalsIgnoreCase(uri.getScheme());
            if (!uri.isAbsolute() || uri.getHost() == null || !(https || http && config.allowPlainHttp())) {
                errors.add(new Invalid.Violation("webhookUrl", config.allowPlainHttp() ? "must be an absolute http(s) URL"
                        : "must be an absolute https URL"));
            }
        } catch (URISyntaxException e) {
            errors.add(new Invalid.Violation("webhookUrl", "is not a URL: " + e.getReason()));
        }
    }

    private static void checkSecret(String secret, List<Invalid.Violation> errors) {
        String message = "must be whsec_ followed by base64 of 24 to 64 random bytes";
        if (!secret.startsWith(SECRET_PREFIX)) {
            errors.add(new Invalid.Violation("webhookSecret", message));
            return;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            if (length < 24 || length > 64) {
                errors.add(new Invalid.Violation("webhookSecret", message));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new Invalid.Violation("webhookSecret", message));
        }
    }

    private static Partner find(String id) {
        Partner partner = Partner.findById(id);
        if (partner == null) {
            throw new NotFound("partner " + id + " not found");
        }
        return partner;
    }

    private static Map<String, Object> described(Partner partner, PartnerRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partner", partner.id);
        details.put("pathways", partner.pathways.stream().map(a -> a.pathway.name()).sorted().toList());
        details.put("webhookUrl", partner.webhookUrl);
        details.put("webhookSecretChanged", request.webhookSecret() != null);
        details.put("active", partner.active);
        return details;
    }
}
