package org.safemobility.http;

/**
 * A list's total counted no further than {@link #COUNTED}, as every list that can grow with the caseload answers it:
 * an exact count reads every matching row on every page (tens of milliseconds at a few hundred thousand, growing
 * with them), and past ten thousand no person pages on. The query counts up to {@link #LIMIT} rows of an index
 * ({@code select count(*) from (select 1 ... limit LIMIT)}), so that "more" is told from "exactly ten thousand".
 */
public record CountedTotal(long total, boolean capped) {

    public static final int COUNTED = 10_000;
    public static final int LIMIT = COUNTED + 1;

    /** The total to answer for what a query counted up to {@link #LIMIT}. */
    public static CountedTotal of(long counted) {
        return new CountedTotal(Math.min(counted, COUNTED), counted > COUNTED);
    }
}
