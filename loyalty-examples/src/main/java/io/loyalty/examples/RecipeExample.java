package io.loyalty.examples;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.OrderExport;
import io.loyalty.data.OrderExport.Cancellations;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * From the raw Online Retail file to RFM, CLV, a churn list and cohorts with the CSV recipe ({@link OrderExport}),
 * twice: cancellations dropped (the usual filter) and cancelled orders removed ({@link Cancellations#CANCEL_ORDERS}).
 * The output is the page {@code docs/recipes.md}.
 */
public final class RecipeExample {
    /** The last day of the data. */
    static final LocalDate LAST_DAY = LocalDate.of(2011, 12, 9);
    private static final LocalDate ANALYSIS_DATE = LAST_DAY.plusDays(1);

    private RecipeExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (Cancellations mode : new Cancellations[] {Cancellations.DROP, Cancellations.CANCEL_ORDERS}) {
            System.out.println("== From the raw file: Online Retail, cancellations " + mode + " ==");
            OrderExport.Result export = OnlineRetail.read(mode);
            System.out.println(export);
            List<Transaction> lines = export.lines();
            List<Transaction> orders = export.orders();
            System.out.printf(Locale.ROOT, "%,d lines -> %,d orders%n", lines.size(), orders.size());
            Report r = report(orders);
            System.out.printf(Locale.ROOT, "RFM: %,d customers, %d Champions (rfm 0.3.0 bins, analysis date %s)%n",
                    r.rfm.size(), r.rfm.summary().row("Champions").customers(), ANALYSIS_DATE);
            print("Top 5 by 12-month CLV (BG/NBD + Gamma-Gamma on weeks, 1% a month):", r.summaries, r.clv, 5);
            print("Churn list: no order in the 90 days to " + LAST_DAY + ", by total value:", r.summaries,
                    r.lapsedValue, 5);
            if (mode == Cancellations.DROP) {
                System.out.println("Monthly cohorts, share of each cohort ordering in month k (* = incomplete):");
                CohortText.printReturnOn(r.cohorts, 6);
            }
            System.out.println();
        }
    }

    /** The numbers of the page for a list of orders. */
    static Report report(List<Transaction> orders) {
        RfmScores rfm = RfmScorer.withDefaults().score(orders, ANALYSIS_DATE);
        CustomerSummaries weeks = Summarizer.of(PeriodRule.days(ZoneOffset.UTC).withUnit(7), LAST_DAY)
                .summarize(orders);
        BetaGeoModel purchases = BetaGeoFitter.withDefaults().fit(weeks);
        GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(weeks);
        double[] clv = ClvCalculator.of(purchases, spend, 4.345).withMonths(12).withDiscountRate(0.01)
                .clv(weeks.frequencyAsDouble(), weeks.recency(), weeks.t(), weeks.monetary());
        long quiet = LAST_DAY.minusDays(89).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long[] last = weeks.lastPurchaseEpochSecond();
        double[] total = weeks.totalValue();
        double[] lapsedValue = new double[weeks.size()];
        for (int i = 0; i < lapsedValue.length; i++) {
            lapsedValue[i] = last[i] < quiet ? total[i] : Double.NEGATIVE_INFINITY;
        }
        CohortMatrices cohorts = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LAST_DAY)
                .matrices(orders);
        return new Report(rfm, weeks, clv, lapsedValue, cohorts);
    }

    /** The results of {@link #report}; {@code lapsedValue} is minus infinity for a customer who is not lapsed. */
    record Report(RfmScores rfm, CustomerSummaries summaries, double[] clv, double[] lapsedValue,
            CohortMatrices cohorts) {
        /** The customers with the k largest values of a measure, largest first (ties by id). */
        List<String> top(double[] measure, int k) {
            return Arrays.stream(order(measure)).limit(k).map(summaries::id).toList();
        }
    }

    private static Integer[] order(double[] measure) {
        Integer[] order = new Integer[measure.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -measure[i]).thenComparingInt(i -> i));
        return order;
    }

    private static void print(String title, CustomerSummaries s, double[] measure, int k) {
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-8s %6s %9s %12s %10s %12s%n", "customer", "orders", "repeat", "total £",
                "last order", "value £");
        Integer[] order = order(measure);
        int[] tx = s.transactions();
        int[] frequency = s.frequency();
        double[] total = s.totalValue();
        long[] last = s.lastPurchaseEpochSecond();
        for (int j = 0; j < k; j++) {
            int i = order[j];
            System.out.printf(Locale.ROOT, "  %-8s %6d %9d %12.2f %10s %12.2f%n", s.id(i), tx[i], frequency[i],
                    total[i], LocalDate.ofInstant(Instant.ofEpochSecond(last[i]), ZoneOffset.UTC), measure[i]);
        }
    }
}
