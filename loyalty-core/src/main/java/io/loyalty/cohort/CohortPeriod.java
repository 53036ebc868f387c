package io.loyalty.cohort;

import io.loyalty.data.PeriodRule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The calendar period that defines an acquisition cohort and the offsets of a retention matrix. Days, weeks and
 * months and quarters (three calendar months starting in January, April, July or October) are those of
 * {@link PeriodRule} in the given zone.
 *
 * @since 0.1
 */
public enum CohortPeriod {
    /** Calendar days. */
    DAY,
    /** ISO weeks, Monday to Sunday. */
    ISO_WEEK,
    /** Calendar months. */
    MONTH,
    /** Calendar quarters. */
    QUARTER;

    PeriodRule rule(ZoneId zone) {
        switch (this) {
            case DAY:
                return PeriodRule.days(zone);
            case ISO_WEEK:
                return PeriodRule.weeks(zone);
            case MONTH:
                return PeriodRule.months(zone);
            default:
                return PeriodRule.quarters(zone);
        }
    }

    /** The first day of a period, from its index. */
    LocalDate firstDay(long index) {
        return rule(ZoneOffset.UTC).firstDay(index);
    }

    /** A readable label: 2011-03-14 for days, 2011-W11 for weeks, 2011-03 for months, 2011-Q1 for quarters. */
    String label(long index) {
        return rule(ZoneOffset.UTC).label(index);
    }
}
