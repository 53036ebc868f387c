package io.loyalty.clv;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.ConvergenceException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Which purchase model to trust on a calibration/holdout split: BG/NBD, MBG/NBD and Pareto/NBD are each fitted on
 * the calibration window and scored on how they fit it and how they predict the holdout window after it.
 *
 * <p>Per model ({@link Candidate}): the log-likelihood, parameters, AIC ({@code 2k - 2 LL}) and BIC
 * ({@code k ln n - 2 LL}) with {@code k} parameters and {@code n} customers; the calibration histogram, actual
 * against expected customers with 0, 1, ..., {@code maxFrequency - 1} and {@code maxFrequency}+ repeat purchases
 * (expected: the sum over customers of P(X(T_i) = x)), with its chi-square {@code sum (actual - expected)^2 /
 * expected}; the holdout mean absolute and root mean squared error per customer of E[Y(holdout) | x, t_x, T] and
 * the total predicted against actual holdout purchases; the AUC (the probability that a random customer who buys
 * again in the holdout scores above a random one who does not, ties counting half) of P(alive) at the calibration
 * end, beside the same AUC of a recency baseline (the score {@code -(T - t_x)}: time since the last purchase,
 * shorter ranks higher); and the fit's {@link Diagnostics}. A model whose fit throws
 * {@link ConvergenceException} stays in the comparison, with the exception's message as its
 * {@link Candidate#failure() failure}; so does a fitted
 * model whose predictions cannot be evaluated in double precision (extreme boundary parameters, where the
 * predictions throw {@link IllegalArgumentException} naming them).
 *
 * <p>The recommendation rule: among the fits whose diagnostics are not {@link Diagnostics#degenerate()
 * degenerate} (every fit, if all are degenerate, and the reason says so), the lowest holdout MAE wins; fits whose
 * MAE is within {@value #TIE_WIDTH} (relative) of the lowest count as tied, and the lowest BIC among them wins
 * (then the order BG/NBD, MBG/NBD, Pareto/NBD). Holdout error is what a user of the predictions pays for; the
 * tie width keeps a difference in the third digit from outweighing the fit to the calibration data. A failed fit
 * is never recommended; when every fit fails there is no recommendation.
 *
 * <p>Input: at least {@value #MIN_CUSTOMERS} customers (more than the models' four parameters), a holdout window
 * of positive length, and at least one holdout purchase; otherwise {@link IllegalArgumentException} naming what is
 * wrong. Every number of a result is computed by exact sums over sorted values, so it does not depend on the order
 * of the customers beyond what the fits themselves do (their estimates agree to about 1e-8 relative across
 * orders). Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class ModelComparison {
    /** The default first pooled frequency of the calibration histogram (bins 0..6 and 7+). */
    public static final int DEFAULT_MAX_FREQUENCY = 7;
    /** The relative width within which holdout MAEs count as tied (then BIC decides). */
    public static final double TIE_WIDTH = 0.01;
    /** The fewest customers a comparison accepts: one more than the models' four parameters. */
    public static final int MIN_CUSTOMERS = 5;

    private final BetaGeoFitter betaGeo;
    private final ModifiedBetaGeoFitter modifiedBetaGeo;
    private final ParetoNbdFitter paretoNbd;
    private final int maxFrequency;

    private ModelComparison(BetaGeoFitter betaGeo, ModifiedBetaGeoFitter modifiedBetaGeo, ParetoNbdFitter paretoNbd,
            int maxFrequency) {
        this.betaGeo = betaGeo;
        this.modifiedBetaGeo = modifiedBetaGeo;
        this.paretoNbd = paretoNbd;
        this.maxFrequency = maxFrequency;
    }

    /**
     * A comparison with the three fitters' defaults and the histogram 0..6, 7+.
     *
     * @return the comparison
     */
    public static ModelComparison withDefaults() {
        return new ModelComparison(BetaGeoFitter.withDefaults(), ModifiedBetaGeoFitter.withDefaults(),
                ParetoNbdFitter.withDefaults(), DEFAULT_MAX_FREQUENCY);
    }

    /**
     * This comparison with configured fitters (penalizer, start point, strict diagnostics: a strict fitter whose
     * fit is flagged shows up as a failed candidate).
     *
     * @param betaGeo the BG/NBD fitter
     * @param modifiedBetaGeo the MBG/NBD fitter
     * @param paretoNbd the Pareto/NBD fitter
     * @return a new comparison
     */
    public ModelComparison withFitters(BetaGeoFitter betaGeo, ModifiedBetaGeoFitter modifiedBetaGeo,
            ParetoNbdFitter paretoNbd) {
        return new ModelComparison(Checks.notNull(betaGeo, "betaGeo"), Checks.notNull(modifiedBetaGeo,
                "modifiedBetaGeo"), Checks.notNull(paretoNbd, "paretoNbd"), maxFrequency);
    }

    /**
     * This comparison with another last histogram bin.
     *
     * @param maxFrequency the first frequency pooled into the last bin, 1 to 100 (the expected histogram costs
     *     P(X(t) = n) for every n below it and every distinct age, and Pareto/NBD's P(X(t) = n) itself grows with n)
     * @return a new comparison
     */
    public ModelComparison withMaxFrequency(int maxFrequency) {
        Checks.require(maxFrequency >= 1 && maxFrequency <= 100, "maxFrequency must be in [1, 100], got %d",
                maxFrequency);
        return new ModelComparison(betaGeo, modifiedBetaGeo, paretoNbd, maxFrequency);
    }

    /**
     * Compares the models on a split; they are fitted in the split's time unit.
     *
     * @param split the calibration/holdout split
     * @return the result
     * @throws IllegalArgumentException if the split has fewer than {@value #MIN_CUSTOMERS} customers, an empty
     *     holdout window, or no holdout purchase
     */
    public Result compare(CalibrationHoldout split) {
        Checks.notNull(split, "split");
        int[] f = split.holdoutFrequency();
        double[] holdout = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            holdout[i] = f[i];
        }
        return compare(split.calibration().frequencyAsDouble(), split.calibration().recency(),
                split.calibration().t(), holdout, split.holdoutDuration());
    }

    /**
     * Compares the models on columns.
     *
     * @param frequency calibration repeat purchases per customer
     * @param recency calibration t_x per customer
     * @param T calibration age per customer
     * @param holdoutPurchases purchases in the holdout window per customer, whole numbers &gt;= 0 below 2^31
     * @param holdoutDuration the holdout window's length in the columns' time unit, finite and &gt; 0
     * @return the result
     * @throws IllegalArgumentException naming the argument (and row) if a column is invalid, there are fewer than
     *     {@value #MIN_CUSTOMERS} customers, the holdout window is empty, or nobody buys in it
     */
    public Result compare(double[] frequency, double[] recency, double[] T, double[] holdoutPurchases,
            double holdoutDuration) {
        RfmRows.check(frequency, recency, T, null, false);
        Checks.notNull(holdoutPurchases, "holdoutPurchases");
        int n = frequency.length;
        Checks.sameLength(n, holdoutPurchases.length, "holdoutPurchases");
        Checks.require(n >= MIN_CUSTOMERS, "a model comparison needs at least %d customers (more than the models' "
                + "4 parameters), got %d", MIN_CUSTOMERS, n);
        Checks.require(holdoutDuration > 0 && holdoutDuration < Double.POSITIVE_INFINITY, "holdoutDuration must be "
                + "finite and > 0, got %s: the holdout window is empty, so there is nothing to predict; end the "
                + "calibration earlier", holdoutDuration);
        double[] actual = holdoutPurchases.clone();
        ExactSum totalActual = new ExactSum();
        int buyers = 0;
        for (int i = 0; i < n; i++) {
            double h = actual[i];
            // Whole counts below 2^31, as the calibration frequency: squared errors then stay finite.
            Checks.require(h >= 0 && h == Math.rint(h) && h < Integer.MAX_VALUE, "holdoutPurchases at row %d must "
                    + "be a whole number >= 0 below 2^31, got %s", i, h);
            totalActual.add(h);
            buyers += h > 0 ? 1 : 0;
        }
        Checks.require(buyers > 0, "the holdout window is empty: none of the %d customers buys in it (holdout "
                + "purchases all 0), so the predictions cannot be checked; end the calibration earlier", n);
        long[] actualCounts = new long[maxFrequency + 1];
        double[] recencyScore = new double[n];
        boolean[] buysAgain = new boolean[n];
        for (int i = 0; i < n; i++) {
            actualCounts[(int) Math.min(maxFrequency, frequency[i])]++;
            recencyScore[i] = -(T[i] - recency[i]) + 0.0;
            buysAgain[i] = actual[i] > 0;
        }
        double recencyAuc = ComparisonMetrics.auc(recencyScore, buysAgain);
        List<Candidate> candidates = new ArrayList<>(3);
        String[] names = {"BG/NBD", "MBG/NBD", "Pareto/NBD"};
        for (int m = 0; m < 3; m++) {
            TransactionModel model;
            try {
                model = switch (m) {
                    case 0 -> betaGeo.fit(frequency, recency, T);
                    case 1 -> modifiedBetaGeo.fit(frequency, recency, T);
                    default -> paretoNbd.fit(frequency, recency, T);
                };
            } catch (ConvergenceException e) {
                candidates.add(Candidate.failed(names[m], e.getMessage()));
                continue;
            }
            try {
                candidates.add(score(model, frequency, recency, T, actual, holdoutDuration, actualCounts,
                        buysAgain));
            } catch (IllegalArgumentException e) {
                // The rows were checked above, so this is the fitted model refusing a prediction it cannot
                // evaluate in double precision (documented for extreme parameters): a failed candidate, not a crash.
                // Such parameters come from a boundary fit: its flags say why, so the failure carries them.
                List<String> flags = model.fitSummary().map(f -> f.diagnostics().warnings()).orElse(List.of());
                candidates.add(Candidate.failed(names[m], Checks.format("%s fit returned %s = %s, but its "
                        + "predictions cannot be evaluated: %s%s", names[m], Arrays.toString(model.parameterNames()),
                        Arrays.toString(model.parameters()), e.getMessage(), flags.isEmpty() ? ""
                                : ". The fit's diagnostics: " + String.join("; ", flags))));
            }
        }
        return new Result(n, holdoutDuration, totalActual.value(), buyers, actualCounts, recencyAuc, candidates);
    }

    private Candidate score(TransactionModel model, double[] frequency, double[] recency, double[] T,
            double[] actual, double duration, long[] actualCounts, boolean[] buysAgain) {
        FitSummary fit = model.fitSummary().orElseThrow();
        int n = frequency.length;
        int k = model.parameters().length;
        double ll = fit.logLikelihood();
        double[] expected = ComparisonMetrics.expectedCounts(model, T, maxFrequency);
        double chi = 0;
        for (int b = 0; b < expected.length; b++) {
            double d = actualCounts[b] - expected[b];
            // An empty bin the model also leaves empty adds nothing; customers where it expects none add infinity.
            chi += d == 0 ? 0 : d * d / expected[b];
        }
        double[] predicted = model.conditionalExpectedPurchases(duration, frequency, recency, T);
        double[] absolute = new double[n];
        double[] squared = new double[n];
        for (int i = 0; i < n; i++) {
            double d = actual[i] - predicted[i];
            absolute[i] = Math.abs(d);
            squared[i] = d * d;
            Checks.require(squared[i] < Double.POSITIVE_INFINITY, "the squared holdout error at row %d overflows a "
                    + "double (predicted %s purchases)", i, predicted[i]);
        }
        double auc = ComparisonMetrics.auc(model.probabilityAlive(frequency, recency, T), buysAgain);
        return new Candidate(model.name(), model, null, model.parameterNames(), model.parameters(), ll,
                2.0 * k - 2 * ll, k * Math.log(n) - 2 * ll, expected, chi, ComparisonMetrics.sum(absolute) / n,
                Math.sqrt(ComparisonMetrics.sum(squared) / n), ComparisonMetrics.sum(predicted), auc,
                fit.diagnostics());
    }

    @Override
    public String toString() {
        return Checks.format("ModelComparison[%s; %s; %s; histogram 0..%d+]", betaGeo, modifiedBetaGeo, paretoNbd,
                maxFrequency);
    }

    /**
     * One model of a comparison: its fit and scores, or why the fit failed. Numbers of a failed candidate are NaN
     * (documented: there is no fit to score); {@link #fitted()} tells them apart. Immutable; arrays are copied out.
     *
     * @since 0.2
     */
    public static final class Candidate {
        private final String name;
        private final TransactionModel model;
        private final String failure;
        private final String[] parameterNames;
        private final double[] parameters;
        private final double logLikelihood;
        private final double aic;
        private final double bic;
        private final double[] expectedCounts;
        private final double chiSquare;
        private final double meanAbsoluteError;
        private final double rootMeanSquaredError;
        private final double predictedTotal;
        private final double aucProbabilityAlive;
        private final Diagnostics diagnostics;

        Candidate(String name, TransactionModel model, String failure, String[] parameterNames, double[] parameters,
                double logLikelihood, double aic, double bic, double[] expectedCounts, double chiSquare,
                double meanAbsoluteError, double rootMeanSquaredError, double predictedTotal,
                double aucProbabilityAlive, Diagnostics diagnostics) {
            this.name = name;
            this.model = model;
            this.failure = failure;
            this.parameterNames = parameterNames;
            this.parameters = parameters;
            this.logLikelihood = logLikelihood;
            this.aic = aic;
            this.bic = bic;
            this.expectedCounts = expectedCounts;
            this.chiSquare = chiSquare;
            this.meanAbsoluteError = meanAbsoluteError;
            this.rootMeanSquaredError = rootMeanSquaredError;
            this.predictedTotal = predictedTotal;
            this.aucProbabilityAlive = aucProbabilityAlive;
            this.diagnostics = diagnostics;
        }

        static Candidate failed(String name, String failure) {
            double nan = Double.NaN;
            return new Candidate(name, null, failure, new String[0], new double[0], nan, nan, nan, new double[0],
                    nan, nan, nan, nan, nan, null);
        }

        /**
         * The model's name: "BG/NBD", "MBG/NBD" or "Pareto/NBD".
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * Whether the fit returned a model (possibly flagged).
         *
         * @return true when fitted
         */
        public boolean fitted() {
            return model != null;
        }

        /**
         * The fitted model, with its {@link FitSummary} (estimates, standard errors, diagnostics).
         *
         * @return the model, empty when the fit failed
         */
        public Optional<TransactionModel> model() {
            return Optional.ofNullable(model);
        }

        /**
         * Why the fit failed: the {@link ConvergenceException}'s message.
         *
         * @return the message, empty when fitted
         */
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        /**
         * The parameter names, in the model's order.
         *
         * @return a copy, empty when the fit failed
         */
        public String[] parameterNames() {
            return parameterNames.clone();
        }

        /**
         * The estimates, in the order of {@link #parameterNames()}.
         *
         * @return a copy, empty when the fit failed
         */
        public double[] parameters() {
            return parameters.clone();
        }

        /**
         * The calibration log-likelihood at the estimates (without a penalty).
         *
         * @return the log-likelihood, NaN when the fit failed
         */
        public double logLikelihood() {
            return logLikelihood;
        }

        /**
         * Akaike's information criterion, {@code 2k - 2 LL}.
         *
         * @return the AIC, NaN when the fit failed
         */
        public double aic() {
            return aic;
        }

        /**
         * The Bayesian information criterion, {@code k ln(customers) - 2 LL}.
         *
         * @return the BIC, NaN when the fit failed
         */
        public double bic() {
            return bic;
        }

        /**
         * Expected customers with 0, 1, ..., {@code maxFrequency - 1} and at least {@code maxFrequency} repeat
         * purchases in the calibration window.
         *
         * @return a copy, empty when the fit failed
         */
        public double[] expectedCounts() {
            return expectedCounts.clone();
        }

        /**
         * Pearson's chi-square of the calibration histogram, {@code sum (actual - expected)^2 / expected} over the
         * bins; a bin both sides leave empty adds 0, and +Infinity (documented) means customers fall in a bin
         * whose expected count underflows to 0.
         *
         * @return the chi-square, &gt;= 0; NaN when the fit failed
         */
        public double chiSquare() {
            return chiSquare;
        }

        /**
         * The holdout mean absolute error per customer of the predicted purchases.
         *
         * @return the MAE, NaN when the fit failed
         */
        public double meanAbsoluteError() {
            return meanAbsoluteError;
        }

        /**
         * The holdout root mean squared error per customer.
         *
         * @return the RMSE, NaN when the fit failed
         */
        public double rootMeanSquaredError() {
            return rootMeanSquaredError;
        }

        /**
         * Total predicted holdout purchases of all customers.
         *
         * @return the total, NaN when the fit failed
         */
        public double predictedTotal() {
            return predictedTotal;
        }

        /**
         * The AUC of P(alive) at the calibration end for "buys again in the holdout".
         *
         * @return the AUC in [0, 1]; NaN when the fit failed or when every customer buys again
         */
        public double aucProbabilityAlive() {
            return aucProbabilityAlive;
        }

        /**
         * The fit's diagnostics.
         *
         * @return the diagnostics, empty when the fit failed
         */
        public Optional<Diagnostics> diagnostics() {
            return Optional.ofNullable(diagnostics);
        }

        /**
         * Whether the fit is degenerate (a parameter at a boundary).
         *
         * @return true when degenerate; false when regular or failed
         */
        public boolean degenerate() {
            return diagnostics != null && diagnostics.degenerate();
        }

        /**
         * The diagnostics' flags in words, one line each.
         *
         * @return an unmodifiable list, empty for a regular or failed fit
         */
        public List<String> warnings() {
            return diagnostics == null ? List.of() : diagnostics.warnings();
        }

        /**
         * A short status: "ok" (no flag), "weak" (a weakly identified parameter or an ill-conditioned information),
         * "DEGENERATE" (a parameter at a boundary) or "FAILED".
         *
         * @return the status
         */
        public String status() {
            if (model == null) {
                return "FAILED";
            }
            return diagnostics.degenerate() ? "DEGENERATE" : diagnostics.flagged() ? "weak" : "ok";
        }

        @Override
        public String toString() {
            if (model == null) {
                return name + ": fit failed: " + failure;
            }
            return Checks.format("%s %s: LL %.4f, AIC %.2f, BIC %.2f, chi-square %.2f, holdout MAE %.4f, RMSE %.4f, "
                    + "predicted %.1f, AUC P(alive) %.4f", name, Arrays.toString(parameters), logLikelihood, aic,
                    bic, chiSquare, meanAbsoluteError, rootMeanSquaredError, predictedTotal, aucProbabilityAlive);
        }
    }

    /**
     * The scores of the three models on one split, the recommendation and its reason. Prints as an aligned table
     * ({@link #toString()}); {@link #writeCsv(Writer)} writes one line per model. Immutable.
     *
     * @since 0.2
     */
    public static final class Result {
        private final int customers;
        private final double holdoutDuration;
        private final double actualTotal;
        private final int buyers;
        private final long[] actualCounts;
        private final double recencyAuc;
        private final List<Candidate> candidates;
        private final Candidate recommended;
        private final String reason;

        Result(int customers, double holdoutDuration, double actualTotal, int buyers, long[] actualCounts,
                double recencyAuc, List<Candidate> candidates) {
            this.customers = customers;
            this.holdoutDuration = holdoutDuration;
            this.actualTotal = actualTotal;
            this.buyers = buyers;
            this.actualCounts = actualCounts;
            this.recencyAuc = recencyAuc;
            this.candidates = Collections.unmodifiableList(new ArrayList<>(candidates));
            List<Candidate> pool = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            for (Candidate c : candidates) {
                if (!c.fitted()) {
                    excluded.add(c.name() + " (fit failed)");
                } else if (c.degenerate()) {
                    excluded.add(c.name() + " (degenerate: " + c.diagnostics.boundaries().get(0).parameter()
                            + (c.diagnostics.boundaries().get(0).towardZero() ? " -> 0)" : " -> infinity)"));
                } else {
                    pool.add(c);
                }
            }
            boolean allDegenerate = pool.isEmpty();
            if (allDegenerate) {
                for (Candidate c : candidates) {
                    if (c.fitted()) {
                        pool.add(c);
                    }
                }
            }
            if (pool.isEmpty()) {
                this.recommended = null;
                this.reason = "no recommendation: every fit failed";
                return;
            }
            double best = Double.POSITIVE_INFINITY;
            for (Candidate c : pool) {
                best = Math.min(best, c.meanAbsoluteError());
            }
            Candidate pick = null;
            int tied = 0;
            for (Candidate c : pool) {
                if (c.meanAbsoluteError() <= best * (1 + TIE_WIDTH)) {
                    tied++;
                    if (pick == null || c.bic() < pick.bic()) {
                        pick = c;
                    }
                }
            }
            StringBuilder why = new StringBuilder();
            if (tied == 1) {
                why.append(Checks.format("lowest holdout MAE (%.4f per customer)", pick.meanAbsoluteError()));
            } else {
                why.append(Checks.format("holdout MAE %.4f within %.0f%% of the lowest (%.4f) and the lowest BIC "
                        + "(%.2f) of the %d tied", pick.meanAbsoluteError(), 100 * TIE_WIDTH, best, pick.bic(), tied));
            }
            if (allDegenerate) {
                why.append(" although every fit is degenerate: read its diagnostics before acting on it");
            } else {
                why.append(" among the non-degenerate fits");
                if (pick.diagnostics.flagged()) {
                    why.append(", though weakly identified (see its warnings)");
                }
            }
            if (!excluded.isEmpty() && !allDegenerate) {
                why.append("; left out: ").append(String.join(", ", excluded));
            }
            this.recommended = pick;
            this.reason = why.toString();
        }

        /**
         * The number of customers compared.
         *
         * @return the count
         */
        public int customers() {
            return customers;
        }

        /**
         * The holdout window's length in the data's time unit.
         *
         * @return the duration
         */
        public double holdoutDuration() {
            return holdoutDuration;
        }

        /**
         * Total actual holdout purchases.
         *
         * @return the total
         */
        public double actualTotal() {
            return actualTotal;
        }

        /**
         * Customers with at least one holdout purchase.
         *
         * @return the count
         */
        public int buyersInHoldout() {
            return buyers;
        }

        /**
         * Actual customers with 0, 1, ..., {@code maxFrequency - 1} and at least {@code maxFrequency} calibration
         * repeat purchases.
         *
         * @return a copy
         */
        public long[] actualCounts() {
            return actualCounts.clone();
        }

        /**
         * The AUC of the recency baseline ({@code -(T - t_x)}) for "buys again in the holdout".
         *
         * @return the AUC in [0, 1]; NaN (documented) when every customer buys again
         */
        public double recencyBaselineAuc() {
            return recencyAuc;
        }

        /**
         * The candidates in the order BG/NBD, MBG/NBD, Pareto/NBD.
         *
         * @return an unmodifiable list
         */
        public List<Candidate> candidates() {
            return candidates;
        }

        /**
         * The candidate of a model.
         *
         * @param name "BG/NBD", "MBG/NBD" or "Pareto/NBD"
         * @return the candidate
         * @throws IllegalArgumentException for another name
         */
        public Candidate candidate(String name) {
            Checks.notNull(name, "name");
            for (Candidate c : candidates) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(Checks.format("name must be one of BG/NBD, MBG/NBD, Pareto/NBD, got "
                    + "'%s'", name));
        }

        /**
         * The recommended candidate, by the rule in {@link ModelComparison}.
         *
         * @return the candidate, empty when every fit failed
         */
        public Optional<Candidate> recommended() {
            return Optional.ofNullable(recommended);
        }

        /**
         * Why the recommended candidate was chosen (or why there is none), in words.
         *
         * @return the reason
         */
        public String reason() {
            return reason;
        }

        /**
         * Writes one CSV line per model (RFC 4180 quoting, a header line first). Numbers are written in their
         * shortest round-trip form, so they read back to the same doubles; a failed candidate's numbers are empty,
         * as is an undefined AUC. Columns: {@code model, status, recommended, param_1_name, param_1, ...,
         * param_4_name, param_4, log_likelihood, aic, bic, chi_square, actual_0, ..., actual_<max>_plus,
         * expected_0, ..., expected_<max>_plus, holdout_mae, holdout_rmse, holdout_predicted_total,
         * holdout_actual_total, holdout_duration, customers, buyers_in_holdout, auc_p_alive, auc_recency_baseline,
         * warnings} (joined by " | "){@code , failure, reason} (the reason on the recommended line only): the
         * columns of {@code io.loyalty.tablesaw.ModelComparisonTables.toTable(Result)}.
         *
         * @param out the writer, not closed
         * @throws java.io.UncheckedIOException if writing fails
         */
        public void writeCsv(Writer out) {
            Checks.notNull(out, "out");
            textTable().writeCsv(out);
        }

        /**
         * {@link #writeCsv(Writer)} to a file (UTF-8, replaced if it exists).
         *
         * @param file the file
         * @throws java.io.UncheckedIOException if writing fails
         */
        public void writeCsv(Path file) {
            Checks.notNull(file, "file");
            textTable().writeCsv(file);
        }

        /** The wide table of {@link #writeCsv(Writer)}, one row per model. */
        private TextTable textTable() {
            int bins = actualCounts.length;
            TextTable.Builder b = TextTable.builder().text("model").text("status").flag("recommended");
            for (int p = 1; p <= 4; p++) {
                b.text("param_" + p + "_name").significant("param_" + p, 6);
            }
            b.decimal("log_likelihood", 4).decimal("aic", 2).decimal("bic", 2).decimal("chi_square", 2);
            for (int k = 0; k < bins; k++) {
                b.count("actual_" + k + (k == bins - 1 ? "_plus" : ""));
            }
            for (int k = 0; k < bins; k++) {
                b.decimal("expected_" + k + (k == bins - 1 ? "_plus" : ""), 1);
            }
            b.decimal("holdout_mae", 4).decimal("holdout_rmse", 4).decimal("holdout_predicted_total", 1)
                    .count("holdout_actual_total").decimal("holdout_duration", 2).count("customers")
                    .count("buyers_in_holdout").decimal("auc_p_alive", 4).decimal("auc_recency_baseline", 4)
                    .text("warnings").text("failure").text("reason");
            for (Candidate c : candidates) {
                List<Object> row = new ArrayList<>(List.of(c.name(), c.status(), c == recommended));
                for (int p = 0; p < 4; p++) {
                    boolean has = p < c.parameters.length;
                    row.add(has ? c.parameterNames[p] : null);
                    row.add(has ? c.parameters[p] : null);
                }
                for (double v : new double[] {c.logLikelihood, c.aic, c.bic, c.chiSquare}) {
                    row.add(cell(v));
                }
                for (long a : actualCounts) {
                    row.add(a);
                }
                for (int k = 0; k < bins; k++) {
                    row.add(c.fitted() ? c.expectedCounts[k] : null);
                }
                for (double v : new double[] {c.meanAbsoluteError, c.rootMeanSquaredError, c.predictedTotal}) {
                    row.add(cell(v));
                }
                row.addAll(List.of(actualTotal, holdoutDuration, customers, buyers));
                row.add(cell(c.aucProbabilityAlive));
                row.add(cell(recencyAuc));
                row.add(String.join(" | ", c.warnings()));
                row.add(c.failure == null ? "" : c.failure);
                row.add(c == recommended ? reason : "");
                b.row(row.toArray());
            }
            return b.build();
        }

        /** A number cell, blank when undefined (a failed fit, an AUC without negatives). */
        private static Double cell(double v) {
            return Double.isNaN(v) ? null : v;
        }

        /**
         * The comparison as text: a line with the split, the scores by model, the parameters by model, the
         * calibration histogram (actual and expected customers by repeat purchases), every model's failure and
         * warnings, and the recommendation with its reason. The numbers are those of {@link #writeCsv(Writer)},
         * rounded for print.
         *
         * @return the text
         */
        @Override
        public String toString() {
            String nl = System.lineSeparator();
            TextTable all = textTable();
            StringBuilder b = new StringBuilder(Checks.format("Model comparison: %,d customers; holdout %.2f time "
                    + "units, %,.0f purchases by %,d customers (%.1f%% buy again); AUC of the recency baseline "
                    + "%.4f%n", customers, holdoutDuration, actualTotal, buyers, 100.0 * buyers / customers,
                    recencyAuc));
            b.append(all.select("model", "status", "recommended", "log_likelihood", "aic", "bic", "chi_square",
                    "holdout_mae", "holdout_rmse", "holdout_predicted_total", "auc_p_alive")).append(nl);
            b.append(all.select("model", "param_1_name", "param_1", "param_2_name", "param_2", "param_3_name",
                    "param_3", "param_4_name", "param_4")).append(nl);
            TextTable.Builder h = TextTable.builder().title("calibration repeat purchases: customers, actual and "
                    + "expected").text("repeat_purchases").count("actual");
            for (Candidate c : candidates) {
                if (c.fitted()) {
                    h.decimal(c.name(), 1);
                }
            }
            for (int k = 0; k < actualCounts.length; k++) {
                List<Object> row = new ArrayList<>(List.of(k + (k == actualCounts.length - 1 ? "+" : ""),
                        actualCounts[k]));
                for (Candidate c : candidates) {
                    if (c.fitted()) {
                        row.add(c.expectedCounts[k]);
                    }
                }
                h.row(row.toArray());
            }
            b.append(h.build());
            for (Candidate c : candidates) {
                if (!c.fitted()) {
                    b.append(c.name()).append(" FAILED: ").append(c.failure).append(nl);
                }
                for (String w : c.warnings()) {
                    b.append(c.name()).append(" WARNING ").append(w).append(nl);
                }
            }
            b.append(recommended == null ? reason : "Recommended: " + recommended.name() + ": " + reason);
            return b.append(nl).toString();
        }
    }
}
