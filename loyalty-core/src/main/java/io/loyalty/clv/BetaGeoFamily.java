package io.loyalty.clv;

import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.Hypergeometric2F1;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.special.Beta;

/**
 * What BG/NBD and MBG/NBD share: the parameters r, alpha, a, b, and predictions of the form
 * E[Y(t) | x, t_x, T] = e(t, x, T) P(alive | x, t_x, T), where e, the hypergeometric part, depends on (x, T) only
 * and is the mixture integral of {@link DropoutMixture} (continuous across a = 1 and a + b = 1). The two models
 * differ in the second shape of the dropout mixture and in P(alive).
 */
abstract class BetaGeoFamily extends FourParameterModel {
    private static final String[] NAMES = {"r", "alpha", "a", "b"};
    final double r;
    final double alpha;
    final double a;
    final double b;

    BetaGeoFamily(String name, double r, double alpha, double a, double b, FitSummary fit) {
        super(name, NAMES, new double[] {r, alpha, a, b}, fit);
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
    }

    /** @return r */
    public double r() {
        return r;
    }

    /** @return alpha */
    public double alpha() {
        return alpha;
    }

    /** @return a */
    public double a() {
        return a;
    }

    /** @return b */
    public double b() {
        return b;
    }

    @Override
    public double conditionalExpectedPurchases(double t, double frequency, double recency, double T) {
        Inputs.horizon(t);
        Inputs.customer(frequency, recency, T);
        return checked(expectation(t, frequency, T) * probabilityAliveUnchecked(frequency, recency, T),
                "the conditional expectation");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The hypergeometric part depends on (x, T) only, so it is computed once per distinct pair.
     */
    @Override
    public double[] conditionalExpectedPurchases(double t, double[] frequency, double[] recency, double[] T) {
        Inputs.horizon(t);
        RfmRows.check(frequency, recency, T, null, false);
        PairIndex pairs = PairIndex.of(frequency, T);
        double[] e = new double[pairs.size];
        ChunkedSum.forEach(pairs.size, (from, to) -> {
            for (int k = from; k < to; k++) {
                e[k] = expectation(t, pairs.x[k], pairs.t[k]);
            }
        });
        double[] out = new double[frequency.length];
        ChunkedSum.forEach(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = e[pairs.index[i]] * probabilityAliveUnchecked(frequency[i], recency[i], T[i]);
            }
        });
        return checked(out, "the conditional expectation");
    }

    @Override
    public double probabilityAlive(double frequency, double recency, double T) {
        Inputs.customer(frequency, recency, T);
        return checked(probabilityAliveUnchecked(frequency, recency, T), "P(alive)");
    }

    /**
     * P(N &gt;= n) for N ~ NegBin(r, 1 - q), the regularized incomplete beta I_q(n, r); NaN (reported by the
     * caller as an argument error) where commons-math's continued fraction does not converge.
     */
    static double negativeBinomialTail(double q, int n, double r) {
        if (n == 0) {
            return 1;
        }
        if (q == 0) {
            return 0;
        }
        try {
            return Beta.regularizedBeta(q, n, r);
        } catch (MathIllegalStateException e) {
            return Double.NaN;
        }
    }

    /**
     * The hypergeometric part e(t, x, T): E[(1 - (1 + p u)^-(r+x)) / p] over the dropout mixture, 0 at t = 0; from
     * the closed form where that is well conditioned, else from the integral.
     */
    final double expectation(double t, double x, double age) {
        double shape = dropoutShape(x);
        double closed = closedForm(t, x, age, shape);
        return closed >= 0 ? closed : DropoutMixture.value(r + x, t / (alpha + age), a, shape);
    }

    /**
     * The closed form {@code c/(a-1) [1 - (1-z)^(a-1) 2F1(c-R, a-1; c; z)]} (Euler's transformation of the
     * textbook one; c = a + B - 1, R = r + x, z = t/(alpha+T+t)), some fifty times cheaper than the integral, where
     * it is well conditioned: the 2F1 summed as its power series (z at most 0.9) with small parameters (|c - R|
     * = |a + b - 1 - r| or |a + b - r| at most 10, |a - 1| between 0.01 and 19, c at least 0.5), and the bracket
     * losing at most four digits to cancellation (so about 1e-12 relative). Elsewhere (and at t = 0) -1, and the
     * caller integrates. CDNOW-like models take this path for all but the youngest customers at long horizons.
     */
    private double closedForm(double t, double x, double age, double shape) {
        double big = r + x;
        double z = t / (alpha + age + t);
        double c = a + shape - 1;
        if (!(t > 0 && z <= 0.9 && Math.abs(a - 1) >= 0.01 && a <= 20 && c >= 0.5 && Math.abs(c - big) <= 10)) {
            return -1;
        }
        double f = Hypergeometric2F1.value(c - big, a - 1, c, z);
        double lead = Math.exp((a - 1) * Math.log1p(-z));
        double bracket = 1 - lead * f;
        double value = c / (a - 1) * bracket;
        return Math.abs(lead * f) <= 1e4 * Math.abs(bracket) && value > 0 && value < Double.POSITIVE_INFINITY
                ? value : -1;
    }

    /**
     * The second shape of the dropout probability p of a customer alive after x repeat purchases: p ~ Beta(a, this).
     */
    abstract double dropoutShape(double x);

    /** P(alive | x, t_x, T) of checked arguments. */
    abstract double probabilityAliveUnchecked(double x, double tx, double age);
}
