package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safemobility.crypto.FieldCipher;

/**
 * Finding a person by what the counter hears: a case number, a document or phone number (exactly), or names of the
 * applicant and household members however they are spelled today. Every word searched must be found among a case's
 * names by its double-metaphone code, which absorbs accents, case, word order, missing words and the commonest typos
 * ("Jonh", "Maira", "Gonzales"); cases whose words match exactly rank first, then the newest. Through the GIN index on
 * the codes of {@code case_search} keyed by office and code, whose rows also carry the filters, so a page costs one
 * index scan per office and twenty lookups. Only when that finds nothing is each word looked up among the name words
 * on record by trigram similarity (which survives a mistyped consonant) and the codes of its neighbours searched
 * instead: the trigram search runs over the small table of distinct words, never over every case's names (that took
 * 175 ms at 1,000,000 cases). A search that finds more than {@link #RANKED} cases (a common given name alone) is not
 * ranked hit by hit, which would cost more with every case registered: its page comes from each office's newest cases,
 * and its total says "more than {@link #RANKED}".
 */
@ApplicationScoped
public class CaseSearch {

    /** For the second pass: how alike (pg_trgm similarity, 0 to 1) a word on record must be to a mistyped one. */
    @ConfigProperty(name = "smo.search.name-similarity", defaultValue = "0.3")
    double nameSimilarity;

    /**
     * A search ranks every case its words find up to this many, and counts them for the total. Past it (a common given
     * name alone finds some 6,000 at an office of 250,000), ranking them all would cost more with every case
     * registered; the page is then read newest first ({@link #newest}) and the total says "more than this many".
     */
    public static final int RANKED = 1_000;

    /**
     * How many of an office's newest search rows a page of a common name is looked for among: enough for the first
     * two pages of a name one case in a hundred carries as written (a page of twenty reads some 2,000 rows; "leidy",
     * one in forty, read 943 at 1,000,000 cases, about what ranking {@link #RANKED} hits reads). A spelling rarer than
     * that reads all of them before the search falls back to ranking every hit.
     */
    public static final int WINDOW = 5_000;

    /** The search rows of the offices the caller reads ({@code ?2}, a text array literal). */
    private static final String OFFICES = "s.office = any(cast(?2 as text[]))";

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
        StringBuilder filters = new StringBuilder();
        List<Object> parameters = new ArrayList<>(List.of(text, "{" + String.join(",", offices) + "}"));
        if (filter.status() != null) {
            parameters.add(filter.status().name());
            filters.append(" and s.status = ?").append(parameters.size());
        }
        if (filter.nationality() != null) {
            parameters.add(filter.nationality());
            filters.append(" and s.nationality = ?").append(parameters.size());
        }
        if (filter.dateOfBirth() != null) {
            parameters.add(filter.dateOfBirth());
            filters.append(" and s.date_of_birth = ?").append(parameters.size());
        }
        if (filter.registeredFrom() != null) {
            parameters.add(filter.registeredFromInstant());
            filters.append(" and s.registered_at >= ?").append(parameters.size());
        }
        if (filter.registeredTo() != null) {
            parameters.add(filter.registeredToInstant());
            filters.append(" and s.registered_at < ?").append(parameters.size());
        }
        // documents and phones are stored sealed: they are found by their blind indexes ('' matches none)
        FieldCipher cipher = FieldCipher.get();
        String documentIndex = Objects.requireNonNullElse(cipher.documentIndex(text), "");
        String phoneIndex = Objects.requireNonNullElse(cipher.phoneIndex(text), "");
        String conditions = filters.toString();
        // every hit ranked as long as the words find no more than RANKED cases; past that, a page reads newest first
        Ranked ranked = ranked(conditions, parameters, page, size, null, RANKED, documentIndex, phoneIndex);
        if (ranked.total() > RANKED) {
            List<Object[]> newest = rows(newest(conditions, parameters, size, page * size, documentIndex, phoneIndex));
            if (!newest.isEmpty()) {
                return new CaseSummary.Page(summaries(newest), RANKED, true, page, size);
            }
            ranked = ranked(conditions, parameters, page, size, null, null, documentIndex, phoneIndex);
        } else if (ranked.total() == 0) { // nothing by the words' codes: what their neighbours' codes find
            ranked = ranked(conditions, parameters, page, size, neighbours(text), null, documentIndex, phoneIndex);
        }
        return new CaseSummary.Page(summaries(ranked.rows()), ranked.total(), page, size);
    }

    /** A ranked page and the total of the ranking (every hit, or as far as its bound and one more). */
    private record Ranked(List<Object[]> rows, long total) {
    }

    private Ranked ranked(String filters, List<Object> parameters, int page, int size, List<String> neighbours,
                          Integer bound, String documentIndex, String phoneIndex) {
        List<Object[]> rows = rows(page(filters, parameters, size, page * size, neighbours, bound, documentIndex, phoneIndex));
        if (rows.isEmpty() && page > 0) { // past the last match: the total still says how many there are
            rows = rows(page(filters, parameters, 1, 0, neighbours, bound, documentIndex, phoneIndex));
            return new Ranked(List.of(), total(rows));
        }
        return new Ranked(rows, total(rows));
    }

    /** The total a ranked page's rows carry (in every row), 0 for no rows. */
    private static long total(List<Object[]> rows) {
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)[9]).longValue();
    }

    private static List<CaseSummary> summaries(List<Object[]> rows) {
        List<CaseSummary> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new CaseSummary((UUID) r[0], (String) r[1], (String) r[2], CaseStatus.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6], (Instant) r[7], (Instant) r[8]));
        }
        return items;
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

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(PageStatement statement) {
        Query query = em.createNativeQuery(statement.sql());
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
     * The statement of one page: {@code filters} are the conditions on the search rows {@code s} besides the offices
     * (the offices being {@code ?2}, the searched text {@code ?1}), {@code neighbours} (null in the first pass) the
     * codes each word may have meant. The hits by name are looked up office by office through the index on
     * {@code smo.search_codes_at} (each key an office's code: a search reads the postings of its words at its offices,
     * never the office's every case), ranked and counted up to {@code bound} and one more (null: all of them): a total
     * past the bound says only that there are more, and the page is then not the best of them all.
     */
    public static PageStatement page(String filters, List<Object> filterParameters, int limitRows, int offsetRows,
                                     List<String> neighbours, Integer bound, String documentIndex, String phoneIndex) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        String keys = "smo.search_codes_at(s.office, s.codes)";
        StringBuilder codes = new StringBuilder("cardinality(q.codes) > 0 and " + keys
                + " @> smo.search_codes_at(o.office, q.codes)");
        if (neighbours != null) {
            codes = new StringBuilder(neighbours.isEmpty() ? "false" : "true");
            for (String alternatives : neighbours) {
                parameters.add(alternatives);
                codes.append(" and ").append(keys).append(" && smo.search_codes_at(o.office, cast(?")
                        .append(parameters.size()).append(" as text[]))");
            }
        }
        String exact = exactHits(filters, parameters, documentIndex, phoneIndex);
        String named = "all";
        if (bound != null) {
            parameters.add(bound + 1);
            named = "?" + parameters.size();
        }
        parameters.add(limitRows);
        int limit = parameters.size();
        parameters.add(offsetRows);
        int offset = parameters.size();
        // the offices' own condition is left out of the hits by name: their keys carry it, and with it the planner may
        // intersect the postings with an index of the office's every row
        String sql = """
                with q as (select smo.search_words(?1) as words, smo.search_codes(?1) as codes),
                hits as (
                    %s
                    union all
                    (select s.case_id, s.registered_at, case when s.words @> q.words then 2.0 else 1.0 end
                       from q cross join unnest(cast(?2 as text[])) o(office)
                       join smo.case_search s on %s
                      where true%s
                      limit %s)
                ),
                page as (
                    select case_id, max(score) as score, max(registered_at) as registered_at, count(*) over () as total
                      from hits group by case_id
                     order by score desc, registered_at desc, case_id desc
                     limit ?%d offset ?%d)
                %s""".formatted(exact, codes, filters, named, limit, offset, SUMMARIES.formatted("p.total", "true"));
        return new PageStatement(sql, parameters);
    }

    /**
     * A page of a search whose words many cases share (more than {@link #RANKED}: a common given name alone), without
     * ranking every hit: the exact hits (case, document, phone numbers) and then, for each office, the newest cases
     * whose names hold every word as written, read newest first from {@code case_search_office_newest} among the
     * office's newest {@link #WINDOW} rows. Such a page is what ranking would give as long as every office yields as
     * many of those as the page reaches (or has no more rows than the window) and they fill the page: cases matching
     * by code alone rank after them all. Otherwise the statement returns no rows and the search ranks every hit.
     * {@code filters} are the conditions on {@code s} besides the offices.
     */
    public static PageStatement newest(String filters, List<Object> filterParameters, int limitRows, int offsetRows,
                                       String documentIndex, String phoneIndex) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        String exact = exactHits(filters, parameters, documentIndex, phoneIndex);
        parameters.add(limitRows);
        int limit = parameters.size();
        parameters.add(offsetRows);
        int offset = parameters.size();
        parameters.add(Math.addExact(limitRows, offsetRows));
        int reach = parameters.size();
        parameters.add(WINDOW);
        int window = parameters.size();
        String newestOfOffice = "select s.case_id, s.registered_at, s.words, s.codes from smo.case_search s "
                + "where s.office = o.office" + filters + " order by s.registered_at desc, s.case_id desc limit ?" + window;
        String sql = """
                with q as (select smo.search_words(?1) as words, smo.search_codes(?1) as codes),
                newest as (
                    select o.office, w.case_id, w.registered_at
                      from unnest(cast(?2 as text[])) o(office)
                     cross join lateral (select w.case_id, w.registered_at from (%s) w, q
                                          where w.codes @> q.codes and w.words @> q.words
                                          order by w.registered_at desc, w.case_id desc limit ?%d) w
                ),
                hits as (
                    %s
                    union all
                    select case_id, registered_at, 2.0 from newest
                ),
                enough as (
                    select (select count(distinct case_id) from hits) >= ?%d
                       and not exists (select 1 from unnest(cast(?2 as text[])) o(office)
                                        where (select count(*) from newest n where n.office = o.office) < ?%d
                                          and (select count(*) from (%s) w) >= ?%d) as page_is_known
                ),
                page as (
                    select case_id, max(score) as score, max(registered_at) as registered_at
                      from hits group by case_id
                     order by score desc, registered_at desc, case_id desc
                     limit ?%d offset ?%d)
                %s""".formatted(newestOfOffice, reach, exact, reach, reach, newestOfOffice, window, limit, offset,
                SUMMARIES.formatted("0", "(select page_is_known from enough)"));
        return new PageStatement(sql, parameters);
    }

    /** The cases of {@code page} as the list shows them, best first: the total's column, then a condition. */
    private static final String SUMMARIES = """
            select c.id, c.case_number, c.office, c.status, c.applicant_given_name, c.applicant_family_name,
                   c.applicant_nationality, c.created_at, c.updated_at, %s
              from page p join smo.case_file c on c.id = p.case_id
             where %s
             order by p.score desc, p.registered_at desc, p.case_id desc""";

    /**
     * The hits by number (a case number, or one the case had at an office it left; a document's or a phone's blind
     * index), scored above any name: three branches of {@code (case_id, registered_at, score)}, each in the caller's
     * offices, filtered by {@code filters} (the conditions on {@code s} besides the offices) and carrying what the page
     * is ordered by, so no branch's rows are looked up again. Appends the blind indexes to {@code parameters}.
     */
    private static String exactHits(String filters, List<Object> parameters, String documentIndex, String phoneIndex) {
        parameters.add(documentIndex);
        int document = parameters.size();
        parameters.add(phoneIndex);
        int phone = parameters.size();
        String exact = "select s.case_id, s.registered_at, %s as score from smo.case_file c "
                + "join smo.case_search s on s.case_id = c.id where %s and " + OFFICES + filters;
        return String.join("\n union all\n",
                // looked up once, then the case by its key
                exact.formatted("3.0", "c.id = any(array(select n.id from smo.case_file n where n.case_number = upper(?1) "
                        + "union all select a.case_id from smo.case_number_alias a where a.case_number = upper(?1)))"),
                exact.formatted("2.5", "(c.applicant_document_index = ?" + document + " or c.id = any(array(select m.case_id "
                        + "from smo.household_member m where m.document_index = ?" + document + ")))"),
                exact.formatted("2.5", "c.applicant_phone_index = ?" + phone));
    }
}
