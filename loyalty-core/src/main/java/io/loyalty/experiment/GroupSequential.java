package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;

/**
 * Group-sequential boundaries for peeking at a test K planned times, one-sided, efficacy only, as rpact's
 * {@code getDesignGroupSequential(sided = 1)}.
 *
 * <ul>
 * <li>Lan-DeMets alpha spending (Lan and DeMets 1983, Biometrika 70:659-663): O'Brien-Fleming type
 * {@code alpha(t) = 2 (1 - Phi(Phi^-1(1 - alpha/2) / sqrt t))}, Pocock type
 * {@code alpha(t) = alpha ln(1 + (e - 1) t)}; each boundary solves
 * {@code P(no earlier rejection, Z_k >= c_k) = alpha(t_k) - alpha(t_{k-1})}.</li>
 * <li>Classical O'Brien and Fleming (1979) {@code c_k = C / sqrt(t_k)} and Pocock (1977) {@code c_k = C}, C
 * solving a total type I error of alpha.</li>
 * </ul>
 *
 * <p>Under the null, {@code Z_k sqrt(t_k)} is Brownian motion at times {@code t_k}; the sub-densities of the
 * continuation region are carried from look to look by numerical integration (composite Simpson rule on a
 * fine grid, Armitage, McPherson and Rowe 1969; Jennison and Turnbull 2000, chapter 19).
 *
 * @since 0.1
 */
public final class GroupSequential {
    private static final double LOWER = -8.5;
    /** Above this the standard normal's upper tail is 0 in double precision, so the grid need not reach further. */
    private static final double UPPER = 40;
    /** The smallest gap between looks: the grid's step shrinks as the square root of the gap. */
    static final double MIN_GAP = 1e-4;
    private static final double STEP = 0.02;
    /** Kernel terms beyond this many standard deviations are below 1e-19 and skipped. */
    private static final double BAND = 9.5;

    /**
     * The boundary family.
     *
     * @since 0.1
     */
    public enum Type {
        /** Lan-DeMets spending of O'Brien-Fleming type (rpact "asOF"). */
        OBRIEN_FLEMING_SPENDING,
        /** Lan-DeMets spending of Pocock type (rpact "asP"). */
        POCOCK_SPENDING,
        /** Classical O'Brien-Fleming boundaries (rpact "OF"). */
        OBRIEN_FLEMING,
        /** Classical Pocock boundaries (rpact "P"). */
        POCOCK
    }

    private GroupSequential() {
    }

    /**
     * The design at equally spaced looks {@code k / K}.
     *
     * @param type the boundary family
     * @param alpha the one-sided overall level in (0, 0.5)
     * @param looks the number of looks K, 1 to 20
     * @return the design
     */
    public static SequentialDesign design(Type type, double alpha, int looks) {
        Checks.require(looks >= 1 && looks <= 20, "looks must be in 1..20, got %d", looks);
        double[] t = new double[looks];
        for (int k = 0; k < looks; k++) {
            t[k] = (k + 1.0) / looks;
        }
        return design(type, alpha, t);
    }

    /**
     * The design at the given information fractions.
     *
     * @param type the boundary family
     * @param alpha the one-sided overall level in (0, 0.5)
     * @param informationRates strictly increasing fractions in (0, 1], the last 1, each at least 1e-4 after the
     *     previous one
     * @return the design
     * @throws IllegalArgumentException naming the look for rates out of order or too close, or for a look so early
     *     that the spending function spends nothing there (O'Brien-Fleming spending underflows to 0 below
     *     {@code t} of about 0.0034 at alpha 0.025)
     */
    public static SequentialDesign design(Type type, double alpha, double[] informationRates) {
        Checks.notNull(type, "type");
        Checks.require(alpha > 0 && alpha < 0.5, "alpha must lie in (0, 0.5) for a one-sided design, got %s", alpha);
        Checks.notNull(informationRates, "informationRates");
        int k = informationRates.length;
        Checks.require(k >= 1 && k <= 20, "informationRates must have 1..20 looks, got %d", k);
        double prev = 0;
        for (int i = 0; i < k; i++) {
            double t = informationRates[i];
            Checks.require(t > prev && t <= 1, "informationRates[%d] must be in (%s, 1], got %s", i, prev, t);
            Checks.require(i == 0 || t - prev >= MIN_GAP, "informationRates[%d] = %s must be at least %s after the "
                    + "previous look (%s)", i, t, MIN_GAP, prev);
            prev = t;
        }
        Checks.require(informationRates[k - 1] == 1, "the last information rate must be 1, got %s",
                informationRates[k - 1]);
        double[] t = informationRates.clone();
        double[] c = new double[k];
        double[] spent = new double[k];
        if (type == Type.OBRIEN_FLEMING_SPENDING || type == Type.POCOCK_SPENDING) {
            Recursion r = new Recursion(t);
            for (int i = 0; i < k; i++) {
                double target = spending(type, alpha, t[i]);
                double increment = target - (i == 0 ? 0 : spending(type, alpha, t[i - 1]));
                // A look that spends nothing would have an infinite boundary (never reject): not a design.
                Checks.require(increment > 0, "informationRates[%d] = %s spends no alpha under %s at alpha %s (the "
                        + "spending function is %s there): start the looks later", i, t[i], type, alpha, target);
                int look = i;
                c[i] = i == 0 ? Normal.upperQuantile(increment)
                        : Roots.zeroin(x -> r.exitProbability(look, x) - increment, -8, 40, 1e-12);
                r.advance(i, c[i]);
                spent[i] = target;
            }
        } else {
            double[] shape = new double[k];
            for (int i = 0; i < k; i++) {
                shape[i] = type == Type.OBRIEN_FLEMING ? 1 / Math.sqrt(t[i]) : 1;
            }
            double constant = Roots.zeroin(x -> totalAlpha(t, shape, x, null) - alpha, 0.1, 40, 1e-11);
            for (int i = 0; i < k; i++) {
                c[i] = constant * shape[i];
            }
            totalAlpha(t, shape, constant, spent);
        }
        return new SequentialDesign(type, alpha, t, c, spent);
    }

    private static double spending(Type type, double alpha, double t) {
        if (t >= 1) {
            return alpha;
        }
        if (type == Type.OBRIEN_FLEMING_SPENDING) {
            return 2 * Normal.upper(Normal.upperQuantile(alpha / 2) / Math.sqrt(t));
        }
        return alpha * Math.log(1 + (Math.E - 1) * t);
    }

    private static double totalAlpha(double[] t, double[] shape, double constant, double[] cumulative) {
        Recursion r = new Recursion(t);
        double total = 0;
        for (int i = 0; i < t.length; i++) {
            double c = constant * shape[i];
            total += i == 0 ? Normal.upper(c) : r.exitProbability(i, c);
            if (cumulative != null) {
                cumulative[i] = total;
            }
            r.advance(i, c);
        }
        return total;
    }

    /** The sub-density of Z at the current look on the continuation region, on a grid. */
    private static final class Recursion {
        private final double[] t;
        private double[] grid;
        private double[] density;

        Recursion(double[] t) {
            this.t = t;
        }

        /** Keeps the density of Z_i below c (start: the standard normal). */
        void advance(int i, double c) {
            // The grid resolves the next transition's kernel, whose width on this scale is sqrt(dt / t_i).
            double step = i + 1 < t.length ? Math.min(STEP, Math.sqrt((t[i + 1] - t[i]) / t[i]) / 8) : STEP;
            double top = Math.min(c, UPPER);
            int m = Math.max(2, (int) Math.ceil((top - LOWER) / step));
            if (m % 2 == 1) {
                m++;
            }
            double[] g = new double[m + 1];
            double h = (top - LOWER) / m;
            for (int j = 0; j <= m; j++) {
                g[j] = LOWER + j * h;
            }
            double[] f = new double[m + 1];
            if (i == 0) {
                for (int j = 0; j <= m; j++) {
                    f[j] = Normal.density(g[j]);
                }
            } else {
                double sdi = Math.sqrt(t[i] - t[i - 1]);
                double a = Math.sqrt(t[i]);
                double b = Math.sqrt(t[i - 1]);
                double[] w = weights(grid);
                double g0 = grid[0];
                double gh = grid[1] - grid[0];
                for (int j = 0; j <= m; j++) {
                    double s = 0;
                    double za = g[j] * a;
                    // Only grid points within BAND kernel widths of the centre za / b contribute.
                    int from = Math.max(0, (int) Math.floor(((za - BAND * sdi) / b - g0) / gh));
                    int to = Math.min(grid.length - 1, (int) Math.ceil(((za + BAND * sdi) / b - g0) / gh));
                    for (int u = from; u <= to; u++) {
                        double e = (za - grid[u] * b) / sdi;
                        s += w[u] * density[u] * Math.exp(-0.5 * e * e);
                    }
                    f[j] = s * a / (sdi * Math.sqrt(2 * Math.PI));
                }
            }
            grid = g;
            density = f;
        }

        /** P(continue to look i - 1, Z_i >= c). */
        double exitProbability(int i, double c) {
            double sdi = Math.sqrt(t[i] - t[i - 1]);
            double a = Math.sqrt(t[i]);
            double b = Math.sqrt(t[i - 1]);
            double[] w = weights(grid);
            double s = 0;
            for (int u = grid.length - 1; u >= 0; u--) {
                double z = (c * a - grid[u] * b) / sdi;
                if (z > 40) {
                    break;
                }
                s += w[u] * density[u] * Normal.upper(z);
            }
            return s;
        }

        private static double[] weights(double[] g) {
            int m = g.length - 1;
            double h = (g[m] - g[0]) / m;
            double[] w = new double[m + 1];
            for (int j = 0; j <= m; j++) {
                w[j] = h / 3 * (j == 0 || j == m ? 1 : j % 2 == 1 ? 4 : 2);
            }
            return w;
        }
    }
}
