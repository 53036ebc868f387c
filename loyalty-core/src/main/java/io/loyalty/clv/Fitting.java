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

        /**
         * {@link #logLikelihood(double[], double[])} at several points (gradients into {@code gradients[i]} when
         * that is not null); one after the other unless the likelihood can evaluate them in one pass.
         */
        default double[] logLikelihoods(double[][] thetas, double[][] gradients) {
            double[] out = new double[thetas.length];
            for (int i = 0; i < thetas.length; i++) {
                out[i] = logLikelihood(thetas[i], gradients == null ? null : gradients[i]);
            }
            return out;
        }
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
        Minimizer.Objective objective = new Minimizer.Objective() {
            @Override
            public double value(double[] u, double[] g) {
                return values(new double[][] {u}, g == null ? null : new double[][] {g})[0];
            }

            @Override
            public double[] values(double[][] us, double[][] gs) {
                double[][] thetas = new double[us.length][k];
                double[][] grads = gs == null ? null : new double[us.length][k];
                for (int p = 0; p < us.length; p++) {
                    for (int i = 0; i < k; i++) {
                        thetas[p][i] = Math.exp(us[p][i]);
                    }
                }
                double[] values = ll.logLikelihoods(thetas, grads);
                double[] out = new double[us.length];
                for (int p = 0; p < us.length; p++) {
                    double[] theta = thetas[p];
                    double penalty = 0;
                    for (int i = 0; i < k; i++) {
                        penalty += theta[i] * theta[i];
                    }
                    if (gs != null) {
                        for (int i = 0; i < k; i++) {
                            gs[p][i] = theta[i] * (-grads[p][i] / totalWeight + 2 * lambda * theta[i]);
                        }
                    }
                    out[p] = -values[p] / totalWeight + lambda * penalty;
                }
                return out;
            }
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

    /**
     * Fits a model to customers held in chunks: the totals first (customers, rows, largest T), then every
     * likelihood evaluation as one {@link ChunkTask} folded over the chunks, however many points it carries.
     *
     * @param model the model's name
     * @param names the parameter names
     * @param kind the likelihood kernel
     * @param analytic whether the kernel writes gradients
     * @param customers the chunks
     * @param options penalizer, iterations, tolerance, start
     * @param timeParams which parameters are rates in time units (all false for a model without time)
     * @param startNanos when the fit began
     */
    static Outcome fit(String model, String[] names, ChunkTask.Kind kind, boolean analytic,
            ChunkedCustomers customers, Options options, boolean[] timeParams, long startNanos) {
        Checks.notNull(customers, "customers");
        double[] totals = aggregate(customers, ChunkTask.totals(kind));
        double total = totals[0];
        Checks.require(total > 0, "no customers: the chunks hold no row with a positive weight");
        Checks.require(total < Double.POSITIVE_INFINITY,
                "weights: the chunks' weights must have a finite sum (the number of customers), got %s", total);
        double maxT = totals[2];
        boolean timed = kind.timed();
        Checks.require(!timed || maxT > 0, RfmRows.NO_AGE);
        double scale = timed ? timeScale(maxT) : 1;
        Likelihood ll = new Likelihood() {
            @Override
            public double logLikelihood(double[] theta, double[] gradient) {
                return logLikelihoods(new double[][] {theta}, gradient == null ? null : new double[][] {gradient})[0];
            }

            @Override
            public double[] logLikelihoods(double[][] thetas, double[][] gradients) {
                ChunkTask task = ChunkTask.logLikelihood(kind, scale, thetas, gradients != null);
                return task.unpack(aggregate(customers, task), gradients);
            }
        };
        return fit(model, names, ll, analytic, (int) Math.min(Integer.MAX_VALUE, totals[1]), total, options, scale,
                timeParams, theta -> {
                    ChunkTask task = ChunkTask.logLikelihood(kind, 1, new double[][] {theta}, false);
                    return task.unpack(aggregate(customers, task), null)[0];
                }, startNanos);
    }

    /** The fold of a task over the chunks, checked for the length the task produces. */
    private static double[] aggregate(ChunkedCustomers customers, ChunkTask task) {
        double[] out = customers.aggregate(task);
        Checks.require(out != null && out.length == task.zero().length,
                "ChunkedCustomers.aggregate must return the task's fold (%d values), got %s", task.zero().length,
                out == null ? "null" : out.length + " values");
        return out;
    }

    /** lifetimes' time scale: recency and T are multiplied so that the largest T is 10. */
    static double timeScale(double maxT) {
        return maxT > 0 ? 10 / maxT : 1;
    }
}
