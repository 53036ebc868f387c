package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.SpecialFunctions;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * A BG/BB model (beta-geometric / beta-binomial, Fader, Hardie and Shang 2010) for discrete transaction
 * opportunities (yearly donations, annual events): while alive a customer transacts at each opportunity with
 * probability p ~ Beta(alpha, beta), and dies before each next opportunity with probability theta ~
 * Beta(gamma, delta). A customer is summarized by {@code frequency} x (opportunities with a transaction),
 * {@code recency} t_x (the opportunity of the last one, 0 when x = 0) and {@code periods} n (opportunities
 * observed after the first transaction).
 *
 * <pre>
 * L = B(alpha+x, beta+n-x)/B(alpha, beta) B(gamma, delta+n)/B(gamma, delta)
 *   + sum_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B(alpha, beta) B(gamma+1, delta+t_x+i)/B(gamma, delta)
 * E[X(n)]          = alpha/(alpha+beta) delta/(gamma-1) [1 - Gamma(gamma+delta) Gamma(1+delta+n)
 *                                                          / (Gamma(gamma+delta+n) Gamma(1+delta))]
 * E[X(n, n+m) | .] = B(alpha+x+1, beta+n-x)/B(alpha, beta) delta/(gamma-1) Gamma(gamma+delta)/Gamma(1+delta)
 *                    [Gamma(1+delta+n)/Gamma(gamma+delta+n) - Gamma(1+delta+n+m)/Gamma(gamma+delta+n+m)] / L
 * P(alive at n+m | .) = B(alpha+x, beta+n-x)/B(alpha, beta) B(gamma, delta+n+m)/B(gamma, delta) / L
 * </pre>
 *
 * <p>The expectations divide by {@code gamma - 1}, a removable singularity: within 1e-5 of {@code gamma = 1} they
 * are interpolated across it. Immutable and thread-safe;
 * {@code equals} compares the parameters only.
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and J. Shang (2010), "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6), 1086-1108, doi:10.1287/mksc.1100.0580.
 *
 * @since 0.1
 */
public final class BetaGeoBetaBinomModel {
    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;
    private final FitSummary fit;

    BetaGeoBetaBinomModel(double alpha, double beta, double gamma, double delta, FitSummary fit) {
        this.alpha = Inputs.parameter(alpha, "alpha");
        this.beta = Inputs.parameter(beta, "beta");
        this.gamma = Inputs.parameter(gamma, "gamma");
        this.delta = Inputs.parameter(delta, "delta");
        this.fit = fit;
    }

    /**
     * A model from its parameters.
     *
     * @param alpha first beta parameter of the transaction probability, &gt; 0
     * @param beta second beta parameter of the transaction probability, &gt; 0
     * @param gamma first beta parameter of the dropout probability, &gt; 0
     * @param delta second beta parameter of the dropout probability, &gt; 0
     * @return the model
     */
    public static BetaGeoBetaBinomModel of(double alpha, double beta, double gamma, double delta) {
        return new BetaGeoBetaBinomModel(alpha, beta, gamma, delta, null);
    }

    /**
     * The parameter names {@code {alpha, beta, gamma, delta}}.
     *
     * @return a new array
     */
    public String[] parameterNames() {
        return NAMES.clone();
    }

    /**
     * The parameters {@code {alpha, beta, gamma, delta}}.
     *
     * @return a new array
     */
    public double[] parameters() {
        return new double[] {alpha, beta, gamma, delta};
    }

    /**
     * The fit that produced this model; empty for a model rebuilt from its parameters.
     *
     * @return the summary, if any
     */
    public Optional<FitSummary> fitSummary() {
        return Optional.ofNullable(fit);
    }

    /**
     * The log-likelihood of one customer.
     *
     * @param frequency x
     * @param recency t_x
     * @param periods n
     * @return the log-likelihood
     */
    public double logLikelihood(int frequency, int recency, int periods) {
        check(frequency, recency, periods);
        return logLikelihood(alpha, beta, gamma, delta, frequency, recency, periods);
    }

    static double logLikelihood(double alpha, double beta, double gamma, double delta, double x, double tx,
            double n) {
        return logLikelihood(alpha, beta, gamma, delta, x, tx, n, null, null);
    }

    /**
     * The digamma values a customer's gradient shares with every other one: psi(alpha), psi(beta),
     * psi(alpha + beta), psi(gamma), psi(delta), psi(gamma + delta).
     */
    static double[] sharedDigammas(double alpha, double beta, double gamma, double delta) {
        return new double[] {SpecialFunctions.digamma(alpha), SpecialFunctions.digamma(beta),
            SpecialFunctions.digamma(alpha + beta), SpecialFunctions.digamma(gamma), SpecialFunctions.digamma(delta),
            SpecialFunctions.digamma(gamma + delta)};
    }

    /**
     * The log-likelihood of one customer and, when {@code gradient} is not null, its gradient over (alpha, beta,
     * gamma, delta) written into it ({@code shared} from {@link #sharedDigammas}). L is a sum of terms
     * T = B(alpha+x, q)/B(alpha, beta) B(gamma+k, d)/B(gamma, delta), so d ln L = sum (T/L) d ln T with
     * d ln B(p, q)/dp = psi(p) - psi(p+q); the terms' digammas follow each other by psi(z+1) = psi(z) + 1/z, so
     * the gradient costs a few divisions a term, as the value does a few logarithms.
     */
    static double logLikelihood(double alpha, double beta, double gamma, double delta, double x, double tx,
            double n, double[] shared, double[] gradient) {
        double lab = Beta.logBeta(alpha, beta);
        double lgd = Beta.logBeta(gamma, delta);
        double first = Beta.logBeta(alpha + x, beta + n - x) - lab + Beta.logBeta(gamma, delta + n) - lgd;
        boolean grad = gradient != null;
        double psiAx = grad ? SpecialFunctions.digamma(alpha + x) : 0;
        // The parts of d ln T that vary between terms, summed with the weights T / exp(hi) (first term: weight 1).
        double sa = 0;
        double sb = 0;
        double sg = 0;
        double sd = 0;
        if (grad) {
            double psiAbn = SpecialFunctions.digamma(alpha + beta + n);
            double psiGdn = SpecialFunctions.digamma(gamma + delta + n);
            sa = psiAx - psiAbn;
            sb = SpecialFunctions.digamma(beta + n - x) - psiAbn;
            sg = shared[3] - psiGdn;
            sd = SpecialFunctions.digamma(delta + n) - psiGdn;
        }
        int terms = (int) (n - tx);
        double hi = first;
        double sum = 1;
        if (terms > 0) {
            // A running log-sum-exp: no array of n - t_x terms, so memory stays constant however many periods.
            // Term i+1 from term i by the ratios B(p, q+1)/B(p, q) = q/(p+q): two logarithms a term, not six lnGammas.
            double bx = beta + tx - x;
            double dx = delta + tx;
            double l = Beta.logBeta(alpha + x, bx) - lab + Beta.logBeta(gamma + 1, dx) - lgd;
            double psiQ = grad ? SpecialFunctions.digamma(bx) : 0;
            double psiAq = grad ? SpecialFunctions.digamma(alpha + x + bx) : 0;
            double psiG1 = grad ? SpecialFunctions.digamma(gamma + 1) : 0;
            double psiD = grad ? SpecialFunctions.digamma(dx) : 0;
            double psiGd = grad ? SpecialFunctions.digamma(gamma + 1 + dx) : 0;
            for (int i = 0; i < terms; i++) {
                if (i > 0) {
                    double q1 = bx + (i - 1);
                    double q2 = dx + (i - 1);
                    l += Math.log(q1 / (alpha + x + q1)) + Math.log(q2 / (gamma + 1 + q2));
                    if (grad) {
                        psiQ += 1 / q1;
                        psiAq += 1 / (alpha + x + q1);
                        psiD += 1 / q2;
                        psiGd += 1 / (gamma + 1 + q2);
                    }
                }
                double e;
                if (l > hi) {
                    double shrink = Math.exp(hi - l);
                    sum = sum * shrink + 1;
                    sa *= shrink;
                    sb *= shrink;
                    sg *= shrink;
                    sd *= shrink;
                    hi = l;
                    e = 1;
                } else {
                    e = Math.exp(l - hi);
                    sum += e;
                }
                if (grad) {
                    sa += e * (psiAx - psiAq);
                    sb += e * (psiQ - psiAq);
                    sg += e * (psiG1 - psiGd);
                    sd += e * (psiD - psiGd);
                }
            }
        }
        if (grad) {
            gradient[0] = sa / sum + shared[2] - shared[0];
            gradient[1] = sb / sum + shared[2] - shared[1];
            gradient[2] = sg / sum + shared[5] - shared[3];
            gradient[3] = sd / sum + shared[5] - shared[4];
        }
        return terms > 0 ? hi + Math.log(sum) : first;
    }

    /**
     * The expected number of transactions of a new customer in the first {@code n} opportunities.
     *
     * @param n the opportunities, &gt;= 0
     * @return the expectation
     */
    public double expectedTransactions(int n) {
        Checks.require(n >= 0, "n must be >= 0, got %d", n);
        return checked(Inputs.acrossOne(gamma, g -> {
            // 1 - ratio as -expm1(ln ratio), each lnGamma difference exactly 0 at n = 0: no negative rounding.
            double logRatio = (Gamma.logGamma(1 + delta + n) - Gamma.logGamma(1 + delta))
                    - (Gamma.logGamma(g + delta + n) - Gamma.logGamma(g + delta));
            return alpha / (alpha + beta) * delta / (g - 1) * -Math.expm1(logRatio);
        }), "E[X(n)]");
    }

    /**
     * The expected number of transactions in the next {@code m} opportunities of a customer with history
     * (x, t_x, n) (Fader, Hardie and Shang 2010, equation 13).
     *
     * @param m future opportunities, &gt;= 0
     * @param frequency x
     * @param recency t_x
     * @param periods n
     * @return the expectation
     */
    public double conditionalExpectedTransactions(int m, int frequency, int recency, int periods) {
        Checks.require(m >= 0, "m must be >= 0, got %d", m);
        check(frequency, recency, periods);
        double x = frequency;
        double n = periods;
        return checked(Inputs.acrossOne(gamma, g -> {
            double ll = logLikelihood(alpha, beta, g, delta, x, recency, n);
            double lead = Beta.logBeta(alpha + x + 1, beta + n - x) - Beta.logBeta(alpha, beta)
                    + Gamma.logGamma(g + delta) - Gamma.logGamma(1 + delta) - ll;
            double logNow = Gamma.logGamma(1 + delta + n) - Gamma.logGamma(g + delta + n);
            // now - later = now (1 - later/now), the ratio's logarithm from differences that vanish at m = 0.
            double logRatio = (Gamma.logGamma(1 + delta + n + m) - Gamma.logGamma(1 + delta + n))
                    - (Gamma.logGamma(g + delta + n + m) - Gamma.logGamma(g + delta + n));
            return Math.exp(lead + logNow) * delta / (g - 1) * -Math.expm1(logRatio);
        }), "the conditional expectation");
    }

    /**
     * The probability that a customer with history (x, t_x, n) is alive at opportunity {@code n + m}.
     *
     * @param m future opportunities, &gt;= 0 (0: alive now)
     * @param frequency x
     * @param recency t_x
     * @param periods n
     * @return the probability
     */
    public double probabilityAlive(int m, int frequency, int recency, int periods) {
        Checks.require(m >= 0, "m must be >= 0, got %d", m);
        check(frequency, recency, periods);
        double x = frequency;
        double n = periods;
        double log = Beta.logBeta(alpha + x, beta + n - x) - Beta.logBeta(alpha, beta)
                + Beta.logBeta(gamma, delta + n + m) - Beta.logBeta(gamma, delta)
                - logLikelihood(alpha, beta, gamma, delta, x, recency, n);
        return checked(Math.exp(log), "P(alive)");
    }

    /**
     * The value, unless it is not finite: parameters so extreme (subnormal, say) that the beta functions behind
     * it overflow or underflow a double.
     */
    private double checked(double value, String what) {
        if (value >= 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(Checks.format("%s cannot be evaluated in double precision for alpha = %s, "
                + "beta = %s, gamma = %s, delta = %s", what, alpha, beta, gamma, delta));
    }

    /**
     * {@link #conditionalExpectedTransactions(int, int, int, int)} for many customers (rows checked as the fitter
     * checks them, naming the row).
     *
     * @param m future opportunities, &gt;= 0
     * @param frequency x per customer
     * @param recency t_x per customer
     * @param periods n per customer
     * @return the expectations, one per customer
     */
    public double[] conditionalExpectedTransactions(int m, double[] frequency, double[] recency, double[] periods) {
        Checks.require(m >= 0, "m must be >= 0, got %d", m);
        RfmRows.check(frequency, recency, periods, null, true);
        double[] out = new double[frequency.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = conditionalExpectedTransactions(m, (int) frequency[i], (int) recency[i], (int) periods[i]);
        }
        return out;
    }

    /**
     * {@link #probabilityAlive(int, int, int, int)} for many customers (rows checked as the fitter checks them,
     * naming the row).
     *
     * @param m future opportunities, &gt;= 0 (0: alive now)
     * @param frequency x per customer
     * @param recency t_x per customer
     * @param periods n per customer
     * @return the probabilities, one per customer
     */
    public double[] probabilityAlive(int m, double[] frequency, double[] recency, double[] periods) {
        Checks.require(m >= 0, "m must be >= 0, got %d", m);
        RfmRows.check(frequency, recency, periods, null, true);
        double[] out = new double[frequency.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilityAlive(m, (int) frequency[i], (int) recency[i], (int) periods[i]);
        }
        return out;
    }

    /**
     * The probability of exactly {@code x} transactions in the first {@code n} opportunities (Fader, Hardie and
     * Shang 2010, equation 6).
     *
     * @param x the number of transactions, 0..n
     * @param n the opportunities, &gt;= 0
     * @return the probability
     */
    public double probabilityOfTransactions(int x, int n) {
        Checks.require(n >= 0 && x >= 0 && x <= n, "need 0 <= x <= n, got x = %d, n = %d", x, n);
        double lab = Beta.logBeta(alpha, beta);
        double lgd = Beta.logBeta(gamma, delta);
        double p = Math.exp(logBinomial(n, x) + Beta.logBeta(alpha + x, beta + n - x) - lab
                + Beta.logBeta(gamma, delta + n) - lgd);
        for (int i = x; i < n; i++) {
            p += Math.exp(logBinomial(i, x) + Beta.logBeta(alpha + x, beta + i - x) - lab
                    + Beta.logBeta(gamma + 1, delta + i) - lgd);
        }
        return p;
    }

    private static double logBinomial(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    static void check(int x, int tx, int n) {
        if (!(x >= 0 && tx >= x && n >= tx && (x > 0 || tx == 0))) {
            throw new IllegalArgumentException(Checks.format(
                    "need 0 <= frequency <= recency <= periods and recency 0 when frequency is 0, got x = %d, "
                            + "t_x = %d, n = %d", x, tx, n));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BetaGeoBetaBinomModel)) {
            return false;
        }
        BetaGeoBetaBinomModel m = (BetaGeoBetaBinomModel) o;
        return Arrays.equals(parameters(), m.parameters());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parameters());
    }

    @Override
    public String toString() {
        return Checks.format("BG/BB[alpha=%.6g, beta=%.6g, gamma=%.6g, delta=%.6g]", alpha, beta, gamma, delta);
    }
}
