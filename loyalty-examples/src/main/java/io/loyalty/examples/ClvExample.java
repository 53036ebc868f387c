package io.loyalty.examples;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.HoldoutValidation;
import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Customer lifetime value on CDNOW: a 39-week calibration window (1997-01-01..1997-09-30) and a holdout to
 * 1998-06-30; BG/NBD for purchases and Gamma-Gamma for spend, with their intervals; the calibration-vs-holdout
 * table; the ten customers worth most over the next 12 months; two charts.
 */
public final class ClvExample {
    private static final int MAX_FREQUENCY = 7;

    private ClvExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or a chart cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== CLV: BG/NBD + Gamma-Gamma on CDNOW (weeks) ==");
        CalibrationHoldout split = Summarizer.of(PeriodRule.days().inUnitsOf(7), LocalDate.of(1998, 6, 30))
                .calibrationHoldout(DataModelExample.readCdnowSample(), LocalDate.of(1997, 9, 30));
        CustomerSummaries cal = split.calibration();
        System.out.println(split);

        BetaGeoModel purchases = BetaGeoFitter.withDefaults().fit(cal);
        System.out.println(purchases.fitSummary().orElseThrow());
        System.out.printf("Gamma-Gamma assumes spend independent of frequency: their correlation over the repeat "
                + "customers is %.3f%n", GammaGammaFitter.frequencyMonetaryCorrelation(cal.frequencyAsDouble(),
                        cal.monetary()));
        GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(cal);
        System.out.println(spend.fitSummary().orElseThrow());
        System.out.printf("Published (Fader, Hardie & Lee 2005): r=0.243 alpha=4.414 a=0.793 b=2.426; "
                + "p=6.25 q=3.74 gamma=15.44%n%n");

        HoldoutValidation holdout = HoldoutValidation.of(purchases, split, MAX_FREQUENCY);
        System.out.println(holdout);

        double[] x = cal.frequencyAsDouble();
        double[] tx = cal.recency();
        double[] t = cal.t();
        double[] m = cal.monetary();
        double[] clv = ClvCalculator.of(purchases, spend, 4.345).withMonths(12).withDiscountRate(0.01)
                .clv(x, tx, t, m);
        double[] next52 = purchases.conditionalExpectedPurchases(52, x, tx, t);
        double[] alive = purchases.probabilityAlive(x, tx, t);
        double[] value = spend.conditionalExpectedAverageProfit(x, m);
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -clv[i]));
        System.out.println("Top 10 customers by 12-month CLV (1% a month, 4.345 weeks a month):");
        System.out.printf("  %-8s %4s %8s %8s %9s %8s %12s %10s %10s%n", "customer", "x", "t_x", "T", "mean $",
                "P(alive)", "E[52 weeks]", "E[spend]", "CLV $");
        for (int k = 0; k < 10; k++) {
            int i = order[k];
            System.out.printf("  %-8s %4.0f %8.2f %8.2f %9.2f %8.3f %12.2f %10.2f %10.2f%n", cal.id(i), x[i], tx[i],
                    t[i], m[i], alive[i], next52[i], value[i], clv[i]);
        }
        double total = 0;
        for (double v : clv) {
            total += v;
        }
        System.out.printf("Total 12-month CLV of the %,d customers: $%,.0f%n", x.length, total);

        Path histogram = frequencyChart(purchases, x, t);
        Path byFrequency = holdoutChart(holdout);
        System.out.printf("Charts: %s, %s%n%n", histogram, byFrequency);
    }

    private static Path frequencyChart(BetaGeoModel model, double[] x, double[] t) throws IOException {
        double[] expected = model.expectedFrequencyCounts(t, MAX_FREQUENCY);
        double[] actual = new double[MAX_FREQUENCY + 1];
        for (double f : x) {
            actual[(int) Math.min(MAX_FREQUENCY, f)]++;
        }
        List<String> labels = new ArrayList<>();
        List<Number> act = new ArrayList<>();
        List<Number> pred = new ArrayList<>();
        for (int k = 0; k <= MAX_FREQUENCY; k++) {
            labels.add(k + (k == MAX_FREQUENCY ? "+" : ""));
            act.add(actual[k]);
            pred.add(expected[k]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
                .title("CDNOW calibration: customers by repeat purchases, actual vs BG/NBD")
                .xAxisTitle("repeat purchases in weeks 1-39").yAxisTitle("customers").build();
        chart.addSeries("actual", labels, act);
        chart.addSeries("BG/NBD expected", labels, pred);
        Path out = Examples.output("clv-frequency-histogram.png");
        BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
        return out;
    }

    private static Path holdoutChart(HoldoutValidation v) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Number> act = new ArrayList<>();
        List<Number> pred = new ArrayList<>();
        for (HoldoutValidation.Group g : v.groups()) {
            labels.add(g.label());
            act.add(g.actualMean());
            pred.add(g.predictedMean());
        }
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
                .title("CDNOW holdout (weeks 40-78): mean purchases by calibration frequency")
                .xAxisTitle("repeat purchases in calibration").yAxisTitle("mean purchases in holdout").build();
        chart.addSeries("actual", labels, act);
        chart.addSeries("BG/NBD predicted", labels, pred);
        Path out = Examples.output("clv-holdout-by-frequency.png");
        BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
        return out;
    }
}
