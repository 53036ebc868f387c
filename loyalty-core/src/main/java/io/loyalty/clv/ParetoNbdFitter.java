package io.loyalty.clv;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;

/**
 * Fits a {@link ParetoNbdModel} by maximum likelihood.
 *
 * <pre>{@code
 * ParetoNbdModel model = ParetoNbdFitter.withDefaults().fit(frequency, recency, T);
 * }</pre>
 *
 * <p>Algorithm: as {@link BetaGeoFitter} (merged rows, time scaled so that the largest T is 10, lifetimes'
 * objective and penalizer on log-parameters, BFGS then Newton polish, standard errors from the observed
 * information), but with central-difference gradients: the likelihood's derivatives go through the Gauss
 * hypergeometric function. Each likelihood evaluation costs two 2F1 values per distinct row. The surface is flat
 * along alpha and beta (on CDNOW, fits whose log-likelihoods agree to 1e-10 differ by about 0.001 in alpha and
 * 0.003 in beta), so compare fits by their log-likelihood.
 *
 * <p>Input checks and {@link FitException} as in {@link BetaGeoFitter}. Immutable and thread-safe.
 *
 * <p>References: D. C. Schmittlein, D. G. Morrison and R. Colombo (1987), Management Science 33(1), 1-24,
 * doi:10.1287/mnsc.33.1.1; P. S. Fader and B. G. S. Hardie (2005), "A note on deriving the Pareto/NBD model and
 * related expressions", http://brucehardie.com/notes/009/.
 *
 * @since 0.1
 */
public final class ParetoNbdFitter {
    static final String[] NAMES = {"r", "alpha", "s", "beta"};
    private static final boolean[] TIME_PARAMS = {false, true, false, true};
    private final Fitting.Options options;

    private ParetoNbdFitter(Fitting.Options options) {
        this.options = options;
    }

    /**
     * A fitter with no penalizer, start point 1 for every (time-scaled) parameter, tolerance {@code 1e-9} and at
     * most 1,000 iterations.
     *
     * @return the fitter
     */
    public static ParetoNbdFitter withDefaults() {
        return new ParetoNbdFitter(Fitting.Options.defaults(4));
    }

    /**
     * This fitter with an L2 penalizer on the (time-scaled) parameters, lifetimes' {@code penalizer_coef}.
     *
     * @param penalizer the coefficient, &gt;= 0
     * @return a new fitter
     */
    public ParetoNbdFitter withPenalizer(double penalizer) {
        return new ParetoNbdFitter(options.withPenalizer(penalizer));
    }

    /**
     * This fitter with another iteration limit.
     *
     * @param maxIterations the largest number of BFGS iterations, &gt; 0
     * @return a new fitter
     */
    public ParetoNbdFitter withMaxIterations(int maxIterations) {
        return new ParetoNbdFitter(options.withMaxIterations(maxIterations));
    }

    /**
     * This fitter with another convergence tolerance: the largest gradient component of the per-customer
     * objective over log-parameters, relative to max(1, |objective|).
     *
     * @param tolerance the tolerance, &gt; 0
     * @return a new fitter
     */
    public ParetoNbdFitter withTolerance(double tolerance) {
        return new ParetoNbdFitter(options.withTolerance(tolerance));
    }

    /**
     * This fitter starting from given parameters (in the data's time unit) instead of the default.
     *
     * @param r start for r
     * @param alpha start for alpha
     * @param s start for s
     * @param beta start for beta
     * @return a new fitter
     */
    public ParetoNbdFitter withInitialParameters(double r, double alpha, double s, double beta) {
        return new ParetoNbdFitter(options.withStart(new double[] {r, alpha, s, beta}, NAMES));
    }

    /**
     * Fits the summaries' frequency, recency and T.
     *
     * @param summaries the customers
     * @return the fitted model
     */
    public ParetoNbdModel fit(CustomerSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        return fit(summaries.frequencyAsDouble(), summaries.recency(), summaries.t(), null);
    }

    /**
     * Fits one row per customer.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @return the fitted model
     */
    public ParetoNbdModel fit(double[] frequency, double[] recency, double[] T) {
        return fit(frequency, recency, T, null);
    }

    /**
     * Fits weighted rows: row i stands for {@code weights[i]} customers with the same history.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @param weights customers per row, or null for one each
     * @return the fitted model
     */
    public ParetoNbdModel fit(double[] frequency, double[] recency, double[] T, double[] weights) {
        long start = System.nanoTime();
        RfmRows rows = RfmRows.of(frequency, recency, T, weights);
        double scale = Fitting.timeScale(rows.maxT);
        RfmRows scaled = rows.scaled(scale);
        Fitting.Outcome o = Fitting.fit("Pareto/NBD", NAMES, (theta, g) -> logLikelihood(scaled, theta), false,
                rows.size, rows.totalWeight, options, scale, TIME_PARAMS,
                theta -> logLikelihood(rows, theta), start);
        double[] p = o.theta();
        return new ParetoNbdModel(p[0], p[1], p[2], p[3], o.summary());
    }

    /** Sum over rows of w * LL. */
    static double logLikelihood(RfmRows rows, double[] theta) {
        double r = theta[0];
        double alpha = theta[1];
        double s = theta[2];
        double beta = theta[3];
        // lnGamma(r+x) - lnGamma(r) by recurrence, once per frequency.
        double[] lg = new double[rows.maxX + 1];
        for (int x = 0; x < rows.maxX; x++) {
            lg[x + 1] = lg[x] + Math.log(r + x);
        }
        double base = r * Math.log(alpha) + s * Math.log(beta);
        double[] sum = ChunkedSum.sum(rows.size, 1, (from, to, out) -> {
            double ll = 0;
            for (int i = from; i < to; i++) {
                double x = rows.x[i];
                ll += rows.w[i] * (base + lg[(int) x]
                        + ParetoNbdModel.tail(r, alpha, s, beta, x, rows.tx[i], rows.t[i]));
            }
            out[0] += ll;
        });
        return sum[0];
    }

    @Override
    public String toString() {
        return Checks.format("ParetoNbdFitter[penalizer=%s, maxIterations=%d, tolerance=%s]", options.penalizer(),
                options.maxIterations(), options.tolerance());
    }
}
