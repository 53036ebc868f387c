package io.loyalty.clv;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;

/**
 * Fits a {@link ModifiedBetaGeoModel} (MBG/NBD) by maximum likelihood: merged rows, time scaled so that the
 * largest T is 10, lifetimes' objective and penalizer on log-parameters, BFGS with the analytic gradient and
 * Newton polish, standard errors from the observed information, as {@link BetaGeoFitter}.
 *
 * <pre>{@code
 * ModifiedBetaGeoModel model = ModifiedBetaGeoFitter.withDefaults().fit(frequency, recency, T);
 * }</pre>
 *
 * <p>Input checks and {@link FitException} as in {@link BetaGeoFitter}. Immutable and thread-safe.
 *
 * <p>References: E. P. Batislam, M. Denizel and A. Filiztekin (2007), International Journal of Research in
 * Marketing 24(3), 201-209, doi:10.1016/j.ijresmar.2006.12.005.
 *
 * @since 0.1
 */
public final class ModifiedBetaGeoFitter {
    static final String[] NAMES = {"r", "alpha", "a", "b"};
    private static final boolean[] TIME_PARAMS = {false, true, false, false};
    private final Fitting.Options options;

    private ModifiedBetaGeoFitter(Fitting.Options options) {
        this.options = options;
    }

    /**
     * A fitter with no penalizer, start point 1 for every (time-scaled) parameter, tolerance {@code 1e-9} and at
     * most 1,000 iterations.
     *
     * @return the fitter
     */
    public static ModifiedBetaGeoFitter withDefaults() {
        return new ModifiedBetaGeoFitter(Fitting.Options.defaults(4));
    }

    /**
     * This fitter with an L2 penalizer on the (time-scaled) parameters, lifetimes' {@code penalizer_coef}.
     *
     * @param penalizer the coefficient, &gt;= 0
     * @return a new fitter
     */
    public ModifiedBetaGeoFitter withPenalizer(double penalizer) {
        return new ModifiedBetaGeoFitter(options.withPenalizer(penalizer));
    }

    /**
     * This fitter with another iteration limit.
     *
     * @param maxIterations the largest number of BFGS iterations, &gt; 0
     * @return a new fitter
     */
    public ModifiedBetaGeoFitter withMaxIterations(int maxIterations) {
        return new ModifiedBetaGeoFitter(options.withMaxIterations(maxIterations));
    }

    /**
     * This fitter with another convergence tolerance: the largest gradient component of the per-customer
     * objective over log-parameters, relative to max(1, |objective|).
     *
     * @param tolerance the tolerance, &gt; 0
     * @return a new fitter
     */
    public ModifiedBetaGeoFitter withTolerance(double tolerance) {
        return new ModifiedBetaGeoFitter(options.withTolerance(tolerance));
    }

    /**
     * A fitter that throws {@link FitException} when the fit's {@link Diagnostics} flag anything (a parameter at
     * a boundary, a weakly identified parameter, an ill-conditioned information), instead of returning the
     * flagged model with a warning.
     *
     * @return a new fitter
     * @since 0.2
     */
    public ModifiedBetaGeoFitter withStrictDiagnostics() {
        return new ModifiedBetaGeoFitter(options.withStrictDiagnostics());
    }

    /**
     * This fitter starting from given parameters (in the data's time unit) instead of the default.
     *
     * @param r start for r
     * @param alpha start for alpha
     * @param a start for a
     * @param b start for b
     * @return a new fitter
     */
    public ModifiedBetaGeoFitter withInitialParameters(double r, double alpha, double a, double b) {
        return new ModifiedBetaGeoFitter(options.withStart(new double[] {r, alpha, a, b}, NAMES));
    }

    /**
     * Fits the summaries' frequency, recency and T.
     *
     * @param summaries the customers
     * @return the fitted model
     */
    public ModifiedBetaGeoModel fit(CustomerSummaries summaries) {
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
    public ModifiedBetaGeoModel fit(double[] frequency, double[] recency, double[] T) {
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
    public ModifiedBetaGeoModel fit(double[] frequency, double[] recency, double[] T, double[] weights) {
        long start = System.nanoTime();
        CustomerChunk chunk = CustomerChunk.purchases(frequency, recency, T, weights);
        return fit(ChunkedCustomers.of(java.util.List.of(chunk)), start);
    }

    /**
     * Fits customers held in chunks elsewhere (chunks made by {@link CustomerChunk#ofPurchases}); see
     * {@link BetaGeoFitter#fit(ChunkedCustomers)}.
     *
     * @param customers the chunks
     * @return the fitted model
     * @throws FitException if the fit does not converge
     */
    public ModifiedBetaGeoModel fit(ChunkedCustomers customers) {
        return fit(customers, System.nanoTime());
    }

    private ModifiedBetaGeoModel fit(ChunkedCustomers customers, long start) {
        Fitting.Outcome o = Fitting.fit("MBG/NBD", NAMES, ChunkTask.Kind.MBG_NBD, true, customers, options,
                TIME_PARAMS, start);
        double[] p = o.theta();
        return new ModifiedBetaGeoModel(p[0], p[1], p[2], p[3], o.summary());
    }

    @Override
    public String toString() {
        return Checks.format("ModifiedBetaGeoFitter[penalizer=%s, maxIterations=%d, tolerance=%s]", options.penalizer(),
                options.maxIterations(), options.tolerance());
    }
}
