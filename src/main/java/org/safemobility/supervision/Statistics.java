package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.http.Csv;

/**
 * Figures offices report, for the cases registered in a period (a cohort): how many were found eligible or not,
 * overridden, referred, accepted or declined by a partner, withdrawn, and the median days from registration to the
 * first referral; by office, nationality and the pathway of the case's latest referral. One grouped, read-only query
 * over supervision's own {@code case_cohort} table, which {@link CaseCohorts} keeps from the other capabilities'
 * events, so the report scales to millions of cases without reading their tables.
 */
@ApplicationScoped
public class Statistics {

    @Schema(name = "StatisticsRow")
    public record Row(@Schema(description = "ALL in the totals row") String office, String nationality,
                      @Schema(description = "Pathway of the case's latest referral; null when never referred") String pathway,
                      long registered, long eligible, long ineligible, long overridden, long referred, long accepted,
                      long declined, long withdrawn,
                      @Schema(description = "Median days from registration to the first referral") Double medianDaysToReferral) {
    }

    @Schema(name = "Statistics")
    public record Report(LocalDate from, LocalDate to, List<Row> rows, Row totals) {
    }

    static final String CSV_HEADER = "office,nationality,pathway,registered,eligible,ineligible,overridden,referred,"
            + "accepted,declined,withdrawn,median_days_to_referral";

    @Inject
    EntityManager em;

    @Inject
    OfficeScope scope;

    /** Cases registered from {@code from} to {@code to}, both included (UTC days). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(LocalDate from, LocalDate to, String office) {
        Set<String> offices = scope.officesToRead(office, "office");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select grouping(office), office, nationality, last_pathway, count(*),
                               count(*) filter (where eligible),
                               count(*) filter (where not eligible),
                               count(*) filter (where overridden),
                               count(*) filter (where first_referred_at is not null),
                               count(*) filter (where accepted),
                               count(*) filter (where declined),
                               count(*) filter (where withdrawn),
                               percentile_cont(0.5) within group
                                   (order by extract(epoch from first_referred_at - registered_at) / 86400)
                                   filter (where first_referred_at is not null)
                          from smo.case_cohort
                         where office = any(?1) and registered_at >= ?2 and registered_at < ?3
                         group by grouping sets ((office, nationality, last_pathway), ())
                         order by grouping(office), office, nationality, last_pathway nulls first""")
                .setParameter(1, offices.toArray(String[]::new))
                .setParameter(2, from.atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter(3, to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .getResultList();
        List<Row> grouped = new ArrayList<>();
        Row totals = new Row("ALL", null, null, 0, 0, 0, 0, 0, 0, 0, 0, null);
        for (Object[] r : rows) {
            Row row = new Row(((Number) r[0]).intValue() == 1 ? "ALL" : (String) r[1], (String) r[2], (String) r[3],
                    n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]),
                    r[12] == null ? null : Math.round(((Number) r[12]).doubleValue() * 10) / 10.0);
            if (((Number) r[0]).intValue() == 1) {
                totals = row;
            } else {
                grouped.add(row);
            }
        }
        return new Report(from, to, grouped, totals);
    }

    /** The same report as CSV (RFC 4180), the totals last. */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        List<Row> all = new ArrayList<>(report.rows());
        all.add(report.totals());
        for (Row r : all) {
            out.append(String.join(",", Csv.cell(r.office()), Csv.cell(r.nationality()), Csv.cell(r.pathway()),
                    Long.toString(r.registered()), Long.toString(r.eligible()), Long.toString(r.ineligible()),
                    Long.toString(r.overridden()), Long.toString(r.referred()), Long.toString(r.accepted()),
                    Long.toString(r.declined()), Long.toString(r.withdrawn()),
                    r.medianDaysToReferral() == null ? "" : r.medianDaysToReferral().toString())).append("\r\n");
        }
        return out.toString();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
