package io.loyalty.clv;

/**
 * Fits a {@link BetaGeoModel} (BG/NBD) by maximum likelihood.
 *
 * <pre>{@code
 * BetaGeoModel model = BetaGeoFitter.withDefaults().fit(frequency, recency, T);
 * System.out.println(model.fitSummary().orElseThrow());
 * double[] next39Weeks = model.conditionalExpectedPurchases(39, frequency, recency, T);
 * }</pre>
 *
 * <p>Algorithm. Identical {@code (x, t_x, T)} rows are merged into weighted rows first (from 16,384 rows on,
 * only when a sample shows that enough rows are identical). Recency and T are scaled
 * so that the largest T is 10 (as lifetimes does), and the objective, as in lifetimes, is the mean negative
 * log-likelihood plus {@code penalizer * (r^2 + alpha^2 + a^2 + b^2)} on the scaled parameters (so a penalizer
 * means the same as lifetimes' {@code penalizer_coef}). It is minimized over log-parameters by BFGS with the
 * analytic gradient, then polished by Newton steps, until every gradient component is below the tolerance
 * (default {@code 1e-9}, times max(1, |objective|)); the sums over rows run on both cores when there are more
 * than 8,192 distinct rows. From 65,536 rows on, the fit starts from the fit of every 16th row and takes Newton
 * steps with the analytic Hessian on all rows instead (a few passes over the rows rather than about fifty).
 * Standard errors and 95% intervals come from the observed information (see {@link ParameterEstimate}).
 * The default start point is 1 for every scaled parameter, as in lifetimes.
 *
 * <p>Input: frequency a whole number &gt;= 0, 0 &lt;= recency &lt;= T, recency 0 when frequency is 0, weights
 * (optional) finite, &gt;= 0, with a positive sum; otherwise {@link IllegalArgumentException} naming the row. A fit
 * that does not converge throws {@link io.loyalty.stats.ConvergenceException}. Immutable and thread-safe.
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "Counting your customers the easy way",
 * Marketing Science 24(2), 275-284, doi:10.1287/mksc.1040.0098.
 *
 * @since 0.1
 */
public final class BetaGeoFitter extends PurchaseFitter<BetaGeoModel, BetaGeoFitter> {
    private BetaGeoFitter(Fitting.Options options) {
        super(ModelKind.BG_NBD, options);
    }

    /**
     * A fitter with no penalizer, start point 1 for every (time-scaled) parameter, tolerance {@code 1e-9} and at
     * most 1,000 iterations.
     *
     * @return the fitter
     */
    public static BetaGeoFitter withDefaults() {
        return new BetaGeoFitter(Fitting.Options.defaults(ModelKind.BG_NBD.dimension));
    }

    @Override
    BetaGeoFitter with(Fitting.Options options) {
        return new BetaGeoFitter(options);
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
    public BetaGeoFitter withInitialParameters(double r, double alpha, double a, double b) {
        return withStart(new double[] {r, alpha, a, b}, kind.names());
    }
}
