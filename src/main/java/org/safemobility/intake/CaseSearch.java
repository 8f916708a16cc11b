package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finding a person by what the counter hears: a case number, a document or phone number (exactly), or names of the
 * applicant and household members however they are spelled today. Names are matched on the folded text the
 * {@code case_search} table keeps (accents, case and punctuation gone) by trigram word similarity, which tolerates word
 * order, missing words and most typos, and by double-metaphone codes, which catch the swapped letters trigrams miss in
 * short names ("Jonh"). Both through GIN indexes; candidates are ranked by similarity, exact identifiers first.
 */
@ApplicationScoped
public class CaseSearch {

    /** How much of the search text must be found in a case's names (pg_trgm word similarity, 0 to 1). */
    @ConfigProperty(name = "smo.search.name-similarity", defaultValue = "0.5")
    double nameSimilarity;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    CaseSummary.Page find(CaseQueries.CaseFilter filter, Set<String> offices, int page, int size) {
        String text = filter.q().strip();
        // a transaction-local setting: the %> operator (and its index) reads the threshold from it
        em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', ?1, true)")
                .setParameter(1, Double.toString(nameSimilarity)).getSingleResult();
        StringBuilder where = new StringBuilder("c.office = any(cast(?2 as text[]))");
        List<Object> parameters = new ArrayList<>(List.of(text, "{" + String.join(",", offices) + "}"));
        if (filter.status() != null) {
            parameters.add(filter.status().name());
            where.append(" and c.status = ?").append(parameters.size());
        }
        if (filter.nationality() != null) {
            parameters.add(filter.nationality());
            where.append(" and c.applicant_nationality = ?").append(parameters.size());
        }
        if (filter.dateOfBirth() != null) {
            parameters.add(filter.dateOfBirth());
            where.append(" and c.applicant_date_of_birth = ?").append(parameters.size());
        }
        if (filter.registeredFrom() != null) {
            parameters.add(filter.registeredFromInstant());
            where.append(" and c.created_at >= ?").append(parameters.size());
        }
        if (filter.registeredTo() != null) {
            parameters.add(filter.registeredToInstant());
            where.append(" and c.created_at < ?").append(parameters.size());
        }
        List<Object[]> rows = rows(where, parameters, size, page * size);
        if (rows.isEmpty() && page > 0) { // past the last match: the total still says how many there are
            List<Object[]> first = rows(where, parameters, 1, 0);
            return new CaseSummary.Page(List.of(), first.isEmpty() ? 0 : ((Number) first.get(0)[9]).longValue(), page, size);
        }
        List<CaseSummary> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new CaseSummary((UUID) r[0], (String) r[1], (String) r[2], CaseStatus.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6], (Instant) r[7], (Instant) r[8]));
        }
        return new CaseSummary.Page(items, rows.isEmpty() ? 0 : ((Number) rows.get(0)[9]).longValue(), page, size);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(StringBuilder where, List<Object> filterParameters, int limitRows, int offsetRows) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        parameters.add(limitRows);
        int limit = parameters.size();
        parameters.add(offsetRows);
        int offset = parameters.size();
        var query = em.createNativeQuery("""
                with q as (select smo.search_fold(?1) as folded, smo.search_codes(?1) as codes),
                hits as (
                    select c.id, 3.0 as score from smo.case_file c where c.case_number = upper(?1)
                    union all
                    select c.id, 2.0 from smo.case_file c where c.applicant_document_number = ?1
                    union all
                    select c.id, 2.0 from smo.case_file c where c.applicant_phone = ?1
                    union all
                    select s.case_id, smo.word_similarity(q.folded, s.names) from smo.case_search s, q
                     where q.folded <> '' and s.names %%> q.folded
                    union all
                    select s.case_id, 0.5 + 0.5 * smo.word_similarity(q.folded, s.names) from smo.case_search s, q
                     where cardinality(q.codes) > 0 and s.codes @> q.codes
                ),
                best as (select id, max(score) as score from hits group by id)
                select c.id, c.case_number, c.office, c.status, c.applicant_given_name, c.applicant_family_name,
                       c.applicant_nationality, c.created_at, c.updated_at, count(*) over () as total
                  from best b join smo.case_file c on c.id = b.id
                 where %s
                 order by b.score desc, c.created_at desc, c.id desc
                 limit ?%d offset ?%d""".formatted(where, limit, offset));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }
}
