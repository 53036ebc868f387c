package io.loyalty.cohort;

import io.loyalty.clv.ParameterEstimate;
import io.loyalty.internal.Checks;
import io.loyalty.internal.Minimizer;
import io.loyalty.stats.ConvergenceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the sBG model ({@link SbgModel}) by maximum likelihood on the same machinery as the CLV models: BFGS on
 * (log alpha, log beta) with the analytic gradient, polished by Newton steps until every gradient component of the
 * per-customer negative log-likelihood is below {@code 1e-9}; the observed information there gives the standard
 * errors ({@link SbgModel#estimates()}). Several cohorts can share one fit ({@link #fit(List)}) or get one each
 * ({@link #fitEach(List)}).
 *
 * <p>Immutable and thread-safe (each fit uses its own optimizer).
 *
 * @since 0.1
 */
public final class SbgFitter {
    /** The gradient tolerance of the CLV fitters, per customer on log-parameters. */
    private static final double TOLERANCE = 1e-9;

    private final int maxIterations;

    private SbgFitter(int maxIterations) {
        this.maxIterations = maxIterations;
    }

    /**
     * A fitter with up to 1,000 BFGS iterations.
     *
     * @return the fitter
     */
    public static SbgFitter withDefaults() {
        return new SbgFitter(1_000);
    }

    /**
     * This fitter with another iteration budget.
     *
     * @param maxIterations the largest number of BFGS iterations, &gt; 0
     * @return a new fitter
     * @throws IllegalArgumentException if {@code maxIterations} is not positive
     */
    public SbgFitter withMaxIterations(int maxIterations) {
        Checks.require(maxIterations > 0, "maxIterations must be > 0, got %d", maxIterations);
        return new SbgFitter(maxIterations);
    }

    /**
     * Fits one cohort.
     *
     * @param data the cohort's data
     * @return the fitted model
     * @throws IllegalArgumentException if {@code data} is null or has no churners or no survivors after t = 0
     * @throws ConvergenceException if the fit does not converge within the iteration budget, or the observed
     *     information at the optimum is not positive definite (the message gives the last point)
     */
    public SbgModel fit(SbgData data) {
        return fit(List.of(Checks.notNull(data, "data")));
    }

    /**
     * Fits one model to several cohorts jointly (their log-likelihoods add).
     *
     * @param cohorts the cohorts, not empty
     * @return the fitted model
     * @throws IllegalArgumentException if the list is null, empty or holds null, or the cohorts have no churners
     *     or no survivors after t = 0
     * @throws ConvergenceException if the fit does not converge within the iteration budget, or the observed
     *     information at the optimum is not positive definite (the message gives the last point)
     */
    public SbgModel fit(List<SbgData> cohorts) {
        Checks.notNull(cohorts, "cohorts");
        Checks.require(!cohorts.isEmpty(), "cohorts must not be empty");
        long customers = 0;
        boolean anyChurn = false;
        boolean anySurvivor = false;
        for (int i = 0; i < cohorts.size(); i++) {
            SbgData d = Checks.notNull(cohorts.get(i), "cohorts[" + i + "]");
            customers = Checks.addExact(customers, d.customers(), "customers of the cohorts");
            for (long c : d.churnedAt()) {
                anyChurn |= c > 0;
            }
            long[] cens = d.censoredAt();
            for (int t = 1; t < cens.length; t++) {
                anySurvivor |= cens[t] > 0;
            }
        }
        // Without churners or without survivors past t = 0 the likelihood has no maximum in (0, inf)^2.
        Checks.require(anyChurn && anySurvivor,
                "cohorts need both churners and customers alive after t = 0 for an sBG fit, got %s", cohorts);
        List<SbgData> data = List.copyOf(cohorts);
        // Per customer, so that the tolerance means the same for any cohort size.
        double total = customers;
        Minimizer.Objective objective = (u, g) -> {
            double a = Math.exp(u[0]);
            double b = Math.exp(u[1]);
            double[] grad = g == null ? null : new double[2];
            double ll = 0;
            for (SbgData d : data) {
                ll += d.logLikelihood(a, b, grad);
            }
            if (g != null) {
                g[0] = -a * grad[0] / total;
                g[1] = -b * grad[1] / total;
            }
            return -ll / total;
        };
        Minimizer minimizer = new Minimizer(objective, 2, true, TOLERANCE, maxIterations);
        Minimizer.Result r = minimizer.minimize(new double[] {0, 0});
        double alpha = Math.exp(r.point()[0]);
        double beta = Math.exp(r.point()[1]);
        if (!r.converged()) {
            throw new ConvergenceException(Checks.format("sBG fit did not converge: %s after %d iterations and %d "
                    + "evaluations, largest gradient component %.3g (tolerance %.1g) at alpha = %s, beta = %s; raise "
                    + "withMaxIterations", r.message(), r.iterations(), r.evaluations(), r.gradientNorm(),
                    TOLERANCE, alpha, beta), new double[] {alpha, beta}, r.evaluations(), r.iterations(),
                    r.gradientNorm());
        }
        double[][] covU = null;
        if (r.hessian() != null) {
            double[][] info = new double[2][2];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    info[i][j] = r.hessian()[i][j] * total;
                }
            }
            covU = Minimizer.inverse(info);
        }
        if (covU == null) {
            throw new ConvergenceException(Checks.format("sBG fit stopped at alpha = %s, beta = %s, but the "
                    + "observed information there is not positive definite: the data do not identify both "
                    + "parameters", alpha, beta), new double[] {alpha, beta}, r.evaluations(), r.iterations(),
                    r.gradientNorm());
        }
        double ll = 0;
        for (SbgData d : data) {
            ll += d.logLikelihood(alpha, beta);
        }
        List<ParameterEstimate> estimates = List.of(ParameterEstimate.ofLogScale("alpha", alpha,
                Math.sqrt(covU[0][0])), ParameterEstimate.ofLogScale("beta", beta, Math.sqrt(covU[1][1])));
        return SbgModel.fitted(alpha, beta, ll, customers, r.evaluations(), r.iterations(), estimates);
    }

    /**
     * Fits one model per cohort.
     *
     * @param cohorts the cohorts, not empty
     * @return the fitted models, in the cohorts' order
     * @throws IllegalArgumentException if the list is null, empty or holds a cohort that cannot be fitted
     * @throws ConvergenceException if a fit does not converge
     */
    public List<SbgModel> fitEach(List<SbgData> cohorts) {
        Checks.notNull(cohorts, "cohorts");
        Checks.require(!cohorts.isEmpty(), "cohorts must not be empty");
        List<SbgModel> out = new ArrayList<>();
        for (int i = 0; i < cohorts.size(); i++) {
            out.add(fit(Checks.notNull(cohorts.get(i), "cohorts[" + i + "]")));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SbgFitter[max iterations " + maxIterations + "]";
    }
}
