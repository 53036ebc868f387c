package io.loyalty.nps;

import io.loyalty.data.PeriodRule;

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

    /** The calendar rule of this period (UTC: answers carry dates, not instants). */
    PeriodRule rule() {
        switch (this) {
            case DAY:
                return PeriodRule.days();
            case WEEK:
                return PeriodRule.weeks();
            case MONTH:
                return PeriodRule.months();
            case QUARTER:
                return PeriodRule.quarters();
            default:
                return PeriodRule.years();
        }
    }

    /** The period index of a day (days since 1970-01-01). */
    long key(long epochDay) {
        return rule().indexOfEpochDay(epochDay);
    }

    /** 2012-03-14, 2012-W11, 2012-03, 2012-Q1 or 2012. */
    String label(long key) {
        return rule().label(key);
    }
}
