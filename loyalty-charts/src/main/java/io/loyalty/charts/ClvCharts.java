package io.loyalty.charts;

import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.HoldoutValidation;
import io.loyalty.clv.ModifiedBetaGeoModel;
import io.loyalty.clv.ParetoNbdModel;
import io.loyalty.clv.TransactionModel;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of buy-till-you-die models ({@link io.loyalty.clv}), the plots lifetimes users know: the frequency x
 * recency matrices of expected purchases and of P(alive), the period transactions (customers by repeat purchases,
 * actual vs model), calibration vs holdout purchases by frequency, and one customer's P(alive) over time.
 *
 * @since 0.1
 */
public final class ClvCharts {
    /** The most rows (frequencies) of a matrix and the most bars of a period-transactions chart. */
    public static final int MAX_FREQUENCY = 100;
    private static final int RECENCY_COLUMNS = 20;
    private static final int HISTORY_POINTS = 400;

    private ClvCharts() {
    }

    /**
     * The expected purchases in the next {@code horizon} time units of a customer of age {@code age} for each
     * frequency (0 to {@code maxFrequency}) and recency (21 values from 0 to {@code age}): lifetimes'
     * {@code plot_frequency_recency_matrix}. Cells with no purchase but a recency above 0 cannot occur and stay
     * blank.
     *
     * @param model the fitted model, in the time unit of {@code horizon} and {@code age}
     * @param horizon the horizon, finite and &gt; 0
     * @param age the customers' age T, finite and &gt; 0
     * @param maxFrequency the largest frequency, 1 to {@link #MAX_FREQUENCY}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static Chart expectedPurchasesMatrix(TransactionModel model, double horizon, double age,
            int maxFrequency) {
        Checks.notNull(model, "model");
        Checks.positive(Checks.finite(horizon, "horizon"), "horizon");
        return matrix(model, age, maxFrequency, "expected purchases",
                new Fingerprint().add("clv expected purchases").add(horizon),
                (x, tx) -> model.conditionalExpectedPurchases(horizon, x, tx, age),
                Checks.format("Expected purchases in the next %s units by frequency and recency (%s, age %s)",
                        number(horizon), model.name(), number(age)));
    }

    /**
     * The probability that a customer of age {@code age} is still active, for each frequency (0 to
     * {@code maxFrequency}) and recency (21 values from 0 to {@code age}): lifetimes'
     * {@code plot_probability_alive_matrix}. Cells with no purchase but a recency above 0 stay blank.
     *
     * @param model the fitted model, in the time unit of {@code age}
     * @param age the customers' age T, finite and &gt; 0
     * @param maxFrequency the largest frequency, 1 to {@link #MAX_FREQUENCY}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static Chart probabilityAliveMatrix(TransactionModel model, double age, int maxFrequency) {
        Checks.notNull(model, "model");
        return matrix(model, age, maxFrequency, "P(alive)", new Fingerprint().add("clv p alive"),
                (x, tx) -> model.probabilityAlive(x, tx, age),
                Checks.format("Probability of being alive by frequency and recency (%s, age %s)", model.name(),
                        number(age)));
    }

    /**
     * Customers by repeat purchases, actual against the BG/NBD model's expectation for customers of the same ages:
     * lifetimes' {@code plot_period_transactions}.
     *
     * @param model the model fitted on {@code customers}
     * @param customers the customers
     * @param maxFrequency frequencies from this one up share the last bar, 1 to {@link #MAX_FREQUENCY}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or out of range, or {@code customers} is empty
     */
    public static Chart periodTransactions(BetaGeoModel model, CustomerSummaries customers, int maxFrequency) {
        Checks.notNull(model, "model");
        return periodTransactions(model.name(), model::expectedFrequencyCounts, customers, maxFrequency);
    }

    /**
     * {@link #periodTransactions(BetaGeoModel, CustomerSummaries, int)} for a Pareto/NBD model.
     *
     * @param model the model fitted on {@code customers}
     * @param customers the customers
     * @param maxFrequency frequencies from this one up share the last bar, 1 to {@link #MAX_FREQUENCY}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or out of range, or {@code customers} is empty
     */
    public static Chart periodTransactions(ParetoNbdModel model, CustomerSummaries customers, int maxFrequency) {
        Checks.notNull(model, "model");
        return periodTransactions(model.name(), model::expectedFrequencyCounts, customers, maxFrequency);
    }

    /**
     * {@link #periodTransactions(BetaGeoModel, CustomerSummaries, int)} for an MBG/NBD model.
     *
     * @param model the model fitted on {@code customers}
     * @param customers the customers
     * @param maxFrequency frequencies from this one up share the last bar, 1 to {@link #MAX_FREQUENCY}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or out of range, or {@code customers} is empty
     */
    public static Chart periodTransactions(ModifiedBetaGeoModel model, CustomerSummaries customers,
            int maxFrequency) {
        Checks.notNull(model, "model");
        return periodTransactions(model.name(), model::expectedFrequencyCounts, customers, maxFrequency);
    }

    /**
     * Mean purchases in the holdout window by calibration frequency, actual against predicted: lifetimes'
     * {@code plot_calibration_purchases_vs_holdout_purchases} (figure 4 of Fader, Hardie and Lee 2005).
     *
     * @param validation the holdout validation
     * @return the chart
     * @throws IllegalArgumentException if {@code validation} is null or has no groups
     */
    public static Chart calibrationVsHoldout(HoldoutValidation validation) {
        Checks.notNull(validation, "validation");
        List<HoldoutValidation.Group> groups = validation.groups();
        Checks.require(!groups.isEmpty(), "validation must hold at least one group, got 0");
        double[] frequency = new double[groups.size()];
        double[] actual = new double[groups.size()];
        double[] predicted = new double[groups.size()];
        List<String> labels = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("clv holdout").add(validation.duration());
        for (int i = 0; i < groups.size(); i++) {
            HoldoutValidation.Group g = groups.get(i);
            frequency[i] = g.frequency();
            actual[i] = g.actualMean();
            predicted[i] = g.predictedMean();
            labels.add(g.label());
            fp.add(g.label()).add(g.customers()).add(g.actualMean()).add(g.predictedMean());
        }
        String title = Checks.format("Mean purchases in the holdout (%s units) by purchases in calibration",
                number(validation.duration()));
        return Chart.of(title, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("repeat purchases in the calibration window").yAxisTitle("mean purchases in the holdout")
                    .build();
            chart.getStyler().setLegendPosition(LegendPosition.InsideNW).setMarkerSize(8);
            // The pooled last group reads "7+"; other ticks keep their number (XChart drops ticks with equal labels).
            chart.setCustomXAxisTickLabelsFormatter(x -> {
                for (int i = 0; i < frequency.length; i++) {
                    if (Math.abs(x - frequency[i]) < 1e-6) {
                        return labels.get(i);
                    }
                }
                return number(x);
            });
            chart.addSeries("actual", frequency, actual).setMarker(SeriesMarkers.CIRCLE);
            chart.addSeries("model", frequency, predicted).setMarker(SeriesMarkers.SQUARE);
            return chart;
        });
    }

    /**
     * One customer's probability of being alive over time, from the first purchase to {@code end}: it jumps to 1
     * at each purchase and decays while the customer is silent (lifetimes' {@code plot_history_alive}). Time is cut
     * into periods by {@code rule} as the {@link io.loyalty.data.Summarizer} does (purchases in one period count
     * once) and expressed in the rule's unit, which must be the model's. Evaluated at each purchase, the period
     * before it, and at most 400 evenly spaced periods.
     *
     * @param model the fitted model
     * @param rule the period rule the model's data were summarized with
     * @param purchases one customer's transactions, at least one, all with the same customer id, in any order
     * @param end the end of observation, not before the last purchase
     * @return the chart
     * @throws IllegalArgumentException if an argument is null, {@code purchases} is empty or mixes customers, or
     *     {@code end} is before a purchase
     */
    public static Chart probabilityAliveHistory(TransactionModel model, PeriodRule rule, List<Transaction> purchases,
            Instant end) {
        Checks.notNull(model, "model");
        Checks.notNull(rule, "rule");
        Checks.notNull(purchases, "purchases");
        Checks.notNull(end, "end");
        Checks.require(!purchases.isEmpty(), "purchases must hold at least one transaction, got 0");
        String customer = Checks.notNull(purchases.get(0), "purchases at row 0").customerId();
        long endIndex = rule.index(end);
        TreeSet<Long> periods = new TreeSet<>();
        for (int i = 0; i < purchases.size(); i++) {
            Transaction t = Checks.notNull(purchases.get(i), "purchases at row " + i);
            Checks.require(t.customerId().equals(customer),
                    "purchases at row %d belongs to customer '%s', row 0 to '%s'", i, t.customerId(), customer);
            Checks.require(!t.time().isAfter(end), "purchases at row %d is at %s, after end %s", i, t.time(), end);
            periods.add(rule.index(t.time()));
        }
        long first = periods.first();
        TreeSet<Long> grid = new TreeSet<>(periods);
        for (long p : periods) {
            if (p > first) {
                grid.add(p - 1);
            }
        }
        long span = endIndex - first;
        for (int k = 0; k <= HISTORY_POINTS; k++) {
            grid.add(first + Math.round((double) span * k / HISTORY_POINTS));
        }
        long[] bought = periods.stream().mapToLong(Long::longValue).toArray();
        double[] time = new double[grid.size()];
        double[] alive = new double[grid.size()];
        List<Double> buyTimes = new ArrayList<>();
        List<Double> buyAlive = new ArrayList<>();
        int i = 0;
        int seen = 0;
        for (long s : grid) {
            // Both are sorted: walk the purchase periods along the grid, counting those up to s.
            while (seen < bought.length && bought[seen] <= s) {
                seen++;
            }
            time[i] = rule.toUnits(s - first);
            alive[i] = model.probabilityAlive(seen - 1, rule.toUnits(bought[seen - 1] - first), time[i]);
            if (bought[seen - 1] == s) {
                buyTimes.add(time[i]);
                buyAlive.add(alive[i]);
            }
            i++;
        }
        Fingerprint fp = new Fingerprint().add("clv history").add(customer).add(time).add(alive);
        String title = Checks.format("P(alive) of customer %s since the first purchase (%s)", customer, model.name());
        return Chart.of(title, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("time since the first purchase (model units)").yAxisTitle("P(alive)").build();
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(LegendPosition.InsideSW)
                    .setMarkerSize(8);
            XYSeries line = chart.addSeries("P(alive)", time, alive);
            line.setMarker(SeriesMarkers.NONE);
            XYSeries buys = chart.addSeries("purchase", buyTimes, buyAlive);
            buys.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            buys.setMarker(SeriesMarkers.DIAMOND);
            return chart;
        });
    }

    private static Chart matrix(TransactionModel model, double age, int maxFrequency, String measure,
            Fingerprint fp, BiFunction<Double, Double, Double> cell, String title) {
        Checks.positive(Checks.finite(age, "age"), "age");
        frequencyRange(maxFrequency);
        List<String> recencies = new ArrayList<>();
        List<Integer> frequencies = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        fp.add(model.name()).add(model.parameters()).add(age).add(maxFrequency);
        for (int j = 0; j <= RECENCY_COLUMNS; j++) {
            recencies.add(number(age * j / RECENCY_COLUMNS));
        }
        for (int x = 0; x <= maxFrequency; x++) {
            frequencies.add(x);
            for (int j = x == 0 ? 0 : 1; j <= (x == 0 ? 0 : RECENCY_COLUMNS); j++) {
                double v = cell.apply((double) x, age * j / RECENCY_COLUMNS);
                // Three decimals: XChart prints the legend's bounds as they are, with every digit.
                cells.add(new Number[] {j, x, Math.round(1000 * v) / 1000.0});
                fp.add(v);
            }
        }
        return Chart.of(title, fp, (t, w, h) -> {
            HeatMapChart chart = new HeatMapChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("recency (age at the last purchase)").yAxisTitle("frequency (repeat purchases)")
                    .build();
            chart.getStyler().setRangeColors(Palette.heat()).setHeatMapValueDecimalPattern("0.00")
                    .setPlotContentSize(1);
            chart.getStyler().setXAxisLabelRotation(45);
            chart.addSeries(measure, recencies, frequencies, cells);
            return chart;
        });
    }

    private static Chart periodTransactions(String name, BiFunction<double[], Integer, double[]> expected,
            CustomerSummaries customers, int maxFrequency) {
        Checks.notNull(customers, "customers");
        Checks.require(customers.size() > 0, "customers must hold at least one customer, got 0");
        frequencyRange(maxFrequency);
        double[] model = expected.apply(customers.t(), maxFrequency);
        double[] actual = new double[maxFrequency + 1];
        for (int f : customers.frequency()) {
            actual[Math.min(maxFrequency, f)]++;
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k <= maxFrequency; k++) {
            labels.add(k + (k == maxFrequency ? "+" : ""));
        }
        Fingerprint fp = new Fingerprint().add("clv period transactions").add(name).add(actual).add(model);
        return Chart.of("Customers by repeat purchases, actual vs " + name, fp, (t, w, h) -> {
            CategoryChart chart = new CategoryChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("repeat purchases").yAxisTitle("customers").build();
            chart.getStyler().setLegendPosition(LegendPosition.InsideNE).setDecimalPattern("#,##0");
            chart.addSeries("actual", labels, list(actual));
            chart.addSeries(name + " expected", labels, list(model));
            return chart;
        });
    }

    private static void frequencyRange(int maxFrequency) {
        Checks.require(maxFrequency >= 1 && maxFrequency <= MAX_FREQUENCY, "maxFrequency must lie in [1, %d], got %d",
                MAX_FREQUENCY, maxFrequency);
    }

    static List<Number> list(double[] values) {
        List<Number> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
