package io.loyalty.cohort;

import io.loyalty.data.PeriodRule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/**
 * The calendar period that defines an acquisition cohort and the offsets of a retention matrix. Days, weeks and
 * months are those of {@link PeriodRule} in the given zone; a quarter is three calendar months starting in
 * January, April, July or October.
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
            default:
                return PeriodRule.months(zone);
        }
    }

    /** Maps a {@link PeriodRule} index to this period's index (months to quarters). */
    long fromRuleIndex(long index) {
        return this == QUARTER ? Math.floorDiv(index, 3) : index;
    }

    /** The first day of a period, from its index. */
    LocalDate firstDay(long index) {
        switch (this) {
            case DAY:
                return LocalDate.ofEpochDay(index);
            case ISO_WEEK:
                return LocalDate.ofEpochDay(index * 7 - 3);
            case MONTH:
                return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)), Math.floorMod(index, 12) + 1, 1);
            default:
                return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)), Math.floorMod(index, 4) * 3 + 1, 1);
        }
    }

    /** A readable label: 2011-03-14 for days, 2011-W11 for weeks, 2011-03 for months, 2011-Q1 for quarters. */
    String label(long index) {
        LocalDate d = firstDay(index);
        switch (this) {
            case DAY:
                return d.toString();
            case ISO_WEEK:
                return String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return String.format(java.util.Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
            default:
                return String.format(java.util.Locale.ROOT, "%d-Q%d", d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
        }
    }
}
