package io.loyalty.clv;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;
import java.util.List;

/**
 * Fits a {@link GammaGammaModel} of spend per transaction by maximum likelihood on customers with at least one
 * repeat transaction. Rows with frequency 0 carry no spend information: the array methods reject them (as
 * lifetimes does), {@link #fit(CustomerSummaries)} leaves those customers out.
 *
 * <pre>{@code
 * GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(frequency, monetary);
 * }</pre>
 *
 * <p>Algorithm: identical (frequency, monetary) rows are merged; the objective is the mean negative
 * log-likelihood plus {@code penalizer * (p^2 + q^2 + gamma^2)} (lifetimes' {@code penalizer_coef}), minimized
 * over log-parameters by BFGS with the analytic gradient and Newton polish from the start point (1, 1, 1).
 * Standard errors from the observed information. Non-convergence throws {@link io.loyalty.stats.ConvergenceException}.
 *
 * <p>The model assumes spend is independent of purchase frequency; check
 * {@link #frequencyMonetaryCorrelation(double[], double[])} before relying on it (Fader, Hardie and Lee 2005).
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "RFM and CLV: using iso-value curves for
 * customer base analysis", Journal of Marketing Research 42(4), 415-430, doi:10.1509/jmkr.2005.42.4.415.
 *
 * @since 0.1
 */
public final class GammaGammaFitter extends ChunkFitter<GammaGammaModel, GammaGammaFitter> {
    private GammaGammaFitter(Fitting.Options options) {
        super(ModelKind.GAMMA_GAMMA, options);
    }

    /**
     * A fitter with no penalizer, start (1, 1, 1), tolerance {@code 1e-9}, at most 1,000 iterations.
     *
     * @return the fitter
     */
    public static GammaGammaFitter withDefaults() {
        return new GammaGammaFitter(Fitting.Options.defaults(ModelKind.GAMMA_GAMMA.dimension));
    }

    @Override
    GammaGammaFitter with(Fitting.Options options) {
        return new GammaGammaFitter(options);
    }

    /**
     * This fitter starting from given parameters.
     *
     * @param p start for p
     * @param q start for q
     * @param gamma start for gamma
     * @return a new fitter
     */
    public GammaGammaFitter withInitialParameters(double p, double q, double gamma) {
        return withStart(new double[] {p, q, gamma}, kind.names());
    }

    /**
     * Fits the summaries' frequency and monetary value (customers without repeat purchases skipped).
     *
     * @param summaries the customers
     * @return the fitted model
     */
    public GammaGammaModel fit(CustomerSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        double[][] repeat = repeatCustomers(summaries);
        return fit(repeat[0], repeat[1], null);
    }

    /**
     * The Pearson correlation of frequency and monetary value over the customers with repeat purchases: the
     * Gamma-Gamma model assumes the two independent, so a correlation far from 0 warns against it (lifetimes'
     * quickstart shows 0.11 on CDNOW, small enough to proceed).
     *
     * @param frequency repeat transactions x per customer
     * @param monetary mean value of the repeat transactions
     * @return the correlation, in [-1, 1]
     */
    public static double frequencyMonetaryCorrelation(double[] frequency, double[] monetary) {
        GammaGammaModel.checkColumns(frequency, monetary, null, false);
        double n = 0;
        double mx = 0;
        double mm = 0;
        double sxx = 0;
        double smm = 0;
        double sxm = 0;
        for (int i = 0; i < frequency.length; i++) {
            if (frequency[i] > 0) {
                // Welford-style updates: no cancellation from raw sums of squares.
                n++;
                double dx = frequency[i] - mx;
                double dm = monetary[i] - mm;
                mx += dx / n;
                mm += dm / n;
                sxx += dx * (frequency[i] - mx);
                smm += dm * (monetary[i] - mm);
                sxm += dx * (monetary[i] - mm);
            }
        }
        Checks.require(n >= 2, "need at least 2 customers with repeat purchases for a correlation, got %s", n);
        Checks.require(sxx > 0 && smm > 0,
                "frequency or monetary value is constant over the repeat customers: no correlation is defined");
        return Math.max(-1, Math.min(1, sxm / Math.sqrt(sxx * smm)));
    }

    /** The frequency and monetary columns of the customers with repeat purchases. */
    static double[][] repeatCustomers(CustomerSummaries summaries) {
        double[] x = summaries.frequencyAsDouble();
        double[] m = summaries.monetary();
        int kept = 0;
        for (double f : x) {
            kept += f > 0 ? 1 : 0;
        }
        Checks.require(kept > 0, "no customer with repeat purchases: the Gamma-Gamma model has nothing to fit");
        double[] fx = new double[kept];
        double[] fm = new double[kept];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (x[i] > 0) {
                fx[k] = x[i];
                fm[k++] = m[i];
            }
        }
        return new double[][] {fx, fm};
    }

    /**
     * Fits one row per customer.
     *
     * @param frequency repeat transactions x, whole numbers &gt; 0
     * @param monetary mean value of the repeat transactions, &gt; 0
     * @return the fitted model
     */
    public GammaGammaModel fit(double[] frequency, double[] monetary) {
        return fit(frequency, monetary, null);
    }

    /**
     * Fits weighted rows.
     *
     * @param frequency repeat transactions x, whole numbers &gt; 0
     * @param monetary mean value of the repeat transactions, &gt; 0
     * @param weights customers per row, or null for one each
     * @return the fitted model
     */
    public GammaGammaModel fit(double[] frequency, double[] monetary, double[] weights) {
        long start = System.nanoTime();
        CustomerChunk chunk = CustomerChunk.spend(frequency, monetary, weights);
        return fit(ChunkedCustomers.of(List.of(chunk)), start);
    }
}
