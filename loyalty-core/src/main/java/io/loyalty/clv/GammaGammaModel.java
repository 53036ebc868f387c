package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.special.Gamma;

/**
 * A Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005; Colombo and Jiang 1999): each
 * transaction's value is Gamma(p, nu) with a customer-level nu ~ Gamma(q, gamma), independent of the purchase
 * process. Given x repeat transactions with mean value m,
 *
 * <pre>
 * L(p, q, gamma | x, m) = Gamma(px+q) / (Gamma(px) Gamma(q)) * gamma^q m^(px-1) x^(px) / (gamma + m x)^(px+q)
 * E[Z | x, m]           = (p gamma + p x m) / (p x + q - 1)
 *                       = (1 - w) * p gamma / (q - 1) + w * m,   w = p x / (p x + q - 1)
 * </pre>
 *
 * <p>The posterior of nu given (x, m) is Gamma(p x + q, gamma + x m), so the conditional mean spend
 * {@code p (gamma + x m) / (p x + q - 1)} exists only for {@code p x + q > 1}; below that the spend has no finite
 * mean (the formula would turn negative). {@link #expectedAverageProfit()} (x = 0) is then documented as
 * infinite, and {@link #conditionalExpectedAverageProfit(double, double)} rejects such a customer with an
 * {@link IllegalArgumentException} naming frequency, p and q, rather than return a spend that is not one. The
 * third parameter is the paper's gamma (lifetimes calls it {@code v}).
 *
 * <p>Immutable and thread-safe; {@code equals} compares the parameters only.
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "RFM and CLV: using iso-value curves for
 * customer base analysis", Journal of Marketing Research 42(4), 415-430, doi:10.1509/jmkr.2005.42.4.415;
 * B. G. S. Hardie, "The Gamma-Gamma model of monetary value" (2013), brucehardie.com note 025.
 *
 * @since 0.1
 */
public final class GammaGammaModel {
    private final double p;
    private final double q;
    private final double gamma;
    private final FitSummary fit;

    GammaGammaModel(double p, double q, double gamma, FitSummary fit) {
        this.p = Inputs.parameter(p, "p");
        this.q = Inputs.parameter(q, "q");
        this.gamma = Inputs.parameter(gamma, "gamma");
        this.fit = fit;
    }

    /**
     * A model from its parameters.
     *
     * @param p the shape of the transaction value, &gt; 0
     * @param q the shape of the customers' scale nu, &gt; 0
     * @param gamma the scale of nu (currency units), &gt; 0
     * @return the model
     */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma, null);
    }

    /** @return p */
    public double p() {
        return p;
    }

    /** @return q */
    public double q() {
        return q;
    }

    /** @return gamma */
    public double gamma() {
        return gamma;
    }

    /**
     * The parameters {@code {p, q, gamma}}.
     *
     * @return a new array
     */
    public double[] parameters() {
        return new double[] {p, q, gamma};
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
     * The population mean spend per transaction, {@code p gamma / (q - 1)}; infinite when {@code q <= 1}.
     *
     * @return the mean
     */
    public double expectedAverageProfit() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The expected spend per transaction of a customer with {@code frequency} repeat transactions of mean value
     * {@code monetary}: a weighted average of the population mean and the customer's own mean. With frequency 0
     * the monetary value is ignored and the result is the population mean.
     *
     * @param frequency repeat transactions x, a whole number &gt;= 0
     * @param monetary their mean value, &gt;= 0 (ignored when frequency is 0)
     * @return the expectation, finite and &gt;= 0
     * @throws IllegalArgumentException if {@code p * frequency + q <= 1}: the customer's spend has no finite mean
     *     under this model
     */
    public double conditionalExpectedAverageProfit(double frequency, double monetary) {
        checkRow(frequency, monetary, -1, false);
        return expectation(frequency, monetary, -1);
    }

    /** (p gamma + p x m) / (p x + q - 1), after checking that the posterior mean exists; m unused when x = 0. */
    private double expectation(double x, double m, int row) {
        double shape = p * x + q;
        if (!(shape > 1)) {
            throw new IllegalArgumentException(Checks.format("the expected spend of frequency%s = %s does not exist: "
                    + "p * frequency + q = %s must be > 1 (p = %s, q = %s); the spend has no finite mean under this "
                    + "model", row < 0 ? "" : Checks.format(" at row %d", row), x, shape, p, q));
        }
        double value = x == 0 ? p * gamma / (shape - 1) : (p * gamma + p * x * m) / (shape - 1);
        if (!(value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("the expected spend of frequency%s = %s, monetary = %s "
                    + "overflows a double (p = %s, q = %s, gamma = %s)",
                    row < 0 ? "" : Checks.format(" at row %d", row), x, m, p, q, gamma));
        }
        return value;
    }

    /**
     * {@link #conditionalExpectedAverageProfit(double, double)} for many customers.
     *
     * @param frequency repeat transactions per customer
     * @param monetary mean value per customer
     * @return the expectations
     */
    public double[] conditionalExpectedAverageProfit(double[] frequency, double[] monetary) {
        checkColumns(frequency, monetary, null, false);
        double[] out = new double[frequency.length];
        ChunkedSum.forEach(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = expectation(frequency[i], monetary[i], i);
            }
        });
        return out;
    }

    /**
     * The log-likelihood of one customer's mean spend (frequency &gt; 0).
     *
     * @param frequency repeat transactions x, a whole number &gt; 0
     * @param monetary their mean value, &gt; 0
     * @return the log-likelihood
     */
    public double logLikelihood(double frequency, double monetary) {
        checkRow(frequency, monetary, -1, true);
        Checks.require(frequency > 0, "frequency must be > 0 for the Gamma-Gamma likelihood, got %s", frequency);
        double px = p * frequency;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(monetary) + px * Math.log(frequency)
                - (px + q) * Math.log(frequency * monetary + gamma);
    }

    /** Predictions accept a zero mean value; the likelihood ({@code strict}) needs it positive. */
    static void checkRow(double x, double m, int row, boolean strict) {
        String at = row < 0 ? "" : Checks.format(" at row %d", row);
        if (!(x >= 0 && x == Math.rint(x) && x < Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(Checks.format("frequency%s must be a whole number >= 0, got %s", at,
                    x));
        }
        if (x > 0 && strict && !(m > 0 && m < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format(
                    "monetary%s must be finite and > 0 when frequency > 0 (the Gamma-Gamma likelihood takes its "
                            + "logarithm; leave such customers out of the fit), got %s", at, m));
        }
        if (x > 0 && !(m >= 0 && m < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format(
                    "monetary%s must be finite and >= 0 when frequency > 0, got %s", at, m));
        }
    }

    static void checkColumns(double[] frequency, double[] monetary, double[] weights) {
        checkColumns(frequency, monetary, weights, true);
    }

    static void checkColumns(double[] frequency, double[] monetary, double[] weights, boolean strict) {
        Checks.notNull(frequency, "frequency");
        Checks.notNull(monetary, "monetary");
        Checks.sameLength(frequency.length, monetary.length, "monetary");
        if (weights != null) {
            Checks.sameLength(frequency.length, weights.length, "weights");
        }
        double total = 0;
        for (int i = 0; i < frequency.length; i++) {
            checkRow(frequency[i], monetary[i], i, strict);
            if (weights != null && !(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Checks.format(
                        "weights at row %d must be finite and >= 0, got %s", i, weights[i]));
            }
            total += weights == null ? 0 : weights[i];
        }
        if (!(total < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format(
                    "weights must have a finite sum (the number of customers), got %s", total));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GammaGammaModel)) {
            return false;
        }
        GammaGammaModel m = (GammaGammaModel) o;
        return Double.compare(p, m.p) == 0 && Double.compare(q, m.q) == 0 && Double.compare(gamma, m.gamma) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parameters());
    }

    @Override
    public String toString() {
        return Checks.format("Gamma-Gamma[p=%.6g, q=%.6g, gamma=%.6g]", p, q, gamma);
    }
}
