package io.loyalty.clv;

import io.loyalty.internal.Checks;

/**
 * The options every CLV fitter shares (penalizer, iteration limit, tolerance, strict diagnostics, start point)
 * and their {@code withX} methods, which return the concrete fitter: {@code F} is the fitter's own type.
 *
 * @param <F> the concrete fitter
 */
abstract class AbstractFitter<F extends AbstractFitter<F>> {
    /** The options of this fitter. */
    final Fitting.Options options;

    AbstractFitter(Fitting.Options options) {
        this.options = options;
    }

    /** A fitter of the concrete type with these options. */
    abstract F with(Fitting.Options options);

    /**
     * This fitter with an L2 penalizer on the (time-scaled) parameters, lifetimes' {@code penalizer_coef}.
     *
     * @param penalizer the coefficient, &gt;= 0
     * @return a new fitter
     */
    public F withPenalizer(double penalizer) {
        return with(options.withPenalizer(penalizer));
    }

    /**
     * This fitter with another iteration limit.
     *
     * @param maxIterations the largest number of BFGS iterations, &gt; 0
     * @return a new fitter
     */
    public F withMaxIterations(int maxIterations) {
        return with(options.withMaxIterations(maxIterations));
    }

    /**
     * This fitter with another convergence tolerance: the largest gradient component of the per-customer
     * objective over log-parameters, relative to max(1, |objective|).
     *
     * @param tolerance the tolerance, &gt; 0
     * @return a new fitter
     */
    public F withTolerance(double tolerance) {
        return with(options.withTolerance(tolerance));
    }

    /**
     * A fitter that throws {@link io.loyalty.stats.ConvergenceException} when the fit's {@link Diagnostics} flag
     * anything (a parameter at a boundary, a weakly identified parameter, an ill-conditioned information), instead
     * of returning the flagged model with a warning.
     *
     * @return a new fitter
     * @since 0.2
     */
    public F withStrictDiagnostics() {
        return with(options.withStrictDiagnostics());
    }

    /** This fitter starting from {@code start} (in the data's time unit), checked against the names. */
    final F withStart(double[] start, String[] names) {
        return with(options.withStart(start, names));
    }

    @Override
    public String toString() {
        return Checks.format("%s[penalizer=%s, maxIterations=%d, tolerance=%s]", getClass().getSimpleName(),
                options.penalizer(), options.maxIterations(), options.tolerance());
    }
}
