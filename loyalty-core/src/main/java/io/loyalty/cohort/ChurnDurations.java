package io.loyalty.cohort;

import io.loyalty.data.PeriodRule;
import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Per-customer time to churn made by a {@link ChurnRule}: the duration in days from the first purchase day, and
 * whether it ends in churn (an event) or at the last day of the data (censored). Accessors return copies.
 *
 * @since 0.1
 */
public final class ChurnDurations {
    private final List<String> ids;
    private final long[] firstDay;
    private final double[] duration;
    private final boolean[] churned;
    private final long endDay;
    private final ZoneId zone;

    ChurnDurations(List<String> ids, long[] firstDay, double[] duration, boolean[] churned, long endDay,
            ZoneId zone) {
        this.ids = ids;
        this.firstDay = firstDay;
        this.duration = duration;
        this.churned = churned;
        this.endDay = endDay;
        this.zone = zone;
    }

    /**
     * The number of customers.
     *
     * @return the size
     */
    public int size() {
        return ids.size();
    }

    /**
     * The customer ids, in order of first appearance.
     *
     * @return the ids
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * The first purchase day of each customer.
     *
     * @return the days
     */
    public LocalDate[] firstPurchaseDays() {
        LocalDate[] out = new LocalDate[firstDay.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = LocalDate.ofEpochDay(firstDay[i]);
        }
        return out;
    }

    /**
     * Days from the first purchase day to churn, or to the last day when censored.
     *
     * @return the durations
     */
    public double[] durations() {
        return duration.clone();
    }

    /**
     * Whether each customer churned (true) or is censored (false).
     *
     * @return the flags
     */
    public boolean[] churned() {
        return churned.clone();
    }

    /**
     * The last day of the data.
     *
     * @return the day
     */
    public LocalDate lastDay() {
        return LocalDate.ofEpochDay(endDay);
    }

    /**
     * The number of customers who churned.
     *
     * @return the count
     */
    public long churnCount() {
        long k = 0;
        for (boolean b : churned) {
            if (b) {
                k++;
            }
        }
        return k;
    }

    /**
     * Churn rate per calendar period: of the customers acquired before a period and not churned before it, the
     * share who churn in it (churn dated by first purchase day plus duration). Periods run from the one after the
     * first acquisition to the one holding the last day.
     *
     * @param period the calendar period
     * @return the rates
     * @throws IllegalArgumentException if the period is null, or the periods from the first acquisition to the last
     *     day number more than {@link Cohorts#MAX_OFFSETS}
     */
    public ChurnRates churnRates(CohortPeriod period) {
        Checks.notNull(period, "period");
        Checks.require(endDay >= PeriodRule.MIN_DAY && endDay <= PeriodRule.MAX_DAY, "churn rates: the last day %s "
                + "is outside the days a period rule handles (%s to %s)", lastDay(),
                LocalDate.ofEpochDay(PeriodRule.MIN_DAY), LocalDate.ofEpochDay(PeriodRule.MAX_DAY));
        var rule = period.rule(zone);
        long lo = Long.MAX_VALUE;
        int n = duration.length;
        long[] acq = new long[n];
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            acq[i] = rule.indexOfEpochDay(firstDay[i]);
            out[i] = churned[i] ? rule.indexOfEpochDay(firstDay[i] + (long) duration[i])
                    : Long.MAX_VALUE;
            lo = Math.min(lo, acq[i]);
        }
        long hi = rule.indexOfEpochDay(endDay);
        // Memory follows the number of periods: bounded like a cohort matrix's width.
        Checks.require(hi - lo + 1 <= Cohorts.MAX_OFFSETS, "churn rates from the first acquisition to the last day "
                + "%s span %d %s periods, more than %d", lastDay(), hi - lo + 1, period, Cohorts.MAX_OFFSETS);
        int width = (int) (hi - lo + 1);
        long[] acquired = new long[width];
        long[] left = new long[width];
        long[] churnedIn = new long[width];
        for (int i = 0; i < n; i++) {
            int a = (int) (acq[i] - lo);
            acquired[a]++;
            if (out[i] != Long.MAX_VALUE) {
                int o = (int) (out[i] - lo);
                left[o]++;
                if (o > a) {
                    churnedIn[o]++;
                }
            }
        }
        int rows = width - 1;
        String[] labels = new String[Math.max(rows, 0)];
        long[] atRisk = new long[labels.length];
        long[] churn = new long[labels.length];
        long risk = 0;
        for (int k = 0; k < width; k++) {
            if (k > 0) {
                labels[k - 1] = period.label(lo + k);
                atRisk[k - 1] = risk;
                churn[k - 1] = churnedIn[k];
            }
            risk += acquired[k] - left[k];
        }
        return new ChurnRates(List.of(labels), atRisk, churn);
    }

    /** The counts, then the first five customers with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().render(5);
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(String.format(Locale.ROOT,
                "ChurnDurations[%d customers, %d churned, %d censored at %s]", size(), churnCount(),
                size() - churnCount(), lastDay())).text("customer_id").text("first_purchase").decimal("duration_days", 0)
                .flag("churned");
        for (int i = 0; i < duration.length; i++) {
            b.row(ids.get(i), LocalDate.ofEpochDay(firstDay[i]).toString(), duration[i], churned[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per customer, {@code customer_id, first_purchase (a date), duration_days, churned}.
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
