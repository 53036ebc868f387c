package io.loyalty.nps;

import io.loyalty.internal.Checks;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Calendar periods for NPS over time. Weeks run Monday to Sunday and are labelled by ISO week-based year and
 * week ({@code 2012-W01}); quarters are calendar quarters ({@code 2012-Q1}).
 *
 * @since 0.1
 */
public enum NpsPeriod {
    /** Calendar days, labelled {@code 2012-01-31}. */
    DAY,
    /** ISO weeks (Monday to Sunday), labelled {@code 2012-W05}. */
    WEEK,
    /** Calendar months, labelled {@code 2012-01}. */
    MONTH,
    /** Calendar quarters, labelled {@code 2012-Q1}. */
    QUARTER,
    /** Calendar years, labelled {@code 2012}. */
    YEAR;

    /** The period index of a day; consecutive periods have consecutive indexes. */
    long key(long epochDay) {
        switch (this) {
            case DAY:
                return epochDay;
            case WEEK:
                // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
                return Math.floorDiv(epochDay + 3, 7);
            default:
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                long month = d.getYear() * 12L + d.getMonthValue() - 1;
                return this == MONTH ? month : this == QUARTER ? Math.floorDiv(month, 3) : d.getYear();
        }
    }

    /** The label of a period index. */
    String label(long key) {
        switch (this) {
            case DAY:
                return LocalDate.ofEpochDay(key).toString();
            case WEEK: {
                LocalDate monday = LocalDate.ofEpochDay(key * 7 - 3);
                return Checks.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case MONTH:
                return Checks.format("%d-%02d", Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1);
            case QUARTER:
                return Checks.format("%d-Q%d", Math.floorDiv(key, 4), Math.floorMod(key, 4) + 1);
            default:
                return Long.toString(key);
        }
    }
}
