package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Minimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maximum-likelihood machinery shared by the CLV fitters: the lifetimes-style objective on log-parameters
 * (mean negative log-likelihood plus an L2 penalty on the parameters), BFGS, standard errors from the observed
 * information, and the diagnostics.
 */
final class Fitting {
    private static final Logger LOG = LoggerFactory.getLogger(Fitting.class);

    /** Default gradient tolerance on the per-customer objective over log-parameters. */
    static final double DEFAULT_TOLERANCE = 1e-9;
    static final int DEFAULT_MAX_ITERATIONS = 1000;

    /** The summed log-likelihood of the (time-scaled) rows at natural parameters. */
    interface Likelihood {
        /**
         * Returns sum w * LL; when {@code gradient} is not null, writes sum w * dLL/dtheta into it.
         */
        double logLikelihood(double[] theta, double[] gradient);
    }

    /** Fitter options shared by every model. */
    record Options(double penalizer, int maxIterations, double tolerance, double[] start) {
        static Options defaults(int dimension) {
            double[] ones = new double[dimension];
            Arrays.fill(ones, 1);
            return new Options(0, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, ones);
        }

        Options withPenalizer(double p) {
            Checks.nonNegative(p, "penalizer");
            return new Options(p, maxIterations, tolerance, start);
        }

        Options withMaxIterations(int m) {
            Checks.require(m > 0, "maxIterations must be > 0, got %d", m);
            return new Options(penalizer, m, tolerance, start);
        }

        Options withTolerance(double t) {
            Checks.positive(t, "tolerance");
            return new Options(penalizer, maxIterations, t, start);
        }

        Options withStart(double[] s, String[] names) {
            Checks.notNull(s, "initialParameters");
            Checks.require(s.length == names.length, "initialParameters needs %d values %s, got %d", names.length,
                    Arrays.toString(names), s.length);
            for (int i = 0; i < s.length; i++) {
                Checks.positive(s[i], "initial " + names[i]);
            }
            return new Options(penalizer, maxIterations, tolerance, s.clone());
        }
    }

    /** The fitted natural parameters (in the data's time unit) and the summary. */
    record Outcome(double[] theta, FitSummary summary) {
    }

    private Fitting() {
    }

    /**
     * Fits a model.
     *
     * @param model the model's name
     * @param names the parameter names
     * @param ll the likelihood of the time-scaled rows
     * @param analytic whether {@code ll} writes gradients
     * @param rows the number of distinct rows
     * @param totalWeight the number of customers
     * @param options penalizer, iterations, tolerance, start (start in the data's time unit)
     * @param timeScale the factor that multiplied recency and T
     * @param timeParams which parameters are rates in time units (divided by the scale on the way out)
     * @param unscaledLogLikelihood the log-likelihood of the unscaled data at unscaled parameters
     * @param startNanos when the fit began
     */
    static Outcome fit(String model, String[] names, Likelihood ll, boolean analytic, int rows, double totalWeight,
            Options options, double timeScale, boolean[] timeParams,
            ToDoubleFunction<double[]> unscaledLogLikelihood, long startNanos) {
        int k = names.length;
        double lambda = options.penalizer();
        double[] theta = new double[k];
        double[] grad = new double[k];
        Minimizer.Objective objective = (u, g) -> {
            for (int i = 0; i < k; i++) {
                theta[i] = Math.exp(u[i]);
            }
            double value = ll.logLikelihood(theta, g == null ? null : grad);
            double penalty = 0;
            for (int i = 0; i < k; i++) {
                penalty += theta[i] * theta[i];
            }
            if (g != null) {
                for (int i = 0; i < k; i++) {
                    g[i] = theta[i] * (-grad[i] / totalWeight + 2 * lambda * theta[i]);
                }
            }
            return -value / totalWeight + lambda * penalty;
        };
        double[] u0 = new double[k];
        for (int i = 0; i < k; i++) {
            u0[i] = Math.log(options.start()[i] * (timeParams[i] ? timeScale : 1));
        }
        Minimizer minimizer = new Minimizer(objective, k, analytic, options.tolerance(), options.maxIterations());
        Minimizer.Result r = minimizer.minimize(u0);
        double[] fitted = new double[k];
        for (int i = 0; i < k; i++) {
            fitted[i] = Math.exp(r.point()[i]) / (timeParams[i] ? timeScale : 1);
        }
        LOG.debug("{} fit: {} after {} iterations, {} evaluations, |gradient| {}", model, r.message(),
                r.iterations(), r.evaluations(), r.gradientNorm());
        if (!r.converged()) {
            throw new FitException(Checks.format("%s fit did not converge: %s after %d iterations and %d "
                    + "evaluations, largest gradient component %.3g (tolerance %.1g) at %s = %s. Try a small "
                    + "penalizer (withPenalizer(0.001) or larger), other initial parameters, or more iterations.",
                    model, r.message(), r.iterations(), r.evaluations(), r.gradientNorm(), options.tolerance(),
                    Arrays.toString(names), Arrays.toString(fitted)), fitted, r.evaluations(), r.iterations(),
                    r.gradientNorm());
        }
        double[][] hess = r.hessian();
        double[][] covU = null;
        if (hess != null) {
            double[][] info = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    info[i][j] = hess[i][j] * totalWeight;
                }
            }
            covU = Minimizer.inverse(info);
        }
        if (covU == null) {
            throw new FitException(Checks.format("%s fit stopped at %s = %s with a gradient of %.3g, but the "
                    + "observed information there is not positive definite: the data do not identify every "
                    + "parameter (for example, no customer with a repeat purchase). Try a small penalizer "
                    + "(withPenalizer(0.001) or larger), which makes the problem well posed.", model,
                    Arrays.toString(names), Arrays.toString(fitted), r.gradientNorm()), fitted, r.evaluations(),
                    r.iterations(), r.gradientNorm());
        }
        List<ParameterEstimate> estimates = new ArrayList<>();
        double[][] cov = new double[k][k];
        for (int i = 0; i < k; i++) {
            double seLog = Math.sqrt(covU[i][i]);
            estimates.add(ParameterEstimate.of(names[i], fitted[i], seLog));
            for (int j = 0; j < k; j++) {
                cov[i][j] = covU[i][j] * fitted[i] * fitted[j];
            }
        }
        double logLik = unscaledLogLikelihood.applyAsDouble(fitted);
        FitSummary summary = new FitSummary(model, estimates, cov, logLik, totalWeight, rows, lambda,
                minimizer.evaluations(), r.iterations(), r.gradientNorm(), System.nanoTime() - startNanos);
        return new Outcome(fitted, summary);
    }

    /** lifetimes' time scale: recency and T are multiplied so that the largest T is 10. */
    static double timeScale(double maxT) {
        return maxT > 0 ? 10 / maxT : 1;
    }
}
