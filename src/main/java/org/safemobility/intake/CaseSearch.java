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
 * applicant and household members however they are spelled today. Every word searched must be found among a case's
 * names by its double-metaphone code, which absorbs accents, case, word order, missing words and the commonest typos
 * ("Jonh", "Maira", "Gonzales"); cases whose words match exactly rank first, then the newest. Through the GIN index on
 * the codes of {@code case_search}, whose rows also carry the filters, so a page costs one index scan and twenty
 * lookups. Only when that finds nothing is each word looked up among the name words on record by trigram similarity
 * (which survives a mistyped consonant) and the codes of its neighbours searched instead: the trigram search runs over
 * the small table of distinct words, never over every case's names (that took 175 ms at 1,000,000 cases).
 */
@ApplicationScoped
public class CaseSearch {

    /** For the second pass: how alike (pg_trgm similarity, 0 to 1) a word on record must be to a mistyped one. */
    @ConfigProperty(name = "smo.search.name-similarity", defaultValue = "0.3")
    double nameSimilarity;

    /** The search rows of the offices the caller reads ({@code ?2}, a text array literal). */
    public static final String OFFICES = "s.office = any(cast(?2 as text[]))";

    /**
     * For each word of {@code ?1}, the codes it may have meant, as a text array literal: its own and those of the name
     * words on record that look like it (with {@code pg_trgm.similarity_threshold} set).
     */
    public static final String NEIGHBOURS = """
            select array_to_string(smo.search_codes(q.w) || coalesce(array_agg(distinct c.code)
                       filter (where c.code is not null), '{}'), ',')
              from unnest(smo.search_words(?1)) q(w)
              left join lateral (select unnest(smo.search_codes(d.word)) as code from smo.name_word d
                                  where d.word % q.w) c on true
             group by q.w""";

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    CaseSummary.Page find(CaseQueries.CaseFilter filter, Set<String> offices, int page, int size) {
        String text = filter.q().strip();
        StringBuilder where = new StringBuilder(OFFICES);
        List<Object> parameters = new ArrayList<>(List.of(text, "{" + String.join(",", offices) + "}"));
        if (filter.status() != null) {
            parameters.add(filter.status().name());
            where.append(" and s.status = ?").append(parameters.size());
        }
        if (filter.nationality() != null) {
            parameters.add(filter.nationality());
            where.append(" and s.nationality = ?").append(parameters.size());
        }
        if (filter.dateOfBirth() != null) {
            parameters.add(filter.dateOfBirth());
            where.append(" and s.date_of_birth = ?").append(parameters.size());
        }
        if (filter.registeredFrom() != null) {
            parameters.add(filter.registeredFromInstant());
            where.append(" and s.registered_at >= ?").append(parameters.size());
        }
        if (filter.registeredTo() != null) {
            parameters.add(filter.registeredToInstant());
            where.append(" and s.registered_at < ?").append(parameters.size());
        }
        List<Object[]> rows = rows(where, parameters, size, page * size, null);
        if (rows.isEmpty() && page == 0) {
            rows = rows(where, parameters, size, 0, neighbours(text));
        } else if (rows.isEmpty()) { // past the last match: the total still says how many there are
            List<Object[]> first = rows(where, parameters, 1, 0, null);
            return new CaseSummary.Page(List.of(), first.isEmpty() ? 0 : ((Number) first.get(0)[9]).longValue(), page, size);
        }
        List<CaseSummary> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new CaseSummary((UUID) r[0], (String) r[1], (String) r[2], CaseStatus.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6], (Instant) r[7], (Instant) r[8]));
        }
        return new CaseSummary.Page(items, rows.isEmpty() ? 0 : ((Number) rows.get(0)[9]).longValue(), page, size);
    }

    /**
     * For each word searched, the codes of the name words on record that look like it (trigram similarity at least
     * {@code smo.search.name-similarity}), its own code among them: what a mistyped consonant may have meant.
     */
    @SuppressWarnings("unchecked")
    private List<String> neighbours(String text) {
        em.createNativeQuery("select set_config('pg_trgm.similarity_threshold', ?1, true)")
                .setParameter(1, Double.toString(nameSimilarity)).getSingleResult();
        List<String> alternatives = new ArrayList<>();
        for (Object row : em.createNativeQuery(NEIGHBOURS).setParameter(1, text).getResultList()) {
            alternatives.add("{" + row + "}");
        }
        return alternatives;
    }

    /**
     * A page of matches with the total. Names match by code: every word's code among the case's, or, in the second
     * pass, one of each word's neighbours' codes.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(StringBuilder where, List<Object> filterParameters, int limitRows, int offsetRows,
                                List<String> neighbours) {
        // documents and phones are stored sealed: they are found by their blind indexes ('' matches none)
        org.safemobility.crypto.FieldCipher cipher = org.safemobility.crypto.FieldCipher.get();
        String text = (String) filterParameters.get(0);
        PageStatement statement = page(where.toString(), filterParameters, limitRows, offsetRows, neighbours,
                java.util.Objects.requireNonNullElse(cipher.documentIndex(text), ""),
                java.util.Objects.requireNonNullElse(cipher.phoneIndex(text), ""));
        var query = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            query.setParameter(i + 1, statement.parameters().get(i));
        }
        return query.getResultList();
    }

    /**
     * A search page's statement: SQL with positional parameters ({@code ?1}, {@code ?2}, ...) and their values in
     * order. Public so that the search benchmark explains the very statement the service runs.
     */
    public record PageStatement(String sql, List<Object> parameters) {
    }

    /**
     * The statement of one page: {@code where} filters the search rows (the offices as {@code ?2}, the searched text
     * being {@code ?1}), {@code neighbours} (null in the first pass) the codes each word may have meant.
     */
    public static PageStatement page(String where, List<Object> filterParameters, int limitRows, int offsetRows,
                                     List<String> neighbours, String documentIndex, String phoneIndex) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        StringBuilder codes = new StringBuilder("cardinality(q.codes) > 0 and s.codes @> q.codes");
        if (neighbours != null) {
            codes = new StringBuilder(neighbours.isEmpty() ? "false" : "true");
            for (String alternatives : neighbours) {
                parameters.add(alternatives);
                codes.append(" and s.codes && cast(?").append(parameters.size()).append(" as text[])");
            }
        }
        parameters.add(documentIndex);
        int document = parameters.size();
        parameters.add(phoneIndex);
        int phone = parameters.size();
        parameters.add(limitRows);
        int limit = parameters.size();
        parameters.add(offsetRows);
        int offset = parameters.size();
        // every branch filters and carries what the page is ordered by, so no branch's rows are looked up again
        String exact = "select s.case_id, s.registered_at, %s as score from smo.case_file c "
                + "join smo.case_search s on s.case_id = c.id where %s and " + where;
        String sql = """
                with q as (select smo.search_words(?1) as words, smo.search_codes(?1) as codes),
                hits as (
                    %s
                    union all
                    %s
                    union all
                    %s
                    union all
                    select s.case_id, s.registered_at, case when s.words @> q.words then 2.0 else 1.0 end
                      from smo.case_search s, q
                     where %s and %s
                ),
                page as (
                    select case_id, max(score) as score, max(registered_at) as registered_at, count(*) over () as total
                      from hits group by case_id
                     order by score desc, registered_at desc, case_id desc
                     limit ?%d offset ?%d)
                select c.id, c.case_number, c.office, c.status, c.applicant_given_name, c.applicant_family_name,
                       c.applicant_nationality, c.created_at, c.updated_at, p.total
                  from page p join smo.case_file c on c.id = p.case_id
                 order by p.score desc, p.registered_at desc, p.case_id desc""".formatted(
                // a case number, or one the case had at an office it left: looked up once, then the case by its key
                exact.formatted("3.0", "c.id = any(array(select n.id from smo.case_file n where n.case_number = upper(?1) "
                        + "union all select a.case_id from smo.case_number_alias a where a.case_number = upper(?1)))"),
                exact.formatted("2.5", "(c.applicant_document_index = ?" + document + " or c.id = any(array(select m.case_id "
                        + "from smo.household_member m where m.document_index = ?" + document + ")))"),
                exact.formatted("2.5", "c.applicant_phone_index = ?" + phone),
                codes, where, limit, offset);
        return new PageStatement(sql, parameters);
    }
}
