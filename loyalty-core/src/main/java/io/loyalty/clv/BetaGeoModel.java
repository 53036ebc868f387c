package io.loyalty.clv;

import io.loyalty.internal.Checks;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * A BG/NBD model (beta-geometric / negative binomial distribution, Fader, Hardie and Lee 2005) with its
 * predictions. While active, a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after each
 * purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * <pre>
 * L(r, alpha, a, b | x, t_x, T) = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *                               + [x &gt; 0] B(a+1, b+x-1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
 * E[X(t)]                       = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
 * E[Y(t) | x, t_x, T]           = (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x)
 *                                   2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / D
 * P(alive | x, t_x, T)          = 1 / D,  D = 1 + [x &gt; 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)
 * </pre>
 *
 * <p>The expectations divide by {@code a - 1} (a removable singularity; lifetimes returns NaN at a = 1) and, for
 * x = 0, by the pole of 2F1 at {@code a + b = 1}; near them, and for large r, a or t, the closed form cancels to
 * nothing. They are computed instead as the integral the formula comes from,
 * {@code (a+b+x-1)/(a-1) [1 - ...] = E[(1 - (1 + p t/(alpha+T))^-(r+x)) / p]} over {@code p ~ Beta(a, b+x)}, whose
 * integrand is positive and smooth: continuous across a = 1 and a + b = 1, finite for every finite t, growing
 * like t^(1-a) when a &lt; 1.
 *
 * <p>Immutable and thread-safe. Make one with {@link #of(double, double, double, double)} or
 * {@link BetaGeoFitter#fit}. {@code equals} compares the parameters only (not the fit summary).
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "Counting your customers the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284, doi:10.1287/mksc.1040.0098.
 *
 * @since 0.1
 */
public final class BetaGeoModel extends BetaGeoFamily {
    BetaGeoModel(double r, double alpha, double a, double b, FitSummary fit) {
        super("BG/NBD", r, alpha, a, b, fit);
    }

    /**
     * A model from its parameters (e.g. saved from an earlier fit).
     *
     * @param r the gamma shape of the purchase rate, &gt; 0
     * @param alpha the gamma scale of the purchase rate (time units), &gt; 0
     * @param a the first beta parameter of the dropout probability, &gt; 0
     * @param b the second beta parameter of the dropout probability, &gt; 0
     * @return the model
     */
    public static BetaGeoModel of(double r, double alpha, double a, double b) {
        return new BetaGeoModel(r, alpha, a, b, null);
    }

    @Override
    public double expectedPurchases(double t) {
        Inputs.horizon(t);
        return expectation(t, 0, 0);
    }

    /** p ~ Beta(a, b + x) for a customer alive after x repeat purchases. */
    @Override
    double dropoutShape(double x) {
        return b + x;
    }

    /**
     * {@inheritDoc}
     *
     * <p>On both cores, checking the rows as it goes; {@code ln(a/(b+x-1))} from a per-frequency table for
     * frequencies below a few times the number of customers (memory follows the data, not the largest frequency),
     * computed per customer above.
     */
    @Override
    public double[] probabilityAlive(double[] frequency, double[] recency, double[] T) {
        return probabilityAliveOfAll(frequency, recency, T);
    }

    @Override
    boolean certainlyAlive(double x) {
        return x == 0;
    }

    @Override
    double aliveLogRatio(double x) {
        return Math.log(a / (b + x - 1));
    }

    @Override
    public double logLikelihood(double frequency, double recency, double T) {
        Inputs.customer(frequency, recency, T);
        double x = frequency;
        double base = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Beta.logBeta(a, b + x) - Beta.logBeta(a, b);
        double a3 = -(r + x) * Math.log(alpha + T);
        if (x == 0) {
            return checked(base + a3, "the log-likelihood");
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency);
        double hi = Math.max(a3, a4);
        return checked(base + hi + Math.log1p(Math.exp(Math.min(a3, a4) - hi)), "the log-likelihood");
    }

    /**
     * The probability of exactly {@code n} repeat purchases in {@code (0, t]} for a new customer, P(X(t) = n)
     * (Fader, Hardie and Lee 2005, equation 8).
     *
     * @param n the number of purchases, &gt;= 0
     * @param t the horizon, &gt;= 0
     * @return the probability
     */
    public double probabilityOfPurchases(int n, double t) {
        Checks.require(n >= 0, "n must be >= 0, got %d", n);
        Inputs.horizon(t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double logP = Math.log(alpha / (alpha + t));
        double logQ = Math.log(t / (alpha + t));
        double lbab = Beta.logBeta(a, b);
        double first = Math.exp(Beta.logBeta(a, b + n) - lbab + Gamma.logGamma(r + n) - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0) + r * logP + n * logQ);
        if (n == 0) {
            return first;
        }
        // 1 - sum_{j<n} NB(j; r, alpha/(alpha+t)) = I_q(n, r), the regularized incomplete beta at q = t/(alpha+t):
        // no partial sums to overflow for large r or n, no difference of nearly equal numbers.
        double tail = negativeBinomialTail(t / (alpha + t), n, r);
        return checked(first + Math.exp(Beta.logBeta(a + 1, b + n - 1) - lbab) * tail, "P(X(t) = n)");
    }

    /**
     * The expected number of customers with 0, 1, ..., {@code maxFrequency - 1} and at least
     * {@code maxFrequency} repeat purchases, for customers of the given ages: the model's side of the
     * "actual vs predicted frequency" histogram (sum over customers of P(X(T_i) = n)).
     *
     * @param T the age of each customer
     * @param maxFrequency the first frequency pooled into the last bin, &gt;= 1
     * @return {@code maxFrequency + 1} expected counts summing to the number of customers
     */
    public double[] expectedFrequencyCounts(double[] T, int maxFrequency) {
        return FrequencyCounts.expected(T, maxFrequency, this::probabilityOfPurchases);
    }

    /**
     * Draws customers from this model, as the model tells their story: each customer's purchase rate is drawn from
     * Gamma(r, alpha) and dropout probability from Beta(a, b); purchases follow a Poisson process from the first
     * purchase until the customer's age, and after each purchase the customer drops out with that probability. The
     * same seed gives the same customers on every JVM. Useful to check a fit on data whose truth is known, or to
     * plan with a fitted model.
     *
     * @param T the age of each customer (time from the first purchase to the end of observation), finite and
     *     &gt; 0
     * @param seed the seed
     * @return frequency, recency and T of each customer
     */
    public SimulatedCustomers simulate(double[] T, long seed) {
        Checks.notNull(T, "T");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] x = new double[T.length];
        double[] tx = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            double age = T[i];
            Checks.require(age > 0 && age < Double.POSITIVE_INFINITY, "T at row %d must be finite and > 0, got %s",
                    i, age);
            double lambda = gammaDraw(rnd, r) / alpha;
            double ga = gammaDraw(rnd, a);
            double p = ga / (ga + gammaDraw(rnd, b));
            double now = 0;
            double last = 0;
            int count = 0;
            while (true) {
                now += -Math.log(1 - rnd.nextDouble()) / lambda;
                if (now > age) {
                    break;
                }
                count++;
                last = now;
                if (rnd.nextDouble() < p) {
                    break;
                }
            }
            x[i] = count;
            tx[i] = last;
        }
        return new SimulatedCustomers(x, tx, T);
    }

    /** Marsaglia and Tsang's gamma(shape, 1) draw, boosted by U^(1/shape) for shape &lt; 1. */
    private static double gammaDraw(java.util.SplittableRandom rnd, double shape) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gammaDraw(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rnd.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            if (Math.log(rnd.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
