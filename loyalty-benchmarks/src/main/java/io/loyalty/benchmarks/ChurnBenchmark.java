package io.loyalty.benchmarks;

import io.loyalty.churn.ChurnWarning;
import io.loyalty.churn.WarningList;
import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvBootstrap;
import io.loyalty.clv.CustomerIntervals;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.TransactionColumns;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The churn early-warning list and the CLV parametric bootstrap on 1,000,000 customers (issue 16 targets: the list
 * in under 2 s; 1M customers x 200 draws of E[Y(52)] in seconds). Customers are {@link ClvBenchmark}'s seeded
 * BG/NBD draws at the CDNOW estimates (T uniform on 1..78 weeks, whole days), written out as daily purchases and
 * summarized in weeks; the BG/NBD model is fitted on them once (so it carries the covariance the bootstrap draws
 * from), the Gamma-Gamma model given.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChurnBenchmark {
    private static final LocalDate END = LocalDate.of(2021, 12, 31);
    private double[][] million;
    private CustomerSummaries summaries;
    private BetaGeoModel model;
    private ChurnWarning warning;

    /** Draws the customers, summarizes them and fits the purchase model. */
    @Setup
    public void setUp() {
        million = ClvBenchmark.customers(1_000_000, 20261124L);
        summaries = summaries(million);
        model = BetaGeoFitter.withDefaults().fit(summaries);
        warning = ChurnWarning.withDefaults().withModels(model, GammaGammaModel.of(6.2488, 3.74459, 15.4477))
                .withLimit(10_000);
    }

    /** Each customer's purchases as whole days: the first at T, the repeats spread evenly up to the recency. */
    static CustomerSummaries summaries(double[][] c) {
        int n = c[0].length;
        long rows = n;
        for (double x : c[0]) {
            rows += (long) x;
        }
        int[] ids = new int[(int) rows];
        int[] days = new int[ids.length];
        double[] amounts = new double[ids.length];
        int end = (int) END.toEpochDay();
        int k = 0;
        for (int i = 0; i < n; i++) {
            int first = end - (int) Math.round(c[2][i] * 7);
            int span = (int) Math.round(c[1][i] * 7);
            int x = (int) c[0][i];
            ids[k] = i;
            days[k] = first;
            amounts[k++] = 20 + i % 37;
            for (int j = 1; j <= x; j++) {
                ids[k] = i;
                days[k] = first + (int) ((long) span * j / x);
                amounts[k++] = 15 + (i + j) % 41;
            }
        }
        return Summarizer.of(PeriodRule.days().withUnit(7), END).summarize(
                TransactionColumns.ofEpochDays(ids, days, amounts));
    }

    /**
     * The early-warning list for 1M customers, top 10,000 with bootstrap P(alive) intervals (200 draws), RFM
     * scores and CLV if retained over 12 months.
     *
     * @return the list
     */
    @Benchmark
    public WarningList warningList1M() {
        return warning.list(summaries);
    }

    /**
     * Bootstrap intervals of E[Y(52 weeks) | x, t_x, T] for 1M customers, 200 draws, both cores.
     *
     * @return the intervals
     */
    @Benchmark
    public CustomerIntervals bootstrapExpectedPurchases1Mx200() {
        return ClvBootstrap.withDefaults().conditionalExpectedPurchases(model, 52, million[0], million[1],
                million[2]);
    }
}
