package io.loyalty.tablesaw;

import io.loyalty.clv.ModelComparison;
import io.loyalty.internal.Checks;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw out for {@link ModelComparison}: the scores by model and the calibration histogram, as tables with
 * columns named by us (the names of {@link ModelComparison.Result#writeCsv(java.io.Writer)}).
 *
 * @since 0.2
 */
public final class ModelComparisonTables {
    private ModelComparisonTables() {
    }

    /**
     * One row per model, the columns of {@link ModelComparison.Result#writeCsv(java.io.Writer)}: {@code model,
     * status} ("ok", "weak", "DEGENERATE" or "FAILED"), {@code recommended, param_1_name, param_1, ...,
     * param_4_name, param_4, log_likelihood, aic, bic, chi_square, actual_0, ..., actual_<max>_plus, expected_0,
     * ..., expected_<max>_plus, holdout_mae, holdout_rmse, holdout_predicted_total, holdout_actual_total,
     * holdout_duration, customers, buyers_in_holdout, auc_p_alive, auc_recency_baseline, warnings} (joined by
     * " | ") {@code , failure, reason} (on the recommended row only). A failed model's numbers are missing values.
     *
     * @param result the comparison
     * @return a new table named "model comparison"
     */
    public static Table toTable(ModelComparison.Result result) {
        Checks.notNull(result, "result");
        long[] actual = result.actualCounts();
        int bins = actual.length;
        StringColumn model = StringColumn.create("model");
        StringColumn status = StringColumn.create("status");
        BooleanColumn recommended = BooleanColumn.create("recommended");
        StringColumn[] names = new StringColumn[4];
        DoubleColumn[] values = new DoubleColumn[4];
        for (int p = 0; p < 4; p++) {
            names[p] = StringColumn.create("param_" + (p + 1) + "_name");
            values[p] = DoubleColumn.create("param_" + (p + 1));
        }
        String[] fitNames = {"log_likelihood", "aic", "bic", "chi_square"};
        DoubleColumn[] fit = new DoubleColumn[fitNames.length];
        for (int k = 0; k < fit.length; k++) {
            fit[k] = DoubleColumn.create(fitNames[k]);
        }
        LongColumn[] actualColumns = new LongColumn[bins];
        DoubleColumn[] expectedColumns = new DoubleColumn[bins];
        for (int k = 0; k < bins; k++) {
            String bin = k + (k == bins - 1 ? "_plus" : "");
            actualColumns[k] = LongColumn.create("actual_" + bin);
            expectedColumns[k] = DoubleColumn.create("expected_" + bin);
        }
        DoubleColumn mae = DoubleColumn.create("holdout_mae");
        DoubleColumn rmse = DoubleColumn.create("holdout_rmse");
        DoubleColumn predicted = DoubleColumn.create("holdout_predicted_total");
        DoubleColumn actualTotal = DoubleColumn.create("holdout_actual_total");
        DoubleColumn duration = DoubleColumn.create("holdout_duration");
        IntColumn customers = IntColumn.create("customers");
        IntColumn buyers = IntColumn.create("buyers_in_holdout");
        DoubleColumn auc = DoubleColumn.create("auc_p_alive");
        DoubleColumn baseline = DoubleColumn.create("auc_recency_baseline");
        StringColumn warnings = StringColumn.create("warnings");
        StringColumn failure = StringColumn.create("failure");
        StringColumn reason = StringColumn.create("reason");
        ModelComparison.Candidate chosen = result.recommended().orElse(null);
        for (ModelComparison.Candidate c : result.candidates()) {
            model.append(c.name());
            status.append(c.status());
            recommended.append(c == chosen);
            String[] pn = c.parameterNames();
            double[] pv = c.parameters();
            for (int p = 0; p < 4; p++) {
                if (p < pn.length) {
                    names[p].append(pn[p]);
                    values[p].append(pv[p]);
                } else {
                    names[p].appendMissing();
                    values[p].appendMissing();
                }
            }
            // Tablesaw's missing double is NaN: a failed fit's numbers read as missing.
            double[] f = {c.logLikelihood(), c.aic(), c.bic(), c.chiSquare()};
            for (int k = 0; k < f.length; k++) {
                fit[k].append(f[k]);
            }
            double[] expected = c.fitted() ? c.expectedCounts() : null;
            for (int k = 0; k < bins; k++) {
                actualColumns[k].append(actual[k]);
                if (expected == null) {
                    expectedColumns[k].appendMissing();
                } else {
                    expectedColumns[k].append(expected[k]);
                }
            }
            mae.append(c.meanAbsoluteError());
            rmse.append(c.rootMeanSquaredError());
            predicted.append(c.predictedTotal());
            actualTotal.append(result.actualTotal());
            duration.append(result.holdoutDuration());
            customers.append(result.customers());
            buyers.append(result.buyersInHoldout());
            auc.append(c.aucProbabilityAlive());
            baseline.append(result.recencyBaselineAuc());
            warnings.append(String.join(" | ", c.warnings()));
            failure.append(c.failure().orElse(""));
            reason.append(c == chosen ? result.reason() : "");
        }
        Table t = Table.create("model comparison", model, status, recommended);
        for (int p = 0; p < 4; p++) {
            t.addColumns(names[p], values[p]);
        }
        t.addColumns(fit);
        t.addColumns(actualColumns);
        t.addColumns(expectedColumns);
        t.addColumns(mae, rmse, predicted, actualTotal, duration, customers, buyers, auc, baseline, warnings,
                failure, reason);
        return Columns.readable(t);
    }

    /**
     * The calibration histogram: {@code repeat_purchases} ("0", ..., "7+"), {@code actual}, then one column of
     * expected customers per fitted model, named after it ("BG/NBD", "MBG/NBD", "Pareto/NBD").
     *
     * @param result the comparison
     * @return a new table named "calibration histogram"
     */
    public static Table histogram(ModelComparison.Result result) {
        Checks.notNull(result, "result");
        long[] actual = result.actualCounts();
        StringColumn bin = StringColumn.create("repeat_purchases");
        for (int k = 0; k < actual.length; k++) {
            bin.append(k + (k == actual.length - 1 ? "+" : ""));
        }
        Table t = Table.create("calibration histogram", bin, LongColumn.create("actual", actual));
        for (ModelComparison.Candidate c : result.candidates()) {
            if (c.fitted()) {
                t.addColumns(DoubleColumn.create(c.name(), c.expectedCounts()));
            }
        }
        return Columns.readable(t);
    }
}
