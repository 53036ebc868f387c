package io.loyalty.internal;

import java.util.Arrays;

/**
 * A small unconstrained minimizer for smooth likelihoods of a few parameters, meant to run on log-parameters so
 * that positivity needs no bounds (as lifetimes optimizes {@code log_params}). Not API: the CLV fitters use it,
 * and the cohort family's shifted-beta-geometric fit may.
 *
 * <p>Algorithm: BFGS on the inverse Hessian with a backtracking Armijo line search (steps that make the value
 * non-finite are shrunk, steps longer than {@link #MAX_STEP} in one coordinate are cut), followed by up to
 * {@value #POLISH_STEPS} Newton steps with a finite-difference Hessian, which drive the gradient to rounding
 * level along the flat directions where BFGS stops early (the BG/NBD and Pareto/NBD surfaces are flat along
 * the scale parameter). The gradient is analytic when the objective supplies one, otherwise central
 * differences. Convergence: the largest gradient component at most {@code gradientTolerance * max(1, |f|)}
 * (relative to the objective's size, since central differences carry an error of about {@code 1e-11 |f|}).
 * The points of a central-difference gradient (2n + 1) and of a Hessian (2n with gradients, or
 * 1 + 2n + 2n(n - 1) values) are requested in one {@link Objective#values} call, so an objective that sums over
 * distributed data pays one pass for each.
 *
 * <p>One instance per fit; not thread-safe (the objective may itself evaluate in parallel).
 *
 * @since 0.1
 */
public final class Minimizer {
    /** The largest change of one log-parameter in one step (a factor of e^5, about 148). */
    public static final double MAX_STEP = 5;
    static final int POLISH_STEPS = 3;

    /**
     * A function to minimize.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Objective {
        /**
         * Evaluates the function and, when {@code gradient} is not null and the objective is analytic, writes the
         * gradient into it.
         *
         * @param point the parameters
         * @param gradient where to write the gradient, or null when only the value is wanted
         * @return the value; non-finite values are treated as outside the domain
         */
        double value(double[] point, double[] gradient);

        /**
         * Evaluates several points. The minimizer asks for every point it needs at once (the points of a
         * central-difference gradient, of a finite-difference Hessian), so that an objective with a fixed cost
         * per call, such as one distributed pass over the data, can evaluate them all in one pass. By default the
         * points are evaluated one after the other with {@link #value(double[], double[])}.
         *
         * @param points the points
         * @param gradients where to write each point's gradient (same length as {@code points}), or null when
         *     only the values are wanted
         * @return the values, one per point
         */
        default double[] values(double[][] points, double[][] gradients) {
            double[] out = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                out[i] = value(points[i], gradients == null ? null : gradients[i]);
            }
            return out;
        }

        /**
         * Evaluates the function, its gradient and its Hessian in one evaluation; called only by
         * {@link #minimizeNewton}, for objectives with an analytic Hessian.
         *
         * @param point the parameters
         * @param gradient where to write the gradient
         * @param hessian where to write the Hessian (n by n)
         * @return the value; non-finite values are treated as outside the domain
         * @throws UnsupportedOperationException if the objective has no analytic Hessian (the default)
         */
        default double value(double[] point, double[] gradient, double[][] hessian) {
            throw new UnsupportedOperationException("the objective has no analytic Hessian");
        }
    }

    /**
     * The outcome of a minimization.
     *
     * @param point the last point
     * @param value the objective at that point
     * @param gradient the gradient there
     * @param hessian the Hessian there (finite differences), or null when it could not be computed
     * @param evaluations the number of objective evaluations (gradient evaluations included)
     * @param iterations the number of BFGS iterations
     * @param converged whether the gradient tolerance was met
     * @param message what stopped the search
     * @since 0.1
     */
    public record Result(double[] point, double value, double[] gradient, double[][] hessian, int evaluations,
            int iterations, boolean converged, String message) {
        /**
         * The largest absolute gradient component.
         *
         * @return the norm
         */
        public double gradientNorm() {
            return maxAbs(gradient);
        }
    }

    private final Objective objective;
    private final boolean analyticGradient;
    private final int dimension;
    private final double gradientTolerance;
    private final int maxIterations;
    private int evaluations;

    /**
     * A minimizer for one fit.
     *
     * @param objective the function
     * @param dimension the number of parameters
     * @param analyticGradient whether the objective writes its gradient (else central differences are used)
     * @param gradientTolerance stop when every gradient component is at most this times {@code max(1, |f|)}
     * @param maxIterations the largest number of BFGS iterations
     */
    public Minimizer(Objective objective, int dimension, boolean analyticGradient, double gradientTolerance,
            int maxIterations) {
        this.objective = objective;
        this.dimension = dimension;
        this.analyticGradient = analyticGradient;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Minimizes from a start point.
     *
     * @param start the start point (not modified)
     * @return the result; {@link Result#converged()} says whether the tolerance was met
     */
    public Result minimize(double[] start) {
        int n = dimension;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = valueAndGradient(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            return new Result(x, f, g, null, evaluations, 0, false, "objective is not finite at the start point");
        }
        double[][] h = identity(n);
        boolean scaled = false;
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] d = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        int iter = 0;
        String message = "gradient tolerance met";
        while (maxAbs(g) > threshold(f)) {
            if (iter >= maxIterations) {
                message = "iteration limit reached";
                break;
            }
            iter++;
            multiply(h, g, d);
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            double slope = dot(d, g);
            if (!(slope < 0)) {
                // Not a descent direction: restart from steepest descent.
                h = identity(n);
                scaled = false;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(d, g);
            }
            double step = 1;
            double longest = maxAbs(d);
            if (!scaled) {
                step = Math.min(1, 1 / Math.max(longest, 1e-300));
            }
            if (step * longest > MAX_STEP) {
                step = MAX_STEP / longest;
            }
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = valueAndGradient(xNew, gNew);
                if (Double.isFinite(fNew) && allFinite(gNew) && fNew <= f + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= Double.isFinite(fNew) ? 0.5 : 0.1;
            }
            if (!accepted) {
                message = "line search found no decrease";
                break;
            }
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (!scaled) {
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        Arrays.fill(h[i], 0);
                        h[i][i] = scale;
                    }
                    scaled = true;
                }
                bfgsUpdate(h, s, y, sy);
            }
            boolean stalled = Math.abs(f - fNew) <= 1e-15 * Math.max(1, Math.abs(f));
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (stalled && maxAbs(s) < 1e-12) {
                message = "no further progress";
                break;
            }
        }
        // Newton polish with a finite-difference Hessian; keeps a step only if it does not increase the value.
        double[][] hess = hessian(x);
        for (int k = 0; k < POLISH_STEPS && hess != null && maxAbs(g) > threshold(f) * 1e-3; k++) {
            double[] step = solve(hess, g);
            if (step == null || maxAbs(step) > 1) {
                break;
            }
            for (int i = 0; i < n; i++) {
                xNew[i] = x[i] - step[i];
            }
            double fTry = valueAndGradient(xNew, gNew);
            if (!(Double.isFinite(fTry) && fTry <= f + 1e-14 * Math.abs(f) && maxAbs(gNew) < maxAbs(g))) {
                break;
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fTry;
            hess = hessian(x);
        }
        boolean converged = maxAbs(g) <= threshold(f);
        if (converged) {
            message = "gradient tolerance met";
        }
        return new Result(x, f, g, hess, evaluations, iter, converged, message);
    }

    /**
     * Minimizes by Newton steps with the objective's analytic Hessian ({@link Objective#value(double[], double[],
     * double[][])}), for a start near the minimum (from a fit of a sample of the data, say): each iteration is
     * one evaluation of value, gradient and Hessian, and convergence is quadratic, so a few evaluations replace
     * BFGS's dozens and the finite-difference Hessian's 2n. Steps go on, as {@link #minimize}'s polish does,
     * until the gradient is 1e-3 times the tolerance. A step is kept if it lowers the value (Armijo) or, at
     * rounding level, keeps it and shrinks the gradient; steps are halved up to 30 times. Where the Hessian is not
     * positive definite or no step is kept before the tolerance is met, it hands over to {@link #minimize} from
     * the point reached, so it ends no worse than BFGS. The result's Hessian is the analytic one at the result's
     * point.
     *
     * @param start the start point (not modified)
     * @return the result; {@link Result#converged()} says whether the tolerance was met
     */
    public Result minimizeNewton(double[] start) {
        int n = dimension;
        double[] x = start.clone();
        double[] g = new double[n];
        double[][] h = new double[n][n];
        evaluations++;
        double f = objective.value(x, g, h);
        if (!(Double.isFinite(f) && allFinite(g) && allFinite(h))) {
            return minimize(start);
        }
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[][] hNew = new double[n][n];
        int iter = 0;
        // As BFGS's polish does, go on to a gradient 1e-3 times the tolerance, which a Newton step from within
        // the tolerance reaches: the maximum is then found to rounding level, whatever the start.
        while (maxAbs(g) > threshold(f) * 1e-3) {
            double[] d = iter < maxIterations ? solve(h, g) : null;
            if (d == null) {
                break;
            }
            iter++;
            double slope = -dot(d, g);
            double step = Math.min(1, MAX_STEP / Math.max(maxAbs(d), 1e-300));
            boolean accepted = false;
            for (int k = 0; k < 30 && !accepted; k++, step *= 0.5) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] - step * d[i];
                }
                evaluations++;
                double fNew = objective.value(xNew, gNew, hNew);
                if (Double.isFinite(fNew) && allFinite(gNew) && allFinite(hNew)
                        && (fNew <= f + 1e-4 * step * slope
                                || fNew <= f + 1e-14 * Math.abs(f) && maxAbs(gNew) < maxAbs(g))) {
                    accepted = true;
                    f = fNew;
                    System.arraycopy(xNew, 0, x, 0, n);
                    System.arraycopy(gNew, 0, g, 0, n);
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(hNew[i], 0, h[i], 0, n);
                    }
                }
            }
            if (!accepted) {
                break;
            }
        }
        if (!(maxAbs(g) <= threshold(f))) {
            return minimize(x);
        }
        return new Result(x, f, g, h, evaluations, iter, true, "gradient tolerance met");
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }

    /** The gradient tolerance relative to the objective's magnitude: tolerance * max(1, |f|). */
    private double threshold(double f) {
        return gradientTolerance * Math.max(1, Math.abs(f));
    }

    /**
     * The value and gradient (analytic or central differences) at a point.
     *
     * @param x the point
     * @param g where the gradient goes
     * @return the value
     */
    public double valueAndGradient(double[] x, double[] g) {
        if (analyticGradient) {
            evaluations++;
            return objective.value(x, g);
        }
        // The point and its 2n central-difference neighbours, evaluated in one call.
        int n = dimension;
        double[][] points = new double[1 + 2 * n][];
        double[] step = new double[n];
        points[0] = x.clone();
        for (int i = 0; i < n; i++) {
            step[i] = 1e-5 * Math.max(1, Math.abs(x[i]));
            points[1 + 2 * i] = x.clone();
            points[1 + 2 * i][i] = x[i] + step[i];
            points[2 + 2 * i] = x.clone();
            points[2 + 2 * i][i] = x[i] - step[i];
        }
        double[] v = objective.values(points, null);
        evaluations += points.length;
        double f = v[0];
        if (!Double.isFinite(f)) {
            Arrays.fill(g, Double.NaN);
            return f;
        }
        for (int i = 0; i < n; i++) {
            g[i] = (v[1 + 2 * i] - v[2 + 2 * i]) / (2 * step[i]);
        }
        return f;
    }

    /**
     * The Hessian at a point by finite differences: of the analytic gradient when there is one, else of values.
     *
     * @param x the point
     * @return the symmetric Hessian, or null if an entry is not finite
     */
    public double[][] hessian(double[] x) {
        int n = dimension;
        double[][] h = new double[n][n];
        if (analyticGradient) {
            // Central differences of the gradient: 2n points, evaluated in one call.
            double[][] points = new double[2 * n][];
            double[][] grads = new double[2 * n][n];
            double[] step = new double[n];
            for (int j = 0; j < n; j++) {
                step[j] = 1e-5 * Math.max(1, Math.abs(x[j]));
                points[2 * j] = x.clone();
                points[2 * j][j] = x[j] + step[j];
                points[2 * j + 1] = x.clone();
                points[2 * j + 1][j] = x[j] - step[j];
            }
            objective.values(points, grads);
            evaluations += points.length;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    h[i][j] = (grads[2 * j][i] - grads[2 * j + 1][i]) / (2 * step[j]);
                }
            }
        } else {
            // Second differences of values: the centre, 2n points on the axes, 4 per pair; one call.
            double[] step = new double[n];
            for (int i = 0; i < n; i++) {
                step[i] = 1e-4 * Math.max(1, Math.abs(x[i]));
            }
            double[][] points = new double[1 + 2 * n + 2 * n * (n - 1)][];
            int k = 0;
            points[k++] = x.clone();
            for (int i = 0; i < n; i++) {
                points[k++] = shifted(x, i, step[i], -1, 0);
                points[k++] = shifted(x, i, -step[i], -1, 0);
                for (int j = 0; j < i; j++) {
                    points[k++] = shifted(x, i, step[i], j, step[j]);
                    points[k++] = shifted(x, i, step[i], j, -step[j]);
                    points[k++] = shifted(x, i, -step[i], j, -step[j]);
                    points[k++] = shifted(x, i, -step[i], j, step[j]);
                }
            }
            double[] v = objective.values(points, null);
            evaluations += points.length;
            double f0 = v[0];
            k = 1;
            for (int i = 0; i < n; i++) {
                double up = v[k++];
                double down = v[k++];
                h[i][i] = (up - 2 * f0 + down) / (step[i] * step[i]);
                for (int j = 0; j < i; j++) {
                    double pp = v[k++];
                    double pm = v[k++];
                    double mm = v[k++];
                    double mp = v[k++];
                    h[i][j] = (pp - pm - mp + mm) / (4 * step[i] * step[j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        for (double[] row : h) {
            if (!allFinite(row)) {
                return null;
            }
        }
        return h;
    }

    /** A copy of {@code x} moved by {@code di} along axis {@code i} and, if {@code j >= 0}, by {@code dj} along j. */
    private static double[] shifted(double[] x, int i, double di, int j, double dj) {
        double[] p = x.clone();
        p[i] = x[i] + di;
        if (j >= 0) {
            p[j] = x[j] + dj;
        }
        return p;
    }

    /**
     * The number of objective evaluations so far.
     *
     * @return the count
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * The inverse of a symmetric positive-definite matrix by Cholesky decomposition.
     *
     * @param a the matrix (not modified)
     * @return the inverse, or null when {@code a} is not positive definite
     */
    public static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] l = cholesky(a);
        if (l == null) {
            return null;
        }
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            inv[j] = choleskySolve(l, e);
        }
        return inv;
    }

    /** Solves a x = b for symmetric positive-definite a; null if it is not. */
    static double[] solve(double[][] a, double[] b) {
        double[][] l = cholesky(a);
        return l == null ? null : choleskySolve(l, b);
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    private static void bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        double rho = 1 / sy;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
            }
        }
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            if (!(Math.abs(e) <= m)) {
                m = Math.abs(e);
            }
        }
        return m;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
