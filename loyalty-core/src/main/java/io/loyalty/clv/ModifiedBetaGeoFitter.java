package io.loyalty.clv;

/**
 * Fits a {@link ModifiedBetaGeoModel} (MBG/NBD) by maximum likelihood: merged rows, time scaled so that the
 * largest T is 10, lifetimes' objective and penalizer on log-parameters, BFGS with the analytic gradient and
 * Newton polish (on many rows, Newton steps with the analytic Hessian from the fit of every 16th row), standard
 * errors from the observed information, as {@link BetaGeoFitter}.
 *
 * <pre>{@code
 * ModifiedBetaGeoModel model = ModifiedBetaGeoFitter.withDefaults().fit(frequency, recency, T);
 * }</pre>
 *
 * <p>Input checks and {@link io.loyalty.stats.ConvergenceException} as in {@link BetaGeoFitter}. Immutable and
 * thread-safe.
 *
 * <p>References: E. P. Batislam, M. Denizel and A. Filiztekin (2007), International Journal of Research in
 * Marketing 24(3), 201-209, doi:10.1016/j.ijresmar.2006.12.005.
 *
 * @since 0.1
 */
public final class ModifiedBetaGeoFitter extends PurchaseFitter<ModifiedBetaGeoModel, ModifiedBetaGeoFitter> {
    private ModifiedBetaGeoFitter(Fitting.Options options) {
        super(ModelKind.MBG_NBD, options);
    }

    /**
     * A fitter with no penalizer, start point 1 for every (time-scaled) parameter, tolerance {@code 1e-9} and at
     * most 1,000 iterations.
     *
     * @return the fitter
     */
    public static ModifiedBetaGeoFitter withDefaults() {
        return new ModifiedBetaGeoFitter(Fitting.Options.defaults(ModelKind.MBG_NBD.dimension));
    }

    @Override
    ModifiedBetaGeoFitter with(Fitting.Options options) {
        return new ModifiedBetaGeoFitter(options);
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
        return withStart(new double[] {r, alpha, a, b}, kind.names());
    }
}
