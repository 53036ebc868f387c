package io.loyalty.clv;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Fits a {@link ParetoNbdModel} by maximum likelihood.
 *
 * <pre>{@code
 * ParetoNbdModel model = ParetoNbdFitter.withDefaults().fit(frequency, recency, T);
 * }</pre>
 *
 * <p>Algorithm: as {@link BetaGeoFitter} (merged rows, time scaled so that the largest T is 10, lifetimes'
 * objective and penalizer on log-parameters, BFGS then Newton polish, standard errors from the observed
 * information), with the analytic gradient: the likelihood's derivatives go through those of the Gauss
 * hypergeometric function in its parameters, positive series summed with the function itself (issue 17). Each
 * likelihood evaluation costs one such set of series per distinct (x, t_x) and (x, T) pair.
 * The surface is flat along alpha and beta (on CDNOW, fits whose log-likelihoods agree to 1e-10 differ by about
 * 0.001 in alpha and 0.003 in beta), so compare fits by their log-likelihood.
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
     * A fitter that throws {@link FitException} when the fit's {@link Diagnostics} flag anything (a parameter at
     * a boundary, a weakly identified parameter, an ill-conditioned information), instead of returning the
     * flagged model with a warning.
     *
     * @return a new fitter
     * @since 0.2
     */
    public ParetoNbdFitter withStrictDiagnostics() {
        return new ParetoNbdFitter(options.withStrictDiagnostics());
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
        CustomerChunk chunk = CustomerChunk.purchases(frequency, recency, T, weights);
        return fit(ChunkedCustomers.of(java.util.List.of(chunk)), start);
    }

    /**
     * Fits customers held in chunks elsewhere (chunks made by {@link CustomerChunk#ofPurchases}); see
     * {@link BetaGeoFitter#fit(ChunkedCustomers)}: each gradient, and the eight gradients of a Hessian, is one
     * {@link ChunkTask}, so one pass over the chunks.
     *
     * @param customers the chunks
     * @return the fitted model
     * @throws FitException if the fit does not converge
     */
    public ParetoNbdModel fit(ChunkedCustomers customers) {
        return fit(customers, System.nanoTime());
    }

    private ParetoNbdModel fit(ChunkedCustomers customers, long start) {
        Fitting.Outcome o = Fitting.fit("Pareto/NBD", NAMES, ChunkTask.Kind.PARETO_NBD, true, customers, options,
                TIME_PARAMS, start);
        double[] p = o.theta();
        return new ParetoNbdModel(p[0], p[1], p[2], p[3], o.summary());
    }

    /**
     * The distinct (frequency, time) pairs of the rows' (x, t_x) and (x, T): the function F of A0 depends on these
     * only, so each likelihood evaluation computes one 2F1 per pair instead of two per row.
     */
    static final class Pairs {
        final int[] txPair;
        final int[] tPair;
        final double[] x;
        final int[] time;
        final int size;

        Pairs(RfmRows rows) {
            Map<Long, Integer> index = new HashMap<>();
            txPair = new int[rows.size];
            tPair = new int[rows.size];
            double[] px = new double[2 * rows.size];
            int[] pt = new int[2 * rows.size];
            long width = rows.times.length;
            int n = 0;
            for (int pass = 0; pass < 2; pass++) {
                int[] times = pass == 0 ? rows.txIndex : rows.tIndex;
                int[] out = pass == 0 ? txPair : tPair;
                for (int i = 0; i < rows.size; i++) {
                    long key = (long) rows.x[i] * width + times[i];
                    Integer at = index.get(key);
                    if (at == null) {
                        at = n;
                        index.put(key, n);
                        px[n] = rows.x[i];
                        pt[n++] = times[i];
                    }
                    out[i] = at;
                }
            }
            x = Arrays.copyOf(px, n);
            time = Arrays.copyOf(pt, n);
            size = n;
        }
    }

    /** Sum over rows of w * LL, recency and T multiplied by {@code scale}, with F once per (x, time) pair. */
    static double logLikelihood(RfmRows rows, Pairs pairs, double scale, double[] theta) {
        return ParetoNbdGradient.logLikelihood(rows, pairs, scale, theta, null);
    }

    @Override
    public String toString() {
        return Checks.format("ParetoNbdFitter[penalizer=%s, maxIterations=%d, tolerance=%s]", options.penalizer(),
                options.maxIterations(), options.tolerance());
    }
}
