package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safemobility.http.CountedTotal;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.NotFound;

/**
 * Reading cases, always within the caller's offices. Every read of personal data leaves an audit entry, in the same
 * transaction as the read.
 */
@ApplicationScoped
public class CaseQueries {

    @Inject
    OfficeScope scope;

    @Inject
    CaseSearch search;

    @Inject
    CaseViews views;

    @Inject
    AuditTrail audit;

    /** The whole case, or 404 when it does not exist or belongs to an office the caller does not work for. */
    @Transactional
    public CaseView view(UUID id) {
        CaseFile found = CaseFile.findById(id);
        scope.requireVisible(found == null ? null : found.office, "case " + id + " not found");
        audit.record("case.viewed", found.office, found.id, Map.of("caseNumber", found.caseNumber));
        return views.of(found);
    }

    /** The whole case for the applicant's copy, without a read entry of its own (the copy is audited as one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView forCopy(UUID id) {
        CaseFile found = CaseFile.findById(id);
        scope.requireVisible(found == null ? null : found.office, "case " + id + " not found");
        return views.of(found);
    }

    /**
     * Cases of the caller's offices (or of the one office asked for): newest first, or, with a search text, the best
     * matches first. Each list is audited with the ids it returned.
     */
    @Transactional
    public CaseSummary.Page list(CaseFilter filter, int page, int size) {
        Set<String> offices = scope.officesToRead(filter.office(), "office");
        CaseSummary.Page found = filter.q() == null ? newestFirst(filter, offices, page, size)
                : search.find(filter, offices, page, size);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filter", filter.describe());
        details.put("page", page);
        details.put("returned", found.items().stream().map(i -> i.id().toString()).toList());
        audit.record(filter.q() == null ? "cases.listed" : "cases.searched",
                offices.size() == 1 ? offices.iterator().next() : null, null, details);
        return found;
    }

    /**
     * Newest first, by index at any size: each office's newest cases from its own index, merged (one index read
     * per office, as deep as the page), and a total counted as far as {@link CountedTotal#COUNTED}. A plain
     * {@code office in (...) order by} sorted every case of a supervisor's offices for each page (60 ms at 500,000).
     */
    private CaseSummary.Page newestFirst(CaseFilter filter, Set<String> offices, int page, int size) {
        StringBuilder filters = new StringBuilder();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("offices", "{" + String.join(",", offices) + "}");
        if (filter.status() != null) {
            filters.append(" and c.status = :status");
            values.put("status", filter.status().name());
        }
        if (filter.nationality() != null) {
            filters.append(" and c.applicant_nationality = :nationality");
            values.put("nationality", filter.nationality());
        }
        if (filter.dateOfBirth() != null) {
            filters.append(" and c.applicant_date_of_birth = :dateOfBirth");
            values.put("dateOfBirth", filter.dateOfBirth());
        }
        if (filter.registeredFrom() != null) {
            filters.append(" and c.created_at >= :from");
            values.put("from", filter.registeredFromInstant());
        }
        if (filter.registeredTo() != null) {
            filters.append(" and c.created_at < :to");
            values.put("to", filter.registeredToInstant());
        }
        var em = CaseFile.getEntityManager();
        var paging = em.createNativeQuery("""
                select p.id from unnest(cast(:offices as text[])) o(office)
                 cross join lateral (select c.id, c.created_at from smo.case_file c where c.office = o.office %s
                                      order by c.created_at desc, c.id desc limit :upTo) p
                 order by p.created_at desc, p.id desc offset :skip limit :size""".formatted(filters), UUID.class);
        values.forEach(paging::setParameter);
        List<UUID> ids = paging.setParameter("upTo", (page + 1) * size).setParameter("skip", page * size)
                .setParameter("size", size).getResultList();
        Map<UUID, CaseFile> cases = ids.isEmpty() ? Map.of() : CaseFile.<CaseFile>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c));
        List<CaseSummary> items = ids.stream().map(cases::get).filter(java.util.Objects::nonNull)
                .map(CaseQueries::summary).toList();
        // counted as far as CountedTotal.LIMIT rows of an index: past that, how many more makes no page a person reads
        var counting = em.createNativeQuery("""
                select count(*) from (select 1 from smo.case_file c where c.office = any(cast(:offices as text[])) %s
                                       limit %d) counted""".formatted(filters, CountedTotal.LIMIT), Long.class);
        values.forEach(counting::setParameter);
        CountedTotal total = CountedTotal.of(((Number) counting.getSingleResult()).longValue());
        return new CaseSummary.Page(items, total.total(), total.capped(), page, size);
    }

    /** Case number and office of each case, for lists of work that refer to cases by id (no audit: no personal data). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, CaseReference> references(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return CaseFile.getEntityManager()
                .createQuery("select c.id, c.caseNumber, c.office, c.status from CaseFile c where c.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(r -> (UUID) r[0],
                        r -> new CaseReference((UUID) r[0], (String) r[1], (String) r[2], (CaseStatus) r[3])));
    }

    /**
     * One case's reference, or null when there is no such case. Read through the persistence context: after a task's
     * form has moved the case, its audit entry needs no second query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseReference reference(UUID id) {
        CaseFile c = CaseFile.findById(id);
        return c == null ? null : CaseReference.of(c);
    }

    /** What other capabilities decide on; for workflow steps and services, not for display (no audit). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseFacts facts(UUID id) {
        return CaseFacts.of(existing(id));
    }

    /** The people of the case, for a referral package (the referral capability audits what it shares). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CasePeople people(UUID id) {
        return CasePeople.of(existing(id));
    }

    private static CaseFile existing(UUID id) {
        CaseFile c = CaseFile.findById(id);
        if (c == null) {
            throw new NotFound("case " + id + " not found");
        }
        return c;
    }

    private static CaseSummary summary(CaseFile c) {
        return new CaseSummary(c.id, c.caseNumber, c.office, c.status, c.applicant.givenName, c.applicant.familyName,
                c.applicant.nationality, c.createdAt, c.updatedAt);
    }

    /** The list's filters; null means "any". Registration days are UTC days, {@code registeredTo} included. */
    public record CaseFilter(String office, CaseStatus status, String nationality, String q, LocalDate dateOfBirth,
                             LocalDate registeredFrom, LocalDate registeredTo) {

        public CaseFilter(String office, CaseStatus status, String nationality) {
            this(office, status, nationality, null, null, null, null);
        }

        Instant registeredFromInstant() {
            return registeredFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant registeredToInstant() {
            return registeredTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** What was asked, for the audit entry (the search text included: it is how staff looked for someone). */
        Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            if (office != null) {
                described.put("office", office);
            }
            if (status != null) {
                described.put("status", status.name());
            }
            if (nationality != null) {
                described.put("nationality", nationality);
            }
            if (q != null) {
                described.put("q", q);
            }
            if (dateOfBirth != null) {
                described.put("dateOfBirth", dateOfBirth.toString());
            }
            if (registeredFrom != null) {
                described.put("registeredFrom", registeredFrom.toString());
            }
            if (registeredTo != null) {
                described.put("registeredTo", registeredTo.toString());
            }
            return described;
        }
    }
}
