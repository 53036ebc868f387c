package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Minimizer;
import io.loyalty.stats.ConvergenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maximum-likelihood machinery shared by the CLV fitters: the lifetimes-style objective on log-parameters
 * (mean negative log-likelihood plus an L2 penalty on the parameters), BFGS, standard errors from the observed
 * information, and the {@link Diagnostics} (a profile step toward each boundary, the information's condition).
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

        /**
         * Returns sum w * LL and writes the summed gradient and Hessian over theta; only likelihoods of models
         * with an analytic Hessian are asked.
         */
        default double logLikelihood(double[] theta, double[] gradient, double[][] hessian) {
            throw new UnsupportedOperationException("no analytic Hessian");
        }
    }

    /**
     * Fits of at least this many (merged) rows start from a fit of every {@link CustomerChunk#SAMPLE_STRIDE}-th
     * row, then take Newton steps on all rows, when the model has an analytic Hessian: a handful of passes over
     * the rows instead of about fifty, the same optimum.
     */
    static final int SAMPLE_FIRST_ROWS = 1 << 16;

    /** Fitter options shared by every model. */
    record Options(double penalizer, int maxIterations, double tolerance, double[] start, boolean strict) {
        static Options defaults(int dimension) {
            double[] ones = new double[dimension];
            Arrays.fill(ones, 1);
            return new Options(0, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, ones, false);
        }

        Options withPenalizer(double p) {
            Checks.nonNegative(p, "penalizer");
            return new Options(p, maxIterations, tolerance, start, strict);
        }

        Options withMaxIterations(int m) {
            Checks.require(m > 0, "maxIterations must be > 0, got %d", m);
            return new Options(penalizer, m, tolerance, start, strict);
        }

        Options withTolerance(double t) {
            Checks.positive(t, "tolerance");
            return new Options(penalizer, maxIterations, t, start, strict);
        }

        Options withStart(double[] s, String[] names) {
            Checks.notNull(s, "initialParameters");
            Checks.require(s.length == names.length, "initialParameters needs %d values %s, got %d", names.length,
                    Arrays.toString(names), s.length);
            for (int i = 0; i < s.length; i++) {
                Checks.positive(s[i], "initial " + names[i]);
            }
            return new Options(penalizer, maxIterations, tolerance, s.clone(), strict);
        }

        Options withStrictDiagnostics() {
            return new Options(penalizer, maxIterations, tolerance, start, true);
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
        return fit(model, names, ll, analytic, rows, totalWeight, options, timeScale, timeParams,
                unscaledLogLikelihood, startNanos, null);
    }

    /**
     * {@link #fit(String, String[], Likelihood, boolean, int, double, Options, double, boolean[],
     * ToDoubleFunction, long)}, or with a non-null {@code newtonStart} (log-parameters of the time-scaled model,
     * near the optimum) Newton steps with the likelihood's analytic Hessian from there.
     */
    private static Outcome fit(String model, String[] names, Likelihood ll, boolean analytic, int rows,
            double totalWeight, Options options, double timeScale, boolean[] timeParams,
            ToDoubleFunction<double[]> unscaledLogLikelihood, long startNanos, double[] newtonStart) {
        int k = names.length;
        double lambda = options.penalizer();
        Minimizer.Objective objective = objective(ll, k, lambda, totalWeight);
        double[] u0 = new double[k];
        for (int i = 0; i < k; i++) {
            u0[i] = Math.log(options.start()[i] * (timeParams[i] ? timeScale : 1));
        }
        Minimizer minimizer = new Minimizer(objective, k, analytic, options.tolerance(), options.maxIterations());
        Minimizer.Result r = newtonStart == null ? minimizer.minimize(u0) : minimizer.minimizeNewton(newtonStart);
        double[] fitted = new double[k];
        for (int i = 0; i < k; i++) {
            fitted[i] = Math.exp(r.point()[i]) / (timeParams[i] ? timeScale : 1);
        }
        LOG.debug("{} fit: {} after {} iterations, {} evaluations, |gradient| {}", model, r.message(),
                r.iterations(), r.evaluations(), r.gradientNorm());
        if (!r.converged()) {
            List<Diagnostics.Boundary> edges = boundaries(model, names, ll, r.point(), fitted);
            throw new ConvergenceException(Checks.format("%s fit did not converge: %s after %d iterations and %d "
                    + "evaluations, largest gradient component %.3g (tolerance %.1g) at %s = %s. %s", model,
                    r.message(), r.iterations(), r.evaluations(), r.gradientNorm(), options.tolerance(),
                    Arrays.toString(names), Arrays.toString(fitted), advice(model, edges, options)), fitted,
                    r.evaluations(), r.iterations(), r.gradientNorm());
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
            List<Diagnostics.Boundary> edges = boundaries(model, names, ll, r.point(), fitted);
            throw new ConvergenceException(Checks.format("%s fit stopped at %s = %s with a gradient of %.3g, but the "
                    + "observed information there is not positive definite, so there is no proper maximum to "
                    + "report. %s", model, Arrays.toString(names), Arrays.toString(fitted), r.gradientNorm(),
                    advice(model, edges, options)), fitted, r.evaluations(), r.iterations(), r.gradientNorm());
        }
        List<ParameterEstimate> estimates = new ArrayList<>();
        double[][] cov = new double[k][k];
        for (int i = 0; i < k; i++) {
            double seLog = Math.sqrt(covU[i][i]);
            estimates.add(ParameterEstimate.ofLogScale(names[i], fitted[i], seLog));
            for (int j = 0; j < k; j++) {
                cov[i][j] = covU[i][j] * fitted[i] * fitted[j];
            }
        }
        double logLik = unscaledLogLikelihood.applyAsDouble(fitted);
        List<Diagnostics.Boundary> edges = boundaries(model, names, ll, r.point(), fitted);
        List<Diagnostics.WeakParameter> weak = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double seLog = Math.sqrt(covU[i][i]);
            double ratio = Math.exp(2 * ParameterEstimate.Z95 * seLog);
            if (!(ratio <= Diagnostics.WIDE_INTERVAL)) {
                weak.add(new Diagnostics.WeakParameter(names[i], seLog, ratio));
            }
        }
        // the probes are 2k + 1 evaluations, and one per mixing distribution, on top of the optimizer's
        Diagnostics diagnostics = new Diagnostics(true, r.gradientNorm(), r.iterations(),
                minimizer.evaluations() + 2 * k + 1 + Diagnostics.mixingPairs(model, names).length,
                conditionNumber(hess), edges, weak);
        FitSummary summary = new FitSummary(model, estimates, cov, logLik, totalWeight, rows, lambda,
                minimizer.evaluations(), r.iterations(), r.gradientNorm(), System.nanoTime() - startNanos,
                diagnostics);
        if (diagnostics.flagged()) {
            String words = String.join("; ", diagnostics.warnings());
            if (options.strict()) {
                throw new ConvergenceException(Checks.format("%s fit at %s = %s is flagged and strict diagnostics "
                        + "are on: %s", model, Arrays.toString(names), Arrays.toString(fitted), words), fitted,
                        minimizer.evaluations(), r.iterations(), r.gradientNorm());
            }
            LOG.warn("{} fit returned a flagged model: {}", model, words);
        }
        return new Outcome(fitted, summary);
    }

    /**
     * The objective over log-parameters u: the mean negative log-likelihood plus the L2 penalty on theta = e^u,
     * with its gradient and, for likelihoods with an analytic Hessian, its Hessian
     * (theta_i theta_j (-H_ij / W + 2 lambda [i = j]) + [i = j] g_i, g the objective's gradient).
     */
    static Minimizer.Objective objective(Likelihood ll, int k, double lambda, double totalWeight) {
        return new Minimizer.Objective() {
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

            @Override
            public double value(double[] u, double[] g, double[][] h) {
                double[] theta = new double[k];
                for (int i = 0; i < k; i++) {
                    theta[i] = Math.exp(u[i]);
                }
                double[] grad = new double[k];
                double[][] hess = new double[k][k];
                double value = ll.logLikelihood(theta, grad, hess);
                double penalty = 0;
                for (int i = 0; i < k; i++) {
                    penalty += theta[i] * theta[i];
                    g[i] = theta[i] * (-grad[i] / totalWeight + 2 * lambda * theta[i]);
                }
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        h[i][j] = theta[i] * theta[j] * (-hess[i][j] / totalWeight + (i == j ? 2 * lambda : 0))
                                + (i == j ? g[i] : 0);
                    }
                }
                return -value / totalWeight + lambda * penalty;
            }
        };
    }

    /**
     * Fits a model to customers held in chunks: the totals first (customers, rows, largest T), then every
     * likelihood evaluation as one {@link ChunkTask} folded over the chunks, however many points it carries.
     *
     * @param kind the model: name, parameter names, time parameters, kernel
     * @param customers the chunks
     * @param options penalizer, iterations, tolerance, start
     * @param startNanos when the fit began
     */
    static Outcome fit(ModelKind kind, ChunkedCustomers customers, Options options, long startNanos) {
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
        Likelihood ll = likelihood(kind, customers, scale, false);
        int rows = (int) Math.min(Integer.MAX_VALUE, totals[1]);
        double[] newtonStart = rows >= SAMPLE_FIRST_ROWS && kind.analyticHessian()
                ? sampleFit(kind, customers, options, scale) : null;
        return fit(kind.label, kind.names(), ll, kind.analytic, rows, total, options, scale, kind.timeParams(),
                theta -> {
                    ChunkTask task = ChunkTask.logLikelihood(kind, 1, new double[][] {theta}, false);
                    return task.unpack(aggregate(customers, task), null)[0];
                }, startNanos, newtonStart);
    }

    /** The time-scaled likelihood of the chunks, or with {@code sampled} of their samples, as chunk tasks. */
    private static Likelihood likelihood(ModelKind kind, ChunkedCustomers customers, double scale,
            boolean sampled) {
        return new Likelihood() {
            @Override
            public double logLikelihood(double[] theta, double[] gradient) {
                return logLikelihoods(new double[][] {theta}, gradient == null ? null : new double[][] {gradient})[0];
            }

            @Override
            public double[] logLikelihoods(double[][] thetas, double[][] gradients) {
                ChunkTask task = ChunkTask.logLikelihood(kind, scale, thetas, gradients != null, false, sampled);
                return task.unpack(aggregate(customers, task), gradients);
            }

            @Override
            public double logLikelihood(double[] theta, double[] gradient, double[][] hessian) {
                ChunkTask task = ChunkTask.logLikelihood(kind, scale, new double[][] {theta}, true, true, sampled);
                return task.unpack(aggregate(customers, task), new double[][] {gradient},
                        new double[][][] {hessian})[0];
            }
        };
    }

    /**
     * The optimum (log-parameters of the time-scaled model) of the fit of the chunks' samples from the options'
     * start, the start of Newton steps on all rows; null, so that the fit runs as on fewer rows, when the sample
     * holds no customer with T &gt; 0 or its fit does not converge.
     */
    private static double[] sampleFit(ModelKind kind, ChunkedCustomers customers, Options options, double scale) {
        double[] totals = aggregate(customers, ChunkTask.totals(kind, true));
        if (!(totals[0] > 0 && totals[2] > 0)) {
            return null;
        }
        int k = kind.dimension;
        boolean[] timeParams = kind.timeParams();
        double[] u0 = new double[k];
        for (int i = 0; i < k; i++) {
            u0[i] = Math.log(options.start()[i] * (timeParams[i] ? scale : 1));
        }
        Minimizer sample = new Minimizer(objective(likelihood(kind, customers, scale, true), k, options.penalizer(),
                totals[0]), k, true, options.tolerance(), options.maxIterations());
        Minimizer.Result r = sample.minimize(u0);
        LOG.debug("{} fit of the sample ({} customers): {} after {} evaluations", kind.label, totals[0],
                r.message(), r.evaluations());
        return r.converged() ? r.point() : null;
    }

    /**
     * The profile step: each log-parameter moved {@link Diagnostics#PROBE_FACTOR} times toward 0 and toward
     * infinity, the others held, and the parameters whose log-likelihood falls by less than
     * {@link Diagnostics#PROFILE_DROP} (or rises); then each mixing distribution's shape and scale (or both beta
     * shapes) moved {@link Diagnostics#PROBE_FACTOR} times toward infinity together, its mean held, which no
     * single-parameter probe sees (the distribution degenerating to a point mass: BG/NBD's a and b both in the
     * billions). Differences of the time-scaled likelihood equal those of the unscaled one (the scale only adds a
     * constant), so the scaled likelihood serves; the means named in the words are of {@code natural}, the
     * parameters in the data's time unit.
     */
    private static List<Diagnostics.Boundary> boundaries(String model, String[] names, Likelihood ll, double[] u,
            double[] natural) {
        int k = names.length;
        int[][] pairs = Diagnostics.mixingPairs(model, names);
        double[][] thetas = new double[2 * k + 1 + pairs.length][k];
        for (int p = 0; p < thetas.length; p++) {
            for (int i = 0; i < k; i++) {
                thetas[p][i] = Math.exp(u[i]);
            }
        }
        for (int i = 0; i < k; i++) {
            thetas[2 * i][i] = Math.exp(u[i]) / Diagnostics.PROBE_FACTOR;
            thetas[2 * i + 1][i] = Math.exp(u[i]) * Diagnostics.PROBE_FACTOR;
        }
        for (int j = 0; j < pairs.length; j++) {
            for (int i : pairs[j]) {
                thetas[2 * k + 1 + j][i] = Math.exp(u[i]) * Diagnostics.PROBE_FACTOR;
            }
        }
        double[] values = probe(ll, thetas);
        double at = values[2 * k];
        List<Diagnostics.Boundary> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int side = 0; side < 2; side++) {
                double change = values[2 * i + side] - at;
                if (Double.isFinite(change) && change > -Diagnostics.PROFILE_DROP) {
                    boolean zero = side == 0;
                    out.add(new Diagnostics.Boundary(names[i], zero, change, Diagnostics.meaning(model, names[i],
                            zero)));
                }
            }
        }
        for (int j = 0; j < pairs.length; j++) {
            double change = values[2 * k + 1 + j] - at;
            if (Double.isFinite(change) && change > -Diagnostics.PROFILE_DROP) {
                String first = names[pairs[j][0]];
                String second = names[pairs[j][1]];
                out.add(new Diagnostics.Boundary(first + " and " + second, false, change,
                        Diagnostics.pointMass(model, first, second, natural[pairs[j][0]],
                                natural[pairs[j][1]])));
            }
        }
        return out;
    }

    /**
     * The log-likelihoods at the probe points; a point the kernels reject (a parameter 100 times nearer a boundary
     * can leave double range) counts as NaN, which raises no flag, rather than failing a fit that succeeded.
     */
    private static double[] probe(Likelihood ll, double[][] thetas) {
        try {
            return ll.logLikelihoods(thetas, null);
        } catch (IllegalArgumentException batch) {
            double[] out = new double[thetas.length];
            for (int p = 0; p < thetas.length; p++) {
                try {
                    out[p] = ll.logLikelihood(thetas[p], null);
                } catch (IllegalArgumentException e) {
                    out[p] = Double.NaN;
                }
            }
            return out;
        }
    }

    /**
     * What to try after a failed fit: the boundary the profile step found (the real cause when there is one) and
     * only remedies not tried yet. A penalizer pulls every parameter toward 0, so once one was used it is not
     * advised again for a parameter running to 0.
     */
    static String advice(String model, List<Diagnostics.Boundary> edges, Options options) {
        StringBuilder b = new StringBuilder();
        boolean towardZero = false;
        if (!edges.isEmpty()) {
            b.append("Cause: the likelihood does not fall (by ").append(Checks.format("%.3g",
                    Diagnostics.PROFILE_DROP)).append(" or more) when a parameter moves ").append(Checks.format(
                    "%.0f", Diagnostics.PROBE_FACTOR)).append(" times nearer a boundary, so the maximum lies on "
                    + "the boundary of the parameter space: ");
            List<String> parts = new ArrayList<>();
            for (Diagnostics.Boundary e : edges) {
                parts.add(e.toString());
                towardZero |= e.towardZero();
            }
            b.append(String.join("; ", parts)).append(". ");
        } else {
            b.append("The profile step finds no parameter at a boundary: the optimizer stopped on a flat or "
                    + "irregular stretch of the likelihood. ");
        }
        List<String> tries = new ArrayList<>();
        if (options.penalizer() == 0) {
            tries.add("a small penalizer (withPenalizer(0.001)), which keeps the parameters finite but pulls them "
                    + "toward 0");
        } else if (options.penalizer() > 0 && !towardZero && options.penalizer() < 1) {
            tries.add(Checks.format("a larger penalizer than the %s used (withPenalizer(%s))", options.penalizer(),
                    options.penalizer() * 10));
        }
        if (edges.isEmpty()) {
            tries.add("other initial parameters (withInitialParameters)");
            if (options.maxIterations() < 10 * DEFAULT_MAX_ITERATIONS) {
                tries.add(Checks.format("more iterations than the %d used (withMaxIterations(%d))",
                        options.maxIterations(), options.maxIterations() * 10));
            }
        }
        if (towardZero && options.penalizer() > 0) {
            b.append(Checks.format("The penalizer %s used pulls the parameters toward 0, the same boundary, so "
                    + "no penalizer helps here. ", options.penalizer()));
        }
        if (!edges.isEmpty()) {
            tries.add(model.equals("Pareto/NBD") ? "BG/NBD or MBG/NBD, which return the boundary fit flagged "
                    + "with its diagnostics" : "a simpler model or more data");
        }
        b.append("Try ").append(String.join(", or ", tries)).append('.');
        return b.toString();
    }

    /** The condition number of a symmetric matrix (Jacobi eigenvalues); +Infinity when singular or missing. */
    static double conditionNumber(double[][] m) {
        if (m == null) {
            return Double.POSITIVE_INFINITY;
        }
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (!(off > 0)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double sn = t * c;
                    for (int r = 0; r < n; r++) {
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = c * arp - sn * arq;
                        a[r][q] = sn * arp + c * arq;
                    }
                    for (int r = 0; r < n; r++) {
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = c * apr - sn * aqr;
                        a[q][r] = sn * apr + c * aqr;
                    }
                }
            }
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(a[i][i]));
            min = Math.min(min, Math.abs(a[i][i]));
        }
        double c = max / min;
        return c >= 0 ? c : Double.POSITIVE_INFINITY;
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
