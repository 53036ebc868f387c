package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Beta;

/**
 * Bayesian readout of two rates with Beta priors (uniform Beta(1, 1) by default) and Binomial data: the
 * posteriors are {@code Beta(alpha0 + x, beta0 + n - x)}.
 *
 * <ul>
 * <li>{@code P(pB > pA)}: for integer parameters the closed form
 * {@code sum_{i=0}^{aB-1} B(aA + i, bA + bB) / ((bB + i) B(1 + i, bB) B(aA, bA))} (Miller 2015), summed in
 * log scale with the term ratio {@code (aA + i)(bB + i) / ((aA + bA + bB + i)(1 + i))}, choosing among four
 * equivalent forms the one with fewest terms; otherwise {@code int f_B(x) F_A(x) dx} by Gauss-Legendre
 * quadrature over the bulk of B's posterior. The two agree to 1e-9.</li>
 * <li>Expected loss of shipping B: {@code E[max(pA - pB, 0)] = E[pA] P(A+ > B) - E[pB] P(A > B+)}, where
 * {@code A+} is A's posterior with one more success (size-biasing), and symmetrically for A.</li>
 * <li>The credible interval of the lift {@code pB / pA - 1}: quantiles of the ratio from
 * {@code P(pB / pA <= r) = int f_A(x) F_B(r x) dx}.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class BetaBinomial {
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(32, 0, 1);
    private static final int PANELS = 48;

    private final double priorAlpha;
    private final double priorBeta;

    private BetaBinomial(double priorAlpha, double priorBeta) {
        this.priorAlpha = priorAlpha;
        this.priorBeta = priorBeta;
    }

    /**
     * The uniform Beta(1, 1) prior for both arms.
     *
     * @return the calculator
     */
    public static BetaBinomial withDefaults() {
        return new BetaBinomial(1, 1);
    }

    /**
     * A Beta(alpha, beta) prior for both arms.
     *
     * @param alpha the prior's first shape, &gt; 0
     * @param beta the prior's second shape, &gt; 0
     * @return the calculator
     */
    public static BetaBinomial ofPrior(double alpha, double beta) {
        return new BetaBinomial(Checks.positive(alpha, "alpha"), Checks.positive(beta, "beta"));
    }

    /**
     * The readout of B (treatment) against A (control), arguments in the package's order: treatment first.
     *
     * @param treatmentSuccesses successes in the treatment arm B
     * @param treatmentTrials trials in B, &gt; 0
     * @param controlSuccesses successes in the control arm A
     * @param controlTrials trials in A, &gt; 0
     * @param credibleLevel the lift interval's level in (0, 1)
     * @return P(B &gt; A), the expected losses and the lift interval
     */
    public BayesReadout readout(long treatmentSuccesses, long treatmentTrials, long controlSuccesses,
            long controlTrials, double credibleLevel) {
        Proportions.checkCounts(treatmentSuccesses, treatmentTrials, "treatmentSuccesses", "treatmentTrials");
        Proportions.checkCounts(controlSuccesses, controlTrials, "controlSuccesses", "controlTrials");
        Checks.openUnit(credibleLevel, "credibleLevel");
        long successesA = controlSuccesses;
        long trialsA = controlTrials;
        long successesB = treatmentSuccesses;
        long trialsB = treatmentTrials;
        double aA = priorAlpha + successesA;
        double bA = priorBeta + trialsA - successesA;
        double aB = priorAlpha + successesB;
        double bB = priorBeta + trialsB - successesB;
        double pBA = probabilityGreater(aA, bA, aB, bB);
        double meanA = aA / (aA + bA);
        double meanB = aB / (aB + bB);
        // probabilityGreater(first, second) is P(second > first); A+ and B+ carry one more success.
        double lossB = Math.max(0, meanA * probabilityGreater(aB, bB, aA + 1, bA)
                - meanB * probabilityGreater(aB + 1, bB, aA, bA));
        double lossA = Math.max(0, meanB * probabilityGreater(aA, bA, aB + 1, bB)
                - meanA * probabilityGreater(aA + 1, bA, aB, bB));
        double lo = ratioQuantile(aA, bA, aB, bB, (1 - credibleLevel) / 2);
        double hi = ratioQuantile(aA, bA, aB, bB, (1 + credibleLevel) / 2);
        double lift = meanB / meanA - 1;
        Interval liftInterval = Interval.of(lift, Math.min(lift, lo - 1), Math.max(lift, hi - 1), credibleLevel,
                "Beta-Binomial credible");
        return new BayesReadout(pBA, lossA, lossB, liftInterval);
    }

    /**
     * {@code P(pB > pA)} for {@code pA ~ Beta(aA, bA)} and {@code pB ~ Beta(aB, bB)}: exact for integer
     * parameters, by integration otherwise.
     *
     * @param aA A's first shape, &gt; 0
     * @param bA A's second shape, &gt; 0
     * @param aB B's first shape, &gt; 0
     * @param bB B's second shape, &gt; 0
     * @return the probability
     */
    public static double probabilityGreater(double aA, double bA, double aB, double bB) {
        Checks.positive(aA, "aA");
        Checks.positive(bA, "bA");
        Checks.positive(aB, "aB");
        Checks.positive(bB, "bB");
        if (isInt(aA) && isInt(bA) && isInt(aB) && isInt(bB) && Math.min(Math.min(aA, bA), Math.min(aB, bB)) < 5e7) {
            return exact(aA, bA, aB, bB);
        }
        return integrated(aA, bA, aB, bB);
    }

    private static boolean isInt(double v) {
        return v == Math.rint(v);
    }

    /** Picks the closed form with the fewest terms: P(B > A) = P(1-pA > 1-pB) = 1 - P(A > B). */
    static double exact(double aA, double bA, double aB, double bB) {
        double min = Math.min(Math.min(aA, bA), Math.min(aB, bB));
        double p;
        if (aB == min) {
            p = millerSum(aA, bA, aB, bB);
        } else if (bA == min) {
            p = millerSum(bB, aB, bA, aA);
        } else if (aA == min) {
            p = 1 - millerSum(aB, bB, aA, bA);
        } else {
            p = 1 - millerSum(bA, aA, bB, aB);
        }
        return Math.min(1, Math.max(0, p));
    }

    /** sum_{i < aB} B(aA + i, bA + bB) / ((bB + i) B(1 + i, bB) B(aA, bA)), by the term ratio. */
    private static double millerSum(double aA, double bA, double aB, double bB) {
        double logTerm = Beta.logBeta(aA, bA + bB) - Math.log(bB) - Beta.logBeta(1, bB) - Beta.logBeta(aA, bA);
        double term = 1;
        double sum = 0;
        double scale = 0;
        long count = (long) aB;
        for (long i = 0; i < count; i++) {
            sum += term;
            term *= (aA + i) * (bB + i) / ((aA + bA + bB + i) * (1.0 + i));
            if (term > 1e250) {
                term *= 1e-250;
                sum *= 1e-250;
                scale += 250 * Math.log(10);
            }
        }
        return Math.exp(Math.log(sum) + scale + logTerm);
    }

    static double integrated(double aA, double bA, double aB, double bB) {
        double logNorm = Beta.logBeta(aB, bB);
        double mean = aB / (aB + bB);
        double sd = Math.sqrt(aB * bB / ((aB + bB) * (aB + bB) * (aB + bB + 1)));
        double lo = Math.max(0, mean - 40 * sd);
        double hi = Math.min(1, mean + 40 * sd);
        double s = 0;
        double width = (hi - lo) / PANELS;
        for (int k = 0; k < PANELS; k++) {
            double a = lo + k * width;
            for (int j = 0; j < RULE.getNumberOfPoints(); j++) {
                double x = a + width * RULE.getPoint(j);
                if (x <= 0 || x >= 1) {
                    continue;
                }
                double logDensity = (aB - 1) * Math.log(x) + (bB - 1) * Math.log1p(-x) - logNorm;
                s += width * RULE.getWeight(j) * Math.exp(logDensity) * Beta.regularizedBeta(x, aA, bA, 1e-15,
                        Integer.MAX_VALUE);
            }
        }
        return Math.min(1, Math.max(0, s));
    }

    /** The q-quantile of pB / pA, by bisection-safe Brent on log r. */
    private static double ratioQuantile(double aA, double bA, double aB, double bB, double q) {
        double logNorm = Beta.logBeta(aA, bA);
        double mean = aA / (aA + bA);
        double sd = Math.sqrt(aA * bA / ((aA + bA) * (aA + bA) * (aA + bA + 1)));
        double lo = Math.max(0, mean - 30 * sd);
        double hi = Math.min(1, mean + 30 * sd);
        double width = (hi - lo) / PANELS;
        int points = RULE.getNumberOfPoints();
        double[] xs = new double[PANELS * points];
        double[] ws = new double[PANELS * points];
        for (int k = 0; k < PANELS; k++) {
            for (int j = 0; j < points; j++) {
                double x = lo + k * width + width * RULE.getPoint(j);
                xs[k * points + j] = x;
                ws[k * points + j] = x <= 0 || x >= 1 ? 0
                        : width * RULE.getWeight(j) * Math.exp((aA - 1) * Math.log(x) + (bA - 1) * Math.log1p(-x)
                                - logNorm);
            }
        }
        double ratioMean = (aB / (aB + bB)) / mean;
        double spread = 1 + 20 * (Math.sqrt(1 / aA + 1 / aB) + 0.1);
        return Math.exp(Roots.zeroin(logR -> {
            double r = Math.exp(logR);
            double s = 0;
            for (int i = 0; i < xs.length; i++) {
                if (ws[i] > 0) {
                    double y = r * xs[i];
                    s += ws[i] * (y >= 1 ? 1 : Beta.regularizedBeta(y, aB, bB, 1e-15, Integer.MAX_VALUE));
                }
            }
            return s - q;
        }, Math.log(ratioMean) - spread, Math.log(ratioMean) + spread, 1e-10));
    }

    @Override
    public String toString() {
        return Checks.format("Beta-Binomial readout, prior Beta(%s, %s)", priorAlpha, priorBeta);
    }
}
