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
 *
 * <p>One instance per fit; not thread-safe (the objective may itself evaluate in parallel).
 */
public final class Minimizer {
    /** The largest change of one log-parameter in one step (a factor of e^5, about 148). */
    public static final double MAX_STEP = 5;
    static final int POLISH_STEPS = 3;

    /**
     * A function to minimize.
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
        evaluations++;
        if (analyticGradient) {
            return objective.value(x, g);
        }
        double f = objective.value(x, null);
        if (!Double.isFinite(f)) {
            Arrays.fill(g, Double.NaN);
            return f;
        }
        double[] p = x.clone();
        for (int i = 0; i < dimension; i++) {
            double hi = 1e-5 * Math.max(1, Math.abs(x[i]));
            p[i] = x[i] + hi;
            double up = objective.value(p, null);
            p[i] = x[i] - hi;
            double down = objective.value(p, null);
            p[i] = x[i];
            evaluations += 2;
            g[i] = (up - down) / (2 * hi);
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
        double[] p = x.clone();
        if (analyticGradient) {
            double[] up = new double[n];
            double[] down = new double[n];
            for (int j = 0; j < n; j++) {
                double hj = 1e-5 * Math.max(1, Math.abs(x[j]));
                p[j] = x[j] + hj;
                objective.value(p, up);
                p[j] = x[j] - hj;
                objective.value(p, down);
                p[j] = x[j];
                evaluations += 2;
                for (int i = 0; i < n; i++) {
                    h[i][j] = (up[i] - down[i]) / (2 * hj);
                }
            }
        } else {
            double f0 = objective.value(x, null);
            double[] step = new double[n];
            for (int i = 0; i < n; i++) {
                step[i] = 1e-4 * Math.max(1, Math.abs(x[i]));
            }
            for (int i = 0; i < n; i++) {
                p[i] = x[i] + step[i];
                double up = objective.value(p, null);
                p[i] = x[i] - step[i];
                double down = objective.value(p, null);
                p[i] = x[i];
                h[i][i] = (up - 2 * f0 + down) / (step[i] * step[i]);
                for (int j = 0; j < i; j++) {
                    p[i] = x[i] + step[i];
                    p[j] = x[j] + step[j];
                    double pp = objective.value(p, null);
                    p[j] = x[j] - step[j];
                    double pm = objective.value(p, null);
                    p[i] = x[i] - step[i];
                    double mm = objective.value(p, null);
                    p[j] = x[j] + step[j];
                    double mp = objective.value(p, null);
                    p[i] = x[i];
                    p[j] = x[j];
                    h[i][j] = (pp - pm - mp + mm) / (4 * step[i] * step[j]);
                }
            }
            evaluations += 1 + 2 * n + 2 * n * (n - 1);
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
