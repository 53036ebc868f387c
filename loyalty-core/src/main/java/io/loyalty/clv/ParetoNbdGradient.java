package io.loyalty.clv;

import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.Hypergeometric2F1;
import io.loyalty.internal.SpecialFunctions;
import org.apache.commons.math3.special.Gamma;

/**
 * The Pareto/NBD log-likelihood of time-scaled rows with its analytic gradient in (r, alpha, s, beta), so that a
 * fit needs one likelihood pass per gradient instead of the nine of central differences.
 *
 * <pre>
 * LL   = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + s ln beta + ln(E + s/(r+s+x) A0)
 * E    = (alpha+T)^-(r+x) (beta+T)^-s,   A0 = F(t_x) - F(T)
 * F(u) = H(r+s+x, k, z_u) / q^(r+s+x),   q = m + u,  z_u = |alpha - beta| / q
 * H(a, b, z) = 2F1(a, b; a+1; z) = a sum_n (b)_n z^n / (n! (a+n))
 * </pre>
 * with m = alpha, k = s+1 when alpha &gt;= beta, else m = beta, k = r+x (Fader and Hardie's note 009).
 * {@code s/(r+s+x) A0 = s} times the integral of {@code (alpha+y)^-(r+x) (beta+y)^-(s+1)} over (t_x, T), the
 * density of dying in that interval; the derivatives below are those of this closed form.
 *
 * <p>The derivatives of ln F follow from those of ln H, each a series of positive terms summed with H's:
 * <pre>
 * d ln H/da = sum t_n n/(a+n)^2 / (a S0),   d ln H/db = sum t_n psi_n/(a+n) / S0,
 * d ln H/dz = sum t_n n/(a+n) / (z S0),     S0 = sum t_n/(a+n),  t_n = (b)_n z^n/n!,  psi_n = sum_{j&lt;n} 1/(b+j)
 * </pre>
 * (and H = a S0 itself, summed with them; {@link Hypergeometric2F1} where the series would be long). Then, with alpha &gt;= beta (the other case exchanges the roles):
 * <pre>
 * d ln F/dr = H_a - ln q,  d ln F/ds = H_a + H_b - ln q,  d ln F/dalpha = (H_z (1-z) - a)/q,  d ln F/dbeta = -H_z/q
 * </pre>
 * and {@code d ln A0 = (d ln F(t_x) - e d ln F(T)) / (1 - e)}, e = F(T)/F(t_x). Where a pair's series would be
 * too long (z within about 1e-5 of 1) its three derivatives are central differences of ln H instead.
 * {@link ModelKind#paretoNbd} is this method without the gradient.
 *
 * <p>Near z = 1 the series take thousands of terms (the diagnostics' probes move alpha or beta 100 times away,
 * which puts most pairs there, and fits running to a point mass reach a in the billions). Pairs whose series
 * would take {@value #TRANSFORM_TERMS} terms or more try, in order, Pfaff's transformation (a Stieltjes series
 * with its derivatives, for a (1 - z) large: {@link #pfaff}), the connection formula to 1 - z (the value, for
 * a (1 - z) small: {@link #logHNearOne}) and Taylor steps of 2F1's differential equation (the value, in between:
 * {@link Chain}), each only where it holds H to about 1e-14 relative; the series otherwise.
 *
 * <p>Checked against central differences of the likelihood and by the CDNOW fit (ParetoNbdGradientTest).
 */
final class ParetoNbdGradient {
    /** Terms below this fraction of their sum (with their tail) end the series. */
    private static final double EPS = 1e-17;
    /** Series estimated to need more terms than this take central differences instead. */
    private static final double MAX_TERMS = 200_000;
    /** Series estimated to need more terms than this take ln H from {@link Hypergeometric2F1}. */
    private static final double VALUE_TERMS = 20_000;
    /**
     * Pairs whose series would take at least this many terms try {@link #pfaff}, {@link #logHNearOne} and
     * {@link Chain} first: the boundary probes of the diagnostics move alpha or beta 100 times away, z near 1 for
     * most pairs.
     */
    private static final double TRANSFORM_TERMS = 1000;
    /** The series of {@link #pfaff} and {@link #logHNearOne} may take at most this many terms. */
    private static final int NEAR_ONE_TERMS = 2000;
    /** {@link #pfaff}'s alternating sum may cancel to no less than 1 / this of its absolute sum. */
    private static final double MAX_CANCELLATION = 4;
    /** The relative rounding of one logarithm or product, a few units in the last place. */
    private static final double ROUNDING = 4.5e-16;
    /** The largest relative error of H {@link #logHNearOne} may leave (else NaN). */
    private static final double MAX_ERROR = 3e-14;
    /** {@link #logHNearOne}'s two terms may cancel to no less than 1 / this of their absolute sum. */
    private static final double MAX_SPREAD = 1000;
    private static final double RESCALE = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE);

    private ParetoNbdGradient() {
    }

    /**
     * Sum over rows of w * LL, recency and T multiplied by {@code scale}, with F once per (x, time) pair; when
     * {@code gradient} is not null, the sum of w * dLL/dtheta is written into it. The value is the same to the bit
     * with or without the gradient.
     */
    static double logLikelihood(RfmRows rows, ModelKind.Pairs pairs, double scale, double[] theta,
            double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        double s = theta[2];
        double beta = theta[3];
        boolean grad = gradient != null;
        // lnGamma(r+x) - lnGamma(r) and its r-derivative by recurrence, once per frequency.
        double[] fx = rows.frequencies;
        double[] lg = new double[fx.length];
        double[] psi = new double[fx.length];
        double cx = 0;
        double cLg = 0;
        double cPsi = 0;
        for (int k = 0; k < fx.length; k++) {
            if (fx[k] - cx > ModelKind.GAP) {
                cLg += Gamma.logGamma(r + fx[k]) - Gamma.logGamma(r + cx);
                cPsi += SpecialFunctions.digamma(r + fx[k]) - SpecialFunctions.digamma(r + cx);
                cx = fx[k];
            }
            for (; cx < fx[k]; cx++) {
                cLg = cLg + Math.log(r + cx);
                cPsi += 1 / (r + cx);
            }
            lg[k] = cLg;
            psi[k] = cPsi;
        }
        double[] times = new double[rows.times.length];
        double[] logAt = new double[times.length];
        double[] logBt = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = rows.times[k] * scale;
            logAt[k] = Math.log(alpha + times[k]);
            logBt[k] = Math.log(beta + times[k]);
        }
        double max = Math.max(alpha, beta);
        double diff = Math.abs(alpha - beta);
        boolean alphaLarger = alpha >= beta;
        double[] logF = new double[pairs.size];
        double[] dLogF = grad ? new double[4 * pairs.size] : null;
        // The series' coefficients depend on the frequency only: one table per frequency, long enough for the
        // largest z among its pairs that take the series.
        int[] pairX = new int[pairs.size];
        double[] zMax = new double[fx.length];
        double[] wMin = new double[fx.length];
        java.util.Arrays.fill(wMin, 1);
        for (int p = 0; p < pairs.size; p++) {
            int kx = java.util.Arrays.binarySearch(fx, pairs.x[p]);
            pairX[p] = kx;
            double z = diff / (max + times[pairs.time[p]]);
            double n = terms(alphaLarger ? s + 1 : r + fx[kx], z);
            if (n < VALUE_TERMS) {
                zMax[kx] = Math.max(zMax[kx], z);
            }
            if (n >= TRANSFORM_TERMS) {
                wMin[kx] = Math.min(wMin[kx], 1 - z);
            }
        }
        Table[] tables = new Table[fx.length];
        Chain[] chains = new Chain[fx.length];
        for (int kx = 0; kx < fx.length; kx++) {
            if (zMax[kx] > 0) {
                tables[kx] = Table.upTo(r + s + fx[kx], alphaLarger ? s + 1 : r + fx[kx], zMax[kx]);
            }
            if (wMin[kx] < 1) {
                chains[kx] = Chain.upTo(r + s + fx[kx], alphaLarger ? s + 1 : r + fx[kx], wMin[kx]);
            }
        }
        ChunkedSum.forEach(pairs.size, (from, to) -> {
            double[] h = new double[4];
            for (int p = from; p < to; p++) {
                double x = pairs.x[p];
                double rsx = r + s + x;
                double q = max + times[pairs.time[p]];
                double k = alphaLarger ? s + 1 : r + x;
                double z = diff / q;
                logH(rsx, k, z, grad, tables[pairX[p]], chains[pairX[p]], h);
                double logQ = Math.log(q);
                logF[p] = h[0] - rsx * logQ;
                if (grad) {
                    double hz1 = (h[3] * (1 - z) - rsx) / q;
                    double hzq = -h[3] / q;
                    dLogF[4 * p] = h[1] + (alphaLarger ? 0 : h[2]) - logQ;
                    dLogF[4 * p + 1] = alphaLarger ? hz1 : hzq;
                    dLogF[4 * p + 2] = h[1] + (alphaLarger ? h[2] : 0) - logQ;
                    dLogF[4 * p + 3] = alphaLarger ? hzq : hz1;
                }
            }
        });
        double base = r * Math.log(alpha) + s * Math.log(beta);
        double logS = Math.log(s);
        double[] dBase = {Math.log(alpha), r / alpha, Math.log(beta), s / beta};
        double[] sum = ChunkedSum.sum(rows.size, grad ? 5 : 1, (from, to, out) -> {
            double ll = 0;
            double g0 = 0;
            double g1 = 0;
            double g2 = 0;
            double g3 = 0;
            for (int i = from; i < to; i++) {
                double x = rows.x[i];
                int kt = rows.tIndex[i];
                double l1 = logF[pairs.txPair[i]];
                double l2 = logF[pairs.tPair[i]];
                double logA0 = l2 < l1 ? l1 + Math.log(-Math.expm1(l2 - l1)) : Double.NEGATIVE_INFINITY;
                double first = -(r + x) * logAt[kt] - s * logBt[kt];
                double second = logS - Math.log(r + s + x) + logA0;
                double hi = Math.max(first, second);
                double tail = hi + Math.log1p(Math.exp(Math.min(first, second) - hi));
                double w = rows.w[i];
                ll += w * (base + lg[rows.xIndex[i]] + tail);
                if (grad) {
                    // d tail = wE d first + wB d second, the weights the two terms' shares of the sum.
                    double wE = Math.exp(first - tail);
                    double wB = logA0 == Double.NEGATIVE_INFINITY ? 0 : Math.exp(second - tail);
                    double t = times[kt];
                    double inv = 1 / (r + s + x);
                    double d0 = -wE * logAt[kt] - wB * inv;
                    double d1 = -wE * (r + x) / (alpha + t);
                    double d2 = -wE * logBt[kt] + wB * (1 / s - inv);
                    double d3 = -wE * s / (beta + t);
                    if (wB > 0) {
                        int p1 = 4 * pairs.txPair[i];
                        int p2 = 4 * pairs.tPair[i];
                        double e = Math.exp(l2 - l1);
                        double over = wB / -Math.expm1(l2 - l1);
                        d0 += over * (dLogF[p1] - e * dLogF[p2]);
                        d1 += over * (dLogF[p1 + 1] - e * dLogF[p2 + 1]);
                        d2 += over * (dLogF[p1 + 2] - e * dLogF[p2 + 2]);
                        d3 += over * (dLogF[p1 + 3] - e * dLogF[p2 + 3]);
                    }
                    g0 += w * (dBase[0] + psi[rows.xIndex[i]] + d0);
                    g1 += w * (dBase[1] + d1);
                    g2 += w * (dBase[2] + d2);
                    g3 += w * (dBase[3] + d3);
                }
            }
            out[0] += ll;
            if (grad) {
                out[1] += g0;
                out[2] += g1;
                out[3] += g2;
                out[4] += g3;
            }
        });
        if (grad) {
            System.arraycopy(sum, 1, gradient, 0, 4);
        }
        return sum[0];
    }

    /**
     * {ln H, d ln H/da, d ln H/db, d ln H/dz} of H(a, b, z) = 2F1(a, b; a+1; z) into {@code out} (the derivatives
     * only when {@code derivatives}), for a, b &gt; 0 and 0 &lt;= z &lt; 1. ln H comes from the series of positive
     * terms where it takes fewer than {@value #TRANSFORM_TERMS} terms; beyond, from the first of {@link #pfaff},
     * {@link #logHNearOne} and {@link Chain} that holds, else from the series up to {@value #VALUE_TERMS} terms
     * and {@link Hypergeometric2F1} past them. The derivatives come with {@link #pfaff}'s, else from the series
     * where it takes at most {@value #MAX_TERMS} terms, else from central differences of ln H. Which way is taken
     * depends on (a, b, z) only, so the value is the same with or without the derivatives.
     */
    static void logH(double a, double b, double z, boolean derivatives, double[] out) {
        logH(a, b, z, derivatives, null, null, out);
    }

    /** The series' length estimate: the terms grow for about b z / (1 - z) of them, then shrink like z^n. */
    private static double terms(double b, double z) {
        return (b * z / (1 - z) + 40) / (1 - z);
    }

    /**
     * {@link #logH(double, double, double, boolean, double[])} with the coefficients of (a, b) from {@code table}
     * when it is long enough for z (else from a table built for z: the same bits), and the Taylor steps of
     * {@code chain}, built for every z of (a, b) that may need it (else a chain built for z: the same bits).
     */
    private static void logH(double a, double b, double z, boolean derivatives, Table table, Chain chain,
            double[] out) {
        if (z == 0) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            out[3] = a * b / (a + 1);
            return;
        }
        double terms = terms(b, z);
        if (terms >= TRANSFORM_TERMS && pfaff(a, b, z, out)) {
            return;
        }
        double nearOne = terms >= TRANSFORM_TERMS ? logHNearOne(a, b, z) : Double.NaN;
        if (nearOne != nearOne && terms >= TRANSFORM_TERMS) {
            // A chain of this (a, b) that ends before z would end there again.
            Chain steps = chain != null ? chain : Chain.upTo(a, b, 1 - z);
            nearOne = steps == null ? Double.NaN : steps.logH(z);
        }
        if (nearOne == nearOne && !derivatives) {
            out[0] = nearOne;
            return;
        }
        seriesLogH(a, b, z, derivatives, terms, table, out);
        if (nearOne == nearOne) {
            out[0] = nearOne;
        }
    }

    /** {@link #logH(double, double, double, boolean, Table, Chain, double[])} from the series alone. */
    private static void seriesLogH(double a, double b, double z, boolean derivatives, double terms, Table table,
            double[] out) {
        if (terms < VALUE_TERMS) {
            if (table != null && table.evaluate(z, out)) {
                return;
            }
            // A table cut short by its coefficients' size would be cut at the same place again.
            Table own = table != null && table.truncated ? null : Table.upTo(a, b, z);
            if (own != null && own.evaluate(z, out)) {
                return;
            }
        }
        boolean summed = derivatives && terms < MAX_TERMS && series(a, b, z, out);
        out[0] = Hypergeometric2F1.logValue(a, b, a + 1, z);
        if (summed || !derivatives) {
            return;
        }
        double ha = 1e-5 * a;
        double hb = 1e-5 * b;
        double hz = 1e-5 * Math.min(z, 1 - z);
        out[1] = (Hypergeometric2F1.logValue(a + ha, b, a + ha + 1, z)
                - Hypergeometric2F1.logValue(a - ha, b, a - ha + 1, z)) / (2 * ha);
        out[2] = (Hypergeometric2F1.logValue(a, b + hb, a + 1, z)
                - Hypergeometric2F1.logValue(a, b - hb, a + 1, z)) / (2 * hb);
        out[3] = (Hypergeometric2F1.logValue(a, b, a + 1, z + hz)
                - Hypergeometric2F1.logValue(a, b, a + 1, z - hz)) / (2 * hz);
    }

    /**
     * {ln H, d ln H/da, d ln H/db, d ln H/dz} by Pfaff's transformation, for z near 1 with a (1 - z) large:
     * <pre>
     * H = w^-b 2F1(1, b; a+1; zeta) = w^-b sum_n (b)_n/(a+1)_n zeta^n,   w = 1 - z,  zeta = -z/w
     * </pre>
     * 2F1(1, b; a+1; zeta) is the Stieltjes transform of the Beta(b, a+1-b) distribution, sum mu_n zeta^n with
     * its moments mu_n, so for zeta &lt; 0 the partial sums alternate around it and stop within the first omitted
     * term (even where the series itself diverges, |zeta| &gt; 1): the sum stops once that term is below EPS of
     * it, while the terms still shrink, or gives up (false). The derivative sums, sum t_n h_n with
     * h_n = -sum_{j&lt;n} 1/(a+1+j), sum_{j&lt;n} 1/(b+j) and n, stop with it. Needs a + 1 &gt; b &gt; 0.
     */
    static boolean pfaff(double a, double b, double z, double[] out) {
        double w = 1 - z;
        double zeta = -z / w;
        if (!(a + 1 - b > 0 && z >= 0.5)) {
            return false;
        }
        double t = 1;
        double s0 = 1;
        double abs = 1;
        double ha = 0;
        double hb = 0;
        double sa = 0;
        double sb = 0;
        double sz = 0;
        for (int n = 0; n < NEAR_ONE_TERMS; n++) {
            double ratio = (b + n) / (a + 1 + n) * zeta;
            if (!(ratio > -0.5)) {
                // Terms not shrinking fast: the alternating sum would cancel, or never get small.
                return false;
            }
            ha -= 1 / (a + 1 + n);
            hb += 1 / (b + n);
            t *= ratio;
            double m = n + 1;
            if (Math.abs(t) <= EPS * s0 && Math.abs(t * ha) <= EPS * Math.abs(sa)
                    && Math.abs(t * hb) <= EPS * Math.abs(sb) && Math.abs(t * m) <= EPS * Math.abs(sz)) {
                if (!(abs <= MAX_CANCELLATION * s0)) {
                    return false;
                }
                double logW = Math.log(w);
                out[0] = Math.log(s0) - b * logW;
                out[1] = sa / s0;
                out[2] = sb / s0 - logW;
                // d zeta/dz = -1/w^2, and -1/(w^2 zeta) = 1/(z w)
                out[3] = b / w + sz / (s0 * z * w);
                return out[0] < Double.POSITIVE_INFINITY;
            }
            s0 += t;
            abs += Math.abs(t);
            sa += t * ha;
            sb += t * hb;
            sz += t * m;
        }
        return false;
    }

    /**
     * ln H near z = 1 by the transformation to w = 1 - z (A&amp;S 15.3.6 with c = a + 1, which turns the first
     * series into z^-a):
     * <pre>
     * H = Gamma(a+1) Gamma(1-b) / Gamma(a+1-b) z^-a  +  a/(b-1) w^(1-b) 2F1(1, a+1-b; 2-b; w)
     * </pre>
     * a few dozen terms in w where the series in z needs thousands. The two terms cancel more as a (1 - z) grows
     * and as b nears an integer; each carries the rounding of its logarithm's pieces, so the result is NaN (the
     * caller goes on) where that estimate exceeds {@value #MAX_ERROR} of H, where the terms cancel by more than
     * a factor {@value #MAX_SPREAD}, where the series in w is long, or where a + 1 - b is not positive.
     */
    static double logHNearOne(double a, double b, double z) {
        double c = (a + 1) - b;
        double w = 1 - z;
        if (!(c > 0 && z >= 0.5 && b != Math.rint(b))) {
            return Double.NaN;
        }
        // ln |T1| as a sum of pieces; Gamma(1-b) for b > 1 by reflection, pi / (sin(pi b) Gamma(b)), so that
        // no two large logarithms of Gammas are subtracted. a + 1 and c are rounded: with psi(a) near ln a a
        // rounding of 1e-14 in c would cost that much again in ln H, so the roundings (Knuth's two-sum) enter
        // to first order.
        double a1 = a + 1;
        double r1 = (a - (a1 - (a1 - a))) + (1 - (a1 - a));
        double r2 = (a1 - (c - (c - a1))) + (-b - (c - a1));
        double correction = SpecialFunctions.digamma(a1) * r1 - SpecialFunctions.digamma(c) * (r1 + r2);
        double[] pieces;
        if (b < 1) {
            pieces = new double[] {Hypergeometric2F1.logGammaRatio(a1, c), correction, Gamma.logGamma(1 - b),
                -a * Math.log1p(-w)};
        } else {
            double reduced = b - 2 * Math.floor(b / 2);
            pieces = new double[] {Hypergeometric2F1.logGammaRatio(a1, b), -Gamma.logGamma(c), correction,
                Math.log(Math.PI / Math.abs(Math.sin(Math.PI * reduced))), -a * Math.log1p(-w)};
        }
        double logT1 = 0;
        double size1 = 0;
        for (double p : pieces) {
            logT1 += p;
            size1 += Math.abs(p);
        }
        double signT1 = SpecialFunctions.signGamma(1 - b);
        // 2F1(1, c; 2-b; w): term ratio (c+n)/(2-b+n) w; its terms alternate in sign while 2-b+n < 0.
        double d = 2 - b;
        double term = 1;
        double sum = 1;
        double abs = 1;
        for (int n = 0; ; n++) {
            if (n >= NEAR_ONE_TERMS) {
                return Double.NaN;
            }
            term *= (c + n) / (d + n) * w;
            sum += term;
            abs += Math.abs(term);
            // Past 2-b+n > 0 the ratios run monotonically toward w: the larger of w and the next ratio bounds
            // every later one.
            double next = d + n + 1 > 0 ? Math.max(w, (c + n + 1) / (d + n + 1) * w) : 1;
            if (next < 1 && Math.abs(term) * next <= EPS * Math.abs(sum) * (1 - next)) {
                break;
            }
        }
        double logA = Math.log(a);
        double logB1 = Math.log(Math.abs(b - 1));
        double logW = (1 - b) * Math.log(w);
        double logT2 = logA - logB1 + logW + Math.log(Math.abs(sum));
        double size2 = Math.abs(logA) + Math.abs(logB1) + Math.abs(logW);
        double signT2 = Math.signum(b - 1) * Math.signum(sum);
        double hi = Math.max(logT1, logT2);
        double e1 = Math.exp(logT1 - hi);
        double e2 = Math.exp(logT2 - hi);
        double h = signT1 * e1 + signT2 * e2;
        // Each term carries the rounding of its logarithm's pieces (and the series' cancellation); together
        // they must leave H its relative accuracy.
        double spread = e1 + e2 * abs / Math.abs(sum);
        double error = ROUNDING * (e1 * (size1 + 1) + e2 * (size2 + abs / Math.abs(sum)));
        if (!(h > 0 && spread <= MAX_SPREAD * h && error <= MAX_ERROR * h && hi < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        return hi + Math.log(h);
    }

    /**
     * ln H = ln(a S0) and the derivatives from the four positive series S0 = sum t_n/(a+n), SA = sum t_n n/(a+n)^2, SB = sum t_n psi_n/(a+n),
     * SZ = sum t_n n/(a+n), rescaled together against overflow (only their ratios are used). Past term n every
     * later term ratio of each is at most rho = z max(1, (b+n)/(n+1)) (n+1)/n, which decreases in n, so the
     * series stop once each term times rho/(1-rho) is below EPS of its sum. False if that does not happen.
     */
    private static boolean series(double a, double b, double z, double[] out) {
        double t = 1;
        double psi = 0;
        double s0 = 0;
        double sa = 0;
        double sb = 0;
        double sz = 0;
        int shift = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double inv = 1 / (a + n);
            double u = t * inv;
            double termA = u * n * inv;
            double termB = u * psi;
            double termZ = u * n;
            s0 += u;
            sa += termA;
            sb += termB;
            sz += termZ;
            if (n > 0) {
                double rho = z * Math.max(1, (b + n) / (n + 1.0)) * (n + 1.0) / n;
                if (rho < 1) {
                    double bound = rho / (1 - rho);
                    if (u * bound <= EPS * s0 && termA * bound <= EPS * sa && termB * bound <= EPS * sb
                            && termZ * bound <= EPS * sz) {
                        out[0] = Math.log(a) + Math.log(s0) + shift * LOG_RESCALE;
                        out[1] = sa / (a * s0);
                        out[2] = sb / s0;
                        out[3] = sz / (z * s0);
                        return out[1] >= 0 && out[2] >= 0 && out[3] >= 0 && out[3] < Double.POSITIVE_INFINITY
                                && out[0] < Double.POSITIVE_INFINITY;
                    }
                }
            }
            psi += 1 / (b + n);
            t *= (b + n) * z / (n + 1);
            if (t > RESCALE || s0 > RESCALE) {
                t /= RESCALE;
                s0 /= RESCALE;
                sa /= RESCALE;
                sb /= RESCALE;
                sz /= RESCALE;
                shift++;
            }
        }
        return false;
    }

    /**
     * ln H toward z = 1 for one (a, b) by Taylor steps of 2F1's differential equation, where neither
     * {@link #pfaff} nor {@link #logHNearOne} is accurate (a (1 - z) between about 0.3 and 2b) and the series
     * would take thousands of terms. Nodes z_j = 1 - w_j, w_j = w_0 (3/4)^j, w_0 = min(1/4, 8/a); at z_0 ln H and
     * d ln H/dz from the series, then at each node the Taylor coefficients of H/H(z_j) from the equation
     * <pre>
     * z(1-z) H'' + (a+1 - (a+b+1) z) H' - a b H = 0:
     * c_{k+2} = [((a+b+1) z_j - a - 1 + (z_j - w_j) k)(k+1) c_{k+1} + (k+a)(k+b) c_k] / (z_j w_j (k+1)(k+2))
     * </pre>
     * with c_0 = 1, c_1 = d ln H/dz. H's power series has positive coefficients, so every c_k is positive and a
     * step forward (0 &lt;= h &lt;= w_j/4, within a quarter of the radius w_j) sums positive terms; a coefficient
     * that comes out not positive ends the chain there. The nodes depend on (a, b) only, so the value at z is
     * the same whatever z the chain was built for.
     */
    static final class Chain {
        private static final double STEP = 0.75;
        private static final int MAX_NODES = 24;
        private static final int MAX_COEFFICIENTS = 400;
        private final double[] z;
        private final double[] logH;
        private final double[][] coefficients;
        private final int nodes;
        private final double end;

        private Chain(double[] z, double[] logH, double[][] coefficients, int nodes, double end) {
            this.z = z;
            this.logH = logH;
            this.coefficients = coefficients;
            this.nodes = nodes;
            this.end = end;
        }

        /** A chain reaching every w = 1 - z down to {@code wMin} (or shorter where it ends); null if none. */
        static Chain upTo(double a, double b, double wMin) {
            double w = Math.min(0.25, 8 / a);
            double zj = 1 - w;
            // Only where the series at the start is short: a chain is worth building for series of thousands.
            if (!(wMin < w && a > 0 && b > 0 && terms(b, zj) < TRANSFORM_TERMS)) {
                return null;
            }
            double[] start = new double[4];
            if (!series(a, b, zj, start)) {
                return null;
            }
            double[] zs = new double[MAX_NODES];
            double[] logs = new double[MAX_NODES];
            double[][] coefs = new double[MAX_NODES][];
            double log = start[0];
            double slope = start[3];
            int n = 0;
            while (n < MAX_NODES) {
                double[] c = coefficients(a, b, zj, w, slope);
                if (c == null) {
                    break;
                }
                zs[n] = zj;
                logs[n] = log;
                coefs[n] = c;
                n++;
                double next = w * STEP;
                double zNext = 1 - next;
                if (next < wMin) {
                    break;
                }
                double h = zNext - zj;
                double v = 0;
                double dv = 0;
                for (int k = c.length - 1; k >= 0; k--) {
                    v = v * h + c[k];
                    if (k > 0) {
                        dv = dv * h + k * c[k];
                    }
                }
                log += Math.log(v);
                slope = dv / v;
                zj = zNext;
                w = next;
            }
            if (n == 0) {
                return null;
            }
            return new Chain(zs, logs, coefs, n, 1 - (1 - zs[n - 1]) * STEP);
        }

        /**
         * The Taylor coefficients of H/H(z_j) at z_j, as many as reach EPS within h = w/4 past the terms'
         * peak; null if one is not positive and finite or they do not settle.
         */
        private static double[] coefficients(double a, double b, double zj, double w, double slope) {
            double[] c = new double[MAX_COEFFICIENTS];
            c[0] = 1;
            c[1] = slope;
            double h = w * (1 - STEP);
            double power = h;
            double sum = 1 + slope * h;
            if (!(slope > 0 && sum < Double.POSITIVE_INFINITY)) {
                return null;
            }
            for (int k = 0; k + 2 < MAX_COEFFICIENTS; k++) {
                double next = (((a + b + 1) * zj - a - 1 + (zj - w) * k) * (k + 1) * c[k + 1]
                        + (k + a) * (k + b) * c[k]) / (zj * w * (k + 1) * (k + 2));
                if (!(next > 0 && next < Double.POSITIVE_INFINITY)) {
                    return null;
                }
                c[k + 2] = next;
                power *= h;
                double term = next * power;
                sum += term;
                // Past k = 2b + 4 the term ratios are below 3/8, so the tail is below the last term.
                if (k + 2 > 2 * b + 4 && term <= EPS / 2 * sum) {
                    return java.util.Arrays.copyOf(c, k + 3);
                }
            }
            return null;
        }

        /** Whether the chain reaches z. */
        boolean reaches(double z) {
            return z >= this.z[0] && z < end;
        }

        /** ln H at z; NaN where the chain does not reach. */
        double logH(double z) {
            if (!reaches(z)) {
                return Double.NaN;
            }
            int j = java.util.Arrays.binarySearch(this.z, 0, nodes, z);
            j = j >= 0 ? j : -j - 2;
            double h = z - this.z[j];
            double[] c = coefficients[j];
            double v = 0;
            for (int k = c.length - 1; k >= 0; k--) {
                v = v * h + c[k];
            }
            return logH[j] + Math.log(v);
        }
    }

    /**
     * The coefficients of the four series for one (a, b), shared by every z (the pairs of one frequency):
     * {@code t_n/(a+n)}, {@code t_n n/(a+n)^2}, {@code t_n psi_n/(a+n)}, {@code t_n n/(a+n)} without their
     * {@code z^n}, and the tail-bound factor {@code max(1, (b+n)/(n+1)) (n+1)/n}. A pair then costs a few
     * multiplications per term and no division. The value at z depends only on the coefficients (the same
     * recurrences from n = 0 whatever the length) and on z, so a table built for a larger z gives the very value
     * of one built for this z.
     */
    static final class Table {
        private final double a;
        private final double[] w0;
        private final double[] wa;
        private final double[] wb;
        private final double[] wz;
        private final double[] tail;
        private final int length;
        /** Whether the table stops where a coefficient would pass 1e250 (this (a, b) never gets longer). */
        final boolean truncated;

        private Table(double a, double[] w0, double[] wa, double[] wb, double[] wz, double[] tail, int length,
                boolean truncated) {
            this.a = a;
            this.w0 = w0;
            this.wa = wa;
            this.wb = wb;
            this.wz = wz;
            this.tail = tail;
            this.length = length;
            this.truncated = truncated;
        }

        /**
         * A table long enough for every z up to zMax, or shorter where a coefficient would pass 1e250 (pairs that
         * need more then take the other paths of {@link #logH}); null if not even the first terms fit.
         */
        static Table upTo(double a, double b, double zMax) {
            int cap = 64;
            double[] w0 = new double[cap];
            double[] wa = new double[cap];
            double[] wb = new double[cap];
            double[] wz = new double[cap];
            double[] tail = new double[cap];
            double t = 1;
            double psi = 0;
            int n = 0;
            while (true) {
                if (n == cap) {
                    Table partial = new Table(a, w0, wa, wb, wz, tail, n, false);
                    if (partial.evaluate(zMax, new double[4]) || cap >= 2 * VALUE_TERMS) {
                        return partial;
                    }
                    cap *= 2;
                    w0 = java.util.Arrays.copyOf(w0, cap);
                    wa = java.util.Arrays.copyOf(wa, cap);
                    wb = java.util.Arrays.copyOf(wb, cap);
                    wz = java.util.Arrays.copyOf(wz, cap);
                    tail = java.util.Arrays.copyOf(tail, cap);
                }
                double inv = 1 / (a + n);
                double u = t * inv;
                w0[n] = u;
                wa[n] = u * n * inv;
                wb[n] = u * psi;
                wz[n] = u * n;
                tail[n] = n == 0 ? Double.POSITIVE_INFINITY : Math.max(1, (b + n) / (n + 1.0)) * (n + 1.0) / n;
                psi += 1 / (b + n);
                t *= (b + n) / (n + 1);
                n++;
                if (!(t < RESCALE)) {
                    return n > 1 ? new Table(a, w0, wa, wb, wz, tail, n, true) : null;
                }
            }
        }

        /**
         * {ln H, d ln H/da, d ln H/db, d ln H/dz} at z into {@code out}; false (out unspecified) if the table ends
         * before the series does.
         */
        boolean evaluate(double z, double[] out) {
            double s0 = 0;
            double sa = 0;
            double sb = 0;
            double sz = 0;
            double power = 1;
            for (int n = 0; n < length; n++) {
                double u = w0[n] * power;
                double termA = wa[n] * power;
                double termB = wb[n] * power;
                double termZ = wz[n] * power;
                s0 += u;
                sa += termA;
                sb += termB;
                sz += termZ;
                double rho = z * tail[n];
                if (rho < 1) {
                    double bound = rho / (1 - rho);
                    if (u * bound <= EPS * s0 && termA * bound <= EPS * sa && termB * bound <= EPS * sb
                            && termZ * bound <= EPS * sz) {
                        out[0] = Math.log(a) + Math.log(s0);
                        out[1] = sa / (a * s0);
                        out[2] = sb / s0;
                        out[3] = sz / (z * s0);
                        return out[3] < Double.POSITIVE_INFINITY && out[0] < Double.POSITIVE_INFINITY;
                    }
                }
                power *= z;
            }
            return false;
        }
    }
}
