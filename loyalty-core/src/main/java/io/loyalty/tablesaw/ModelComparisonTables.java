package io.loyalty.tablesaw;

import io.loyalty.clv.ModelComparison;
import io.loyalty.internal.Checks;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
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
     * One row per model: {@code model, status} ("ok", "weak", "DEGENERATE" or "FAILED"), {@code recommended},
     * {@code param_1_name, param_1, ..., param_4_name, param_4, log_likelihood, aic, bic, chi_square,
     * holdout_mae, holdout_rmse, holdout_predicted_total, holdout_actual_total, auc_p_alive, auc_recency_baseline,
     * warnings} (joined by " | ") {@code , failure}. A failed model's numbers are missing values.
     *
     * @param result the comparison
     * @return a new table named "model comparison"
     */
    public static Table toTable(ModelComparison.Result result) {
        Checks.notNull(result, "result");
        StringColumn model = StringColumn.create("model");
        StringColumn status = StringColumn.create("status");
        BooleanColumn recommended = BooleanColumn.create("recommended");
        StringColumn[] names = new StringColumn[4];
        DoubleColumn[] values = new DoubleColumn[4];
        for (int p = 0; p < 4; p++) {
            names[p] = StringColumn.create("param_" + (p + 1) + "_name");
            values[p] = DoubleColumn.create("param_" + (p + 1));
        }
        String[] metricNames = {"log_likelihood", "aic", "bic", "chi_square", "holdout_mae", "holdout_rmse",
            "holdout_predicted_total", "holdout_actual_total", "auc_p_alive", "auc_recency_baseline"};
        DoubleColumn[] metrics = new DoubleColumn[metricNames.length];
        for (int k = 0; k < metrics.length; k++) {
            metrics[k] = DoubleColumn.create(metricNames[k]);
        }
        StringColumn warnings = StringColumn.create("warnings");
        StringColumn failure = StringColumn.create("failure");
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
            double[] m = {c.logLikelihood(), c.aic(), c.bic(), c.chiSquare(), c.meanAbsoluteError(),
                c.rootMeanSquaredError(), c.predictedTotal(), result.actualTotal(), c.aucProbabilityAlive(),
                result.recencyBaselineAuc()};
            for (int k = 0; k < m.length; k++) {
                // Tablesaw's missing double is NaN: a failed fit's numbers read as missing.
                metrics[k].append(m[k]);
            }
            warnings.append(String.join(" | ", c.warnings()));
            failure.append(c.failure().orElse(""));
        }
        Table t = Table.create("model comparison", model, status, recommended);
        for (int p = 0; p < 4; p++) {
            t.addColumns(names[p], values[p]);
        }
        t.addColumns(metrics);
        return t.addColumns(warnings, failure);
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
        return t;
    }
}
