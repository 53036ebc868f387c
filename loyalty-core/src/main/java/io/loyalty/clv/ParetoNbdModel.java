package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Hypergeometric2F1;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * A Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while active a customer buys as a Poisson process
 * with rate lambda ~ Gamma(r, alpha); the lifetime is exponential with rate mu ~ Gamma(s, beta).
 *
 * <pre>
 * L = Gamma(r+x) alpha^r beta^s / Gamma(r) * [ 1 / ((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0 ]
 * A0 = F(t_x) - F(T),  F(u) = 2F1(r+s+x, k; r+s+x+1; |alpha-beta| / (m+u)) / (m+u)^(r+s+x)
 *      with m = max(alpha, beta) and k = s+1 when alpha &gt;= beta, k = r+x otherwise
 * P(alive | x, t_x, T)  = 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)
 * E[Y(t) | x, t_x, T]   = P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]
 * E[X(t)]               = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]
 * </pre>
 *
 * <p>The expectations are continuous at {@code s = 1} (the bracket over {@code s - 1} becomes a logarithm); A0 is
 * computed in log space with {@code expm1}, so a customer whose last purchase is recent keeps full precision.
 *
 * <p>Immutable and thread-safe; {@code equals} compares the parameters only.
 *
 * <p>References: D. C. Schmittlein, D. G. Morrison and R. Colombo (1987), "Counting your customers: who are they
 * and what will they do next?", Management Science 33(1), 1-24, doi:10.1287/mnsc.33.1.1; P. S. Fader and
 * B. G. S. Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions",
 * http://brucehardie.com/notes/009/.
 *
 * @since 0.1
 */
public final class ParetoNbdModel extends FourParameterModel {
    private static final String[] NAMES = {"r", "alpha", "s", "beta"};
    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;

    ParetoNbdModel(double r, double alpha, double s, double beta, FitSummary fit) {
        super("Pareto/NBD", NAMES, new double[] {r, alpha, s, beta}, fit);
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
    }

    /**
     * A model from its parameters.
     *
     * @param r the gamma shape of the purchase rate, &gt; 0
     * @param alpha the gamma scale of the purchase rate (time units), &gt; 0
     * @param s the gamma shape of the dropout rate, &gt; 0
     * @param beta the gamma scale of the dropout rate (time units), &gt; 0
     * @return the model
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        return new ParetoNbdModel(r, alpha, s, beta, null);
    }

    /** @return r */
    public double r() {
        return r;
    }

    /** @return alpha */
    public double alpha() {
        return alpha;
    }

    /** @return s */
    public double s() {
        return s;
    }

    /** @return beta */
    public double beta() {
        return beta;
    }

    @Override
    public double expectedPurchases(double t) {
        Inputs.horizon(t);
        return checked(r * beta / alpha * growth(beta, t), "E[X(t)]");
    }

    /** [1 - (b/(b+t))^(s-1)] / (s-1), continuous at s = 1. */
    private double growth(double b, double t) {
        double log = -Math.log1p(t / b);
        double sm1 = s - 1;
        return sm1 == 0 ? -log : -Math.expm1(sm1 * log) / sm1;
    }

    @Override
    public double conditionalExpectedPurchases(double t, double frequency, double recency, double T) {
        Inputs.horizon(t);
        Inputs.customer(frequency, recency, T);
        double alive = alive(r, alpha, s, beta, frequency, recency, T);
        return checked(alive * (r + frequency) * (beta + T) / (alpha + T) * growth(beta + T, t),
                "the conditional expectation", frequency, recency, T);
    }

    @Override
    public double probabilityAlive(double frequency, double recency, double T) {
        Inputs.customer(frequency, recency, T);
        return checked(alive(r, alpha, s, beta, frequency, recency, T), "P(alive)", frequency, recency, T);
    }

    @Override
    public double logLikelihood(double frequency, double recency, double T) {
        Inputs.customer(frequency, recency, T);
        return checked(logLikelihood(r, alpha, s, beta, frequency, recency, T), "the log-likelihood", frequency,
                recency, T);
    }

    /**
     * The value, unless the hypergeometric function behind it could not be evaluated in double precision (a
     * series that does not converge: parameters or a history far outside any fitted model's range).
     */
    private double checked(double value, String what, double x, double tx, double age) {
        if (value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(Checks.format("%s cannot be evaluated in double precision for r = %s, "
                + "alpha = %s, s = %s, beta = %s at frequency = %s, recency = %s, T = %s", what, r, alpha, s, beta, x,
                tx, age));
    }

    /**
     * The probability of exactly {@code n} repeat purchases in {@code (0, t]} for a new customer, P(X(t) = n)
     * (Fader and Hardie, "Deriving an expression for P(X(t) = x) under the Pareto/NBD model", note 012):
     * <pre>
     * P = Gamma(r+n)/(Gamma(r) n!) (alpha/(alpha+t))^r (t/(alpha+t))^n (beta/(beta+t))^s
     *   + alpha^r beta^s B(r+n, s+1)/B(r, s) [B1 - sum_{i=0..n} Gamma(r+s+i)/(Gamma(r+s) i!) t^i B2(i)]
     * B1    = 2F1(r+s, p; r+s+n+1; |alpha-beta|/m) / m^(r+s)
     * B2(i) = 2F1(r+s+i, p; r+s+n+1; |alpha-beta|/(m+t)) / (m+t)^(r+s+i)
     * </pre>
     * with m = max(alpha, beta) and p = s+1 when alpha &gt;= beta, p = r+n otherwise. The bracket is a difference
     * of nearly equal terms; it is taken in log space with {@code expm1}, and the result is clipped to [0, 1]
     * (its absolute error grows to about 1e-8 when s is in the thousands).
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
        double lgr = Gamma.logGamma(r);
        double first = Gamma.logGamma(r + n) - lgr - Gamma.logGamma(n + 1.0) + r * Math.log(alpha / (alpha + t))
                + n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t));
        boolean alphaLarger = alpha >= beta;
        double m = alphaLarger ? alpha : beta;
        double p = alphaLarger ? s + 1 : r + n;
        double c = r + s + n + 1;
        double diff = Math.abs(alpha - beta);
        double lead = r * Math.log(alpha) + s * Math.log(beta) + Beta.logBeta(r + n, s + 1) - Beta.logBeta(r, s);
        double logB1 = Hypergeometric2F1.logValue(r + s, p, c, diff / m) - (r + s) * Math.log(m);
        double lgrs = Gamma.logGamma(r + s);
        double[] terms = new double[n + 1];
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            terms[i] = Gamma.logGamma(r + s + i) - lgrs - Gamma.logGamma(i + 1.0) + i * Math.log(t)
                    + Hypergeometric2F1.logValue(r + s + i, p, c, diff / (m + t)) - (r + s + i) * Math.log(m + t);
            hi = Math.max(hi, terms[i]);
        }
        double sum = 0;
        for (double l : terms) {
            sum += Math.exp(l - hi);
        }
        double logB2 = hi + Math.log(sum);
        // B1 - B2 = B1 (1 - exp(logB2 - logB1)), exact to rounding however close the two are.
        double bracket = -Math.expm1(logB2 - logB1) * Math.exp(lead + logB1);
        // Rounding of the bracket can carry the sum a little outside [0, 1] (about 1e-8 with s in the thousands).
        return checked(Math.min(1, Math.max(0, Math.exp(first) + bracket)), "P(X(t) = n)", n, t, t);
    }

    /**
     * The expected number of customers with 0, 1, ..., {@code maxFrequency - 1} and at least
     * {@code maxFrequency} repeat purchases, for customers of the given ages (sum over customers of
     * P(X(T_i) = n)).
     *
     * @param T the age of each customer
     * @param maxFrequency the first frequency pooled into the last bin, &gt;= 1
     * @return {@code maxFrequency + 1} expected counts summing to the number of customers
     */
    public double[] expectedFrequencyCounts(double[] T, int maxFrequency) {
        return FrequencyCounts.expected(T, maxFrequency, this::probabilityOfPurchases);
    }

    static double alive(double r, double alpha, double s, double beta, double x, double tx, double age) {
        double logA0 = logA0(r, alpha, s, beta, x, tx, age);
        double log = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + age) + s * Math.log(beta + age)
                + logA0;
        return 1 / (1 + Math.exp(log));
    }

    /** One customer's log-likelihood. */
    static double logLikelihood(double r, double alpha, double s, double beta, double x, double tx, double age) {
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        return a1 + tail(r, alpha, s, beta, x, tx, age);
    }

    /** log[ 1/((alpha+T)^(r+x)(beta+T)^s) + s/(r+s+x) A0 ]. */
    static double tail(double r, double alpha, double s, double beta, double x, double tx, double age) {
        double first = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        double second = Math.log(s) - Math.log(r + s + x) + logA0(r, alpha, s, beta, x, tx, age);
        double hi = Math.max(first, second);
        if (hi == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(Math.min(first, second) - hi));
    }

    /** log A0 (minus infinity when t_x = T). */
    static double logA0(double r, double alpha, double s, double beta, double x, double tx, double age) {
        double max;
        double k;
        if (alpha >= beta) {
            max = alpha;
            k = s + 1;
        } else {
            max = beta;
            k = r + x;
        }
        double diff = Math.abs(alpha - beta);
        double rsx = r + s + x;
        double l1 = logF(rsx, k, diff, max + tx);
        double l2 = logF(rsx, k, diff, max + age);
        if (!(l2 < l1)) {
            return Double.NEGATIVE_INFINITY;
        }
        return l1 + Math.log(-Math.expm1(l2 - l1));
    }

    private static double logF(double rsx, double k, double diff, double q) {
        double f = diff == 0 ? 0 : Hypergeometric2F1.logValue(rsx, k, rsx + 1, diff / q);
        return f - rsx * Math.log(q);
    }
}
