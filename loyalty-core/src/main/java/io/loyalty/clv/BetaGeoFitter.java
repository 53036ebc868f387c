package io.loyalty.clv;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.SpecialFunctions;
import org.apache.commons.math3.special.Gamma;

/**
 * Fits a {@link BetaGeoModel} (BG/NBD) by maximum likelihood.
 *
 * <pre>{@code
 * BetaGeoModel model = BetaGeoFitter.withDefaults().fit(frequency, recency, T);
 * System.out.println(model.fitSummary().orElseThrow());
 * double[] next39Weeks = model.conditionalExpectedPurchases(39, frequency, recency, T);
 * }</pre>
 *
 * <p>Algorithm. Identical {@code (x, t_x, T)} rows are merged into weighted rows first. Recency and T are scaled
 * so that the largest T is 10 (as lifetimes does), and the objective, as in lifetimes, is the mean negative
 * log-likelihood plus {@code penalizer * (r^2 + alpha^2 + a^2 + b^2)} on the scaled parameters (so a penalizer
 * means the same as lifetimes' {@code penalizer_coef}). It is minimized over log-parameters by BFGS with the
 * analytic gradient, then polished by Newton steps, until every gradient component is below the tolerance
 * (default {@code 1e-9}, times max(1, |objective|)); the sums over rows run on both cores when there are more
 * than 8,192 distinct rows.
 * Standard errors and 95% intervals come from the observed information (see {@link ParameterEstimate}).
 * The default start point is 1 for every scaled parameter, as in lifetimes.
 *
 * <p>Input: frequency a whole number &gt;= 0, 0 &lt;= recency &lt;= T, recency 0 when frequency is 0, weights
 * (optional) finite, &gt;= 0, with a positive sum; otherwise {@link IllegalArgumentException} naming the row. A fit
 * that does not converge throws {@link FitException}. Immutable and thread-safe.
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "Counting your customers the easy way",
 * Marketing Science 24(2), 275-284, doi:10.1287/mksc.1040.0098.
 *
 * @since 0.1
 */
public final class BetaGeoFitter {
    /**
     * Frequencies further apart than this are bridged by lnGamma and digamma differences rather than term by
     * term: the per-frequency tables then cost time and memory per distinct frequency, whatever the largest is.
     */
    static final double GAP = 4096;
    static final String[] NAMES = {"r", "alpha", "a", "b"};
    private static final boolean[] TIME_PARAMS = {false, true, false, false};
    private final Fitting.Options options;

    private BetaGeoFitter(Fitting.Options options) {
        this.options = options;
    }

    /**
     * A fitter with no penalizer, start point 1 for every (time-scaled) parameter, tolerance {@code 1e-9} and at
     * most 1,000 iterations.
     *
     * @return the fitter
     */
    public static BetaGeoFitter withDefaults() {
        return new BetaGeoFitter(Fitting.Options.defaults(4));
    }

    /**
     * This fitter with an L2 penalizer on the (time-scaled) parameters, lifetimes' {@code penalizer_coef}.
     *
     * @param penalizer the coefficient, &gt;= 0
     * @return a new fitter
     */
    public BetaGeoFitter withPenalizer(double penalizer) {
        return new BetaGeoFitter(options.withPenalizer(penalizer));
    }

    /**
     * This fitter with another iteration limit.
     *
     * @param maxIterations the largest number of BFGS iterations, &gt; 0
     * @return a new fitter
     */
    public BetaGeoFitter withMaxIterations(int maxIterations) {
        return new BetaGeoFitter(options.withMaxIterations(maxIterations));
    }

    /**
     * This fitter with another convergence tolerance: the largest gradient component of the per-customer
     * objective over log-parameters, relative to max(1, |objective|).
     *
     * @param tolerance the tolerance, &gt; 0
     * @return a new fitter
     */
    public BetaGeoFitter withTolerance(double tolerance) {
        return new BetaGeoFitter(options.withTolerance(tolerance));
    }

    /**
     * A fitter that throws {@link FitException} when the fit's {@link Diagnostics} flag anything (a parameter at
     * a boundary, a weakly identified parameter, an ill-conditioned information), instead of returning the
     * flagged model with a warning.
     *
     * @return a new fitter
     * @since 0.2
     */
    public BetaGeoFitter withStrictDiagnostics() {
        return new BetaGeoFitter(options.withStrictDiagnostics());
    }

    /**
     * This fitter starting from given parameters (in the data's time unit) instead of the default.
     *
     * @param r start for r
     * @param alpha start for alpha
     * @param a start for a
     * @param b start for b
     * @return a new fitter
     */
    public BetaGeoFitter withInitialParameters(double r, double alpha, double a, double b) {
        return new BetaGeoFitter(options.withStart(new double[] {r, alpha, a, b}, NAMES));
    }

    /**
     * Fits the summaries' frequency, recency and T.
     *
     * @param summaries the customers
     * @return the fitted model
     */
    public BetaGeoModel fit(CustomerSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        return fit(summaries.frequencyAsDouble(), summaries.recency(), summaries.t(), null);
    }

    /**
     * Fits one row per customer.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @return the fitted model
     */
    public BetaGeoModel fit(double[] frequency, double[] recency, double[] T) {
        return fit(frequency, recency, T, null);
    }

    /**
     * Fits weighted rows: row i stands for {@code weights[i]} customers with the same history.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @param weights customers per row, or null for one each
     * @return the fitted model
     */
    public BetaGeoModel fit(double[] frequency, double[] recency, double[] T, double[] weights) {
        long start = System.nanoTime();
        CustomerChunk chunk = CustomerChunk.purchases(frequency, recency, T, weights);
        return fit(ChunkedCustomers.of(java.util.List.of(chunk)), start);
    }

    /**
     * Fits customers held in chunks elsewhere, e.g. in the partitions of a Spark dataset: the fitter sends every
     * likelihood evaluation to {@link ChunkedCustomers#aggregate} as one {@link ChunkTask}. The chunks must be
     * made by {@link CustomerChunk#ofPurchases}. The fit is the one {@link #fit(double[], double[], double[],
     * double[])} finds on the same customers up to rounding (rows are merged within each chunk, and
     * {@link FitSummary#rows()} counts the merged rows of all chunks).
     *
     * @param customers the chunks
     * @return the fitted model
     * @throws FitException if the fit does not converge
     */
    public BetaGeoModel fit(ChunkedCustomers customers) {
        return fit(customers, System.nanoTime());
    }

    private BetaGeoModel fit(ChunkedCustomers customers, long start) {
        Fitting.Outcome o = Fitting.fit("BG/NBD", NAMES, ChunkTask.Kind.BG_NBD, true, customers, options, TIME_PARAMS,
                start);
        double[] p = o.theta();
        return new BetaGeoModel(p[0], p[1], p[2], p[3], o.summary());
    }

    /**
     * The BG/NBD kernel, or with {@code modified} the MBG/NBD one (Batislam, Denizel and Filiztekin 2007), whose
     * dropout can also happen at time 0: its beta terms shift x by one, B(a, b+x+1)/B(a, b), and the second
     * likelihood term a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x) is present for x = 0 too. Sum over rows of w * LL
     * and, if {@code gradient} is not null, of w * dLL/d(r, alpha, a, b), with recency and T multiplied by
     * {@code scale}.
     */
    static double logLikelihood(RfmRows rows, double scale, double[] theta, double[] gradient, boolean modified) {
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        // Per-frequency terms, one per distinct frequency: lnGamma(r+x)-lnGamma(r), lnB(a,b+x+k)-lnB(a,b), digamma
        // differences, ln(b+x-1+k) with k = 1 for MBG/NBD, 0 for BG/NBD. Between nearby frequencies by recurrence;
        // across a gap wider than GAP by lnGamma and digamma differences, so that time and memory follow the
        // number of distinct frequencies, not the largest one.
        double[] fx = rows.frequencies;
        int nx = fx.length;
        double[] lg = new double[nx];
        double[] psiR = new double[nx];
        double[] psiAbx = new double[nx];
        double[] psiBx = new double[nx];
        double[] logBx1 = new double[nx];
        double cx = 0;
        double cLg = 0;
        double cPsiR = 0;
        double cPsiAbx = 0;
        double cPsiBx = 0;
        for (int k = 0; k < nx; k++) {
            double target = fx[k];
            if (target - cx > GAP) {
                cLg += Gamma.logGamma(r + target) - Gamma.logGamma(r + cx) + Gamma.logGamma(b + target)
                        - Gamma.logGamma(b + cx) - Gamma.logGamma(a + b + target) + Gamma.logGamma(a + b + cx);
                cPsiR += SpecialFunctions.digamma(r + target) - SpecialFunctions.digamma(r + cx);
                cPsiAbx -= SpecialFunctions.digamma(a + b + target) - SpecialFunctions.digamma(a + b + cx);
                cPsiBx += SpecialFunctions.digamma(b + target) - SpecialFunctions.digamma(b + cx);
                cx = target;
            }
            for (; cx < target; cx++) {
                cLg = cLg + Math.log(r + cx) + Math.log(b + cx) - Math.log(a + b + cx);
                cPsiR = cPsiR + 1 / (r + cx);
                cPsiAbx = cPsiAbx - 1 / (a + b + cx);
                cPsiBx = cPsiBx + 1 / (b + cx);
            }
            lg[k] = cLg;
            psiR[k] = cPsiR;
            psiAbx[k] = cPsiAbx;
            psiBx[k] = cPsiBx;
            logBx1[k] = target == 0 ? 0 : Math.log(b + (target - 1));
        }
        double shift = 0;
        if (modified) {
            shift = 1;
            for (int k = 0; k < nx; k++) {
                double x = fx[k];
                lg[k] += Math.log(b + x) - Math.log(a + b + x);
                psiAbx[k] -= 1 / (a + b + x);
                psiBx[k] += 1 / (b + x);
                logBx1[k] = Math.log(b + x);
            }
        }
        double bShift = b - 1 + shift;
        double logAlpha = Math.log(alpha);
        double logA = Math.log(a);
        boolean grad = gradient != null;
        // ln(alpha + t) and 1/(alpha + t) once per distinct (scaled) recency or T value, looked up per row.
        double[] times = rows.times;
        double[] logAt = new double[times.length];
        double[] invAt = grad ? new double[times.length] : null;
        for (int k = 0; k < times.length; k++) {
            double at = alpha + times[k] * scale;
            logAt[k] = Math.log(at);
            if (grad) {
                invAt[k] = 1 / at;
            }
        }
        double[] s = ChunkedSum.sum(rows.size, grad ? 5 : 1, (from, to, out) -> {
            double ll = 0;
            double gr = 0;
            double gal = 0;
            double ga = 0;
            double gb = 0;
            double[] xs = rows.x;
            int[] txi = rows.txIndex;
            int[] ti = rows.tIndex;
            double[] ws = rows.w;
            int[] xi = rows.xIndex;
            for (int i = from; i < to; i++) {
                int x = (int) xs[i];
                int kx = xi[i];
                double w = ws[i];
                double rx = r + x;
                int kt = ti[i];
                double logAT = logAt[kt];
                double a3 = -rx * logAT;
                if (x == 0 && !modified) {
                    ll += w * (r * logAlpha + a3);
                    if (grad) {
                        gr += w * (logAlpha - logAT);
                        gal += w * (r / alpha - rx * invAt[kt]);
                    }
                    continue;
                }
                int ktx = txi[i];
                double logATx = logAt[ktx];
                double a4 = logA - logBx1[kx] - rx * logATx;
                double d = a4 - a3;
                double w4;
                double tail;
                // log(1 + e) rather than log1p: e <= 1 and the result is added to terms of order one or more,
                // so the absolute error (1 ulp of 1) is harmless, and Math.log is an intrinsic, log1p is not.
                if (d > 0) {
                    double e = Math.exp(-d);
                    tail = a4 + Math.log(1 + e);
                    w4 = 1 / (1 + e);
                } else {
                    double e = Math.exp(d);
                    tail = a3 + Math.log(1 + e);
                    w4 = e / (1 + e);
                }
                double w3 = 1 - w4;
                ll += w * (r * logAlpha + lg[kx] + tail);
                if (grad) {
                    gr += w * (psiR[kx] + logAlpha - w3 * logAT - w4 * logATx);
                    gal += w * (r / alpha - rx * (w3 * invAt[kt] + w4 * invAt[ktx]));
                    ga += w * (psiAbx[kx] + w4 / a);
                    gb += w * (psiAbx[kx] + psiBx[kx] - w4 / (bShift + x));
                }
            }
            out[0] += ll;
            if (grad) {
                out[1] += gr;
                out[2] += gal;
                out[3] += ga;
                out[4] += gb;
            }
        });
        if (grad) {
            System.arraycopy(s, 1, gradient, 0, 4);
        }
        return s[0];
    }

    @Override
    public String toString() {
        return Checks.format("BetaGeoFitter[penalizer=%s, maxIterations=%d, tolerance=%s]", options.penalizer(),
                options.maxIterations(), options.tolerance());
    }
}
