package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.Minimizer;
import java.util.Arrays;

/**
 * Fits a {@link BetaGeoBetaBinomModel} (BG/BB) by maximum likelihood, usually on the recency/frequency patterns of
 * a cohort with a weight (the number of customers) per pattern, as Fader, Hardie and Shang (2010) do.
 *
 * <pre>{@code
 * BetaGeoBetaBinomModel model = BetaGeoBetaBinomFitter.withDefaults().fit(frequency, recency, periods, weights);
 * }</pre>
 *
 * <p>Algorithm: identical rows merged; mean negative log-likelihood plus {@code penalizer * sum(theta^2)} over
 * log-parameters, BFGS with the analytic gradient and Newton polish, start (1, 1, 1, 1); standard errors
 * from the observed information. A start given with {@link #withInitialParameters} is searched beside
 * (1, 1, 1, 1) and the fit runs from the one that ends higher: far out, where gamma and delta run to infinity
 * together, the likelihood flattens onto an asymptote below the maximum and a local search can stop there. Every
 * fit carries
 * {@link FitSummary#diagnostics()} (a boundary, weak identification, their meaning in words);
 * {@link #withStrictDiagnostics()} throws instead of returning a flagged fit. Input: whole numbers with 0 &lt;= frequency &lt;= recency &lt;= periods, recency 0
 * when frequency is 0, weights finite and &gt;= 0 with a positive sum; otherwise {@link IllegalArgumentException}
 * naming the row. Non-convergence throws {@link io.loyalty.stats.ConvergenceException}. Immutable and thread-safe.
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and J. Shang (2010), Marketing Science 29(6), 1086-1108,
 * doi:10.1287/mksc.1100.0580.
 *
 * @since 0.1
 */
public final class BetaGeoBetaBinomFitter extends AbstractFitter<BetaGeoBetaBinomFitter> {
    static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};
    private static final boolean[] NO_TIME = {false, false, false, false};

    private BetaGeoBetaBinomFitter(Fitting.Options options) {
        super(options);
    }

    /**
     * A fitter with no penalizer, start (1, 1, 1, 1), tolerance {@code 1e-9}, at most 1,000 iterations.
     *
     * @return the fitter
     */
    public static BetaGeoBetaBinomFitter withDefaults() {
        return new BetaGeoBetaBinomFitter(Fitting.Options.defaults(NAMES.length));
    }

    @Override
    BetaGeoBetaBinomFitter with(Fitting.Options options) {
        return new BetaGeoBetaBinomFitter(options);
    }

    /**
     * This fitter starting from given parameters.
     *
     * @param alpha start for alpha
     * @param beta start for beta
     * @param gamma start for gamma
     * @param delta start for delta
     * @return a new fitter
     */
    public BetaGeoBetaBinomFitter withInitialParameters(double alpha, double beta, double gamma, double delta) {
        return withStart(new double[] {alpha, beta, gamma, delta}, NAMES);
    }

    /**
     * Fits weighted rows.
     *
     * @param frequency opportunities with a transaction, x
     * @param recency the opportunity of the last transaction, t_x (0 when x = 0)
     * @param periods the opportunities observed, n
     * @param weights customers per row, or null for one each
     * @return the fitted model
     */
    public BetaGeoBetaBinomModel fit(double[] frequency, double[] recency, double[] periods, double[] weights) {
        long start = System.nanoTime();
        RfmRows.check(frequency, recency, periods, weights, true);
        RfmRows rows = RfmRows.collapse(frequency, recency, periods, weights);
        Fitting.Outcome o = fit(rows, searched(rows, options), start);
        double[] p = o.theta();
        return new BetaGeoBetaBinomModel(p[0], p[1], p[2], p[3], o.summary());
    }

    /**
     * The options with the start to fit from: a start given with {@link #withInitialParameters} and the middle
     * (1, 1, 1, 1) are both searched, and the one whose search converges to the lower negative log-likelihood is
     * kept, the given one on a tie. Far out, where gamma and delta run to infinity together, the likelihood flattens onto an asymptote
     * below the maximum (a beta distribution degenerating to a point mass), and a search from there can stop on
     * it with a vanishing gradient.
     */
    private static Fitting.Options searched(RfmRows rows, Fitting.Options options) {
        double[] middle = Fitting.Options.defaults(NAMES.length).start();
        if (Arrays.equals(options.start(), middle)) {
            return options;
        }
        Minimizer.Objective f = Fitting.objective((theta, g) -> logLikelihood(rows, theta, g), NAMES.length,
                options.penalizer(), rows.totalWeight);
        Minimizer.Result given = search(f, options.start(), options);
        Minimizer.Result fromMiddle = search(f, middle, options);
        boolean middleBetter = fromMiddle.converged() && !(given.converged() && given.value() <= fromMiddle.value());
        return middleBetter ? options.withStart(middle, NAMES) : options;
    }

    private static Minimizer.Result search(Minimizer.Objective f, double[] start, Fitting.Options options) {
        double[] u = new double[start.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.log(start[i]);
        }
        return new Minimizer(f, u.length, true, options.tolerance(), options.maxIterations()).minimize(u);
    }

    private static Fitting.Outcome fit(RfmRows rows, Fitting.Options options, long start) {
        return Fitting.fit("BG/BB", NAMES, (theta, g) -> logLikelihood(rows, theta, g), true, rows.size,
                rows.totalWeight, options, 1, NO_TIME, theta -> logLikelihood(rows, theta), start);
    }

    static double logLikelihood(RfmRows rows, double[] theta) {
        return logLikelihood(rows, theta, null);
    }

    /** Sum of w * LL over the rows and, when {@code gradient} is not null, of w * dLL/dtheta written into it. */
    static double logLikelihood(RfmRows rows, double[] theta, double[] gradient) {
        boolean grad = gradient != null;
        double[] shared = grad ? BetaGeoBetaBinomModel.sharedDigammas(theta[0], theta[1], theta[2], theta[3]) : null;
        double[] s = ChunkedSum.sum(rows.size, grad ? 5 : 1, (from, to, out) -> {
            double[] g = grad ? new double[4] : null;
            for (int i = from; i < to; i++) {
                double w = rows.w[i];
                out[0] += w * BetaGeoBetaBinomModel.logLikelihood(theta[0], theta[1], theta[2], theta[3],
                        rows.x[i], rows.tx[i], rows.t[i], shared, g);
                if (grad) {
                    for (int j = 0; j < 4; j++) {
                        out[j + 1] += w * g[j];
                    }
                }
            }
        });
        if (grad) {
            System.arraycopy(s, 1, gradient, 0, 4);
        }
        return s[0];
    }
}
