package org.safemobility.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dates of birth a mistyping may turn a date into, and how two dates relate. */
class DuplicateDetectionTest {

    @Test
    void a_birth_date_is_looked_for_as_itself_swapped_and_one_digit_off_and_never_before_1900() {
        var dates = DuplicateDetection.birthDates(LocalDate.of(1990, 4, 12));
        assertThat(dates).contains(LocalDate.of(1990, 4, 12), LocalDate.of(1990, 12, 4), LocalDate.of(1991, 4, 12),
                LocalDate.of(1980, 4, 12), LocalDate.of(1990, 4, 13), LocalDate.of(1990, 4, 2), LocalDate.of(1990, 9, 12));
        assertThat(dates).doesNotContain(LocalDate.of(1990, 4, 21), LocalDate.of(1990, 5, 13));
        assertThat(dates).allMatch(d -> d.getYear() >= 1900);
        // 8 digits × 9 other digits, less the ones that are not dates or before 1900, plus the day itself and the swap
        assertThat(dates).hasSizeBetween(40, 74);
        assertThat(DuplicateDetection.birthDates(LocalDate.of(1905, 4, 25))).allMatch(d -> d.getYear() >= 1900);
    }

    @Test
    void mistypings_that_are_no_date_are_left_out_month_lengths_and_leap_years_included() {
        var leapDay = DuplicateDetection.birthDates(LocalDate.of(2000, 2, 29));
        assertThat(leapDay).contains(LocalDate.of(2000, 2, 28), LocalDate.of(2000, 2, 27), LocalDate.of(2004, 2, 29),
                LocalDate.of(2000, 1, 29), LocalDate.of(2000, 12, 29), LocalDate.of(2000, 2, 9));
        assertThat(leapDay).hasSize(32);
        assertThat(DuplicateDetection.birthDates(LocalDate.of(1999, 12, 31))).hasSize(32);
        assertThat(DuplicateDetection.birthDates(LocalDate.of(1990, 4, 12))).hasSize(47);
    }

    @Test
    void two_dates_relate_as_the_same_swapped_or_one_digit_off() {
        LocalDate born = LocalDate.of(1988, 11, 2);
        assertThat(DuplicateDetection.birthReason(born, born)).isEqualTo(DuplicateDetection.Reason.SAME_DATE_OF_BIRTH);
        assertThat(DuplicateDetection.birthReason(born, LocalDate.of(1988, 2, 11)))
                .isEqualTo(DuplicateDetection.Reason.BIRTH_DAY_AND_MONTH_SWAPPED);
        assertThat(DuplicateDetection.birthReason(born, LocalDate.of(1989, 11, 2)))
                .isEqualTo(DuplicateDetection.Reason.BIRTH_DATE_ONE_DIGIT_OFF);
        assertThat(DuplicateDetection.birthReason(born, LocalDate.of(1989, 11, 3))).isNull();
        assertThat(DuplicateDetection.birthReason(born, LocalDate.of(1988, 2, 12))).isNull();
    }
}
