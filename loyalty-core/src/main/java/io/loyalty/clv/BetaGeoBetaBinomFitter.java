package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;

/**
 * Fits a {@link BetaGeoBetaBinomModel} (BG/BB) by maximum likelihood, usually on the recency/frequency patterns of
 * a cohort with a weight (the number of customers) per pattern, as Fader, Hardie and Shang (2010) do.
 *
 * <pre>{@code
 * BetaGeoBetaBinomModel model = BetaGeoBetaBinomFitter.withDefaults().fit(frequency, recency, periods, weights);
 * }</pre>
 *
 * <p>Algorithm: identical rows merged; mean negative log-likelihood plus {@code penalizer * sum(theta^2)} over
 * log-parameters, BFGS with central-difference gradients and Newton polish, start (1, 1, 1, 1); standard errors
 * from the observed information. Input: whole numbers with 0 &lt;= frequency &lt;= recency &lt;= periods, recency 0
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
        Fitting.Outcome o = Fitting.fit("BG/BB", NAMES, (theta, g) -> logLikelihood(rows, theta), false, rows.size,
                rows.totalWeight, options, 1, NO_TIME, theta -> logLikelihood(rows, theta), start);
        double[] p = o.theta();
        return new BetaGeoBetaBinomModel(p[0], p[1], p[2], p[3], o.summary());
    }

    static double logLikelihood(RfmRows rows, double[] theta) {
        double[] s = ChunkedSum.sum(rows.size, 1, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out[0] += rows.w[i] * BetaGeoBetaBinomModel.logLikelihood(theta[0], theta[1], theta[2], theta[3],
                        rows.x[i], rows.tx[i], rows.t[i]);
            }
        });
        return s[0];
    }
}
