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
 * <p>Checked against central differences of the likelihood and by the CDNOW fit (ParetoNbdGradientTest).
 */
final class ParetoNbdGradient {
    /** Terms below this fraction of their sum (with their tail) end the series. */
    private static final double EPS = 1e-17;
    /** Series estimated to need more terms than this take central differences instead. */
    private static final double MAX_TERMS = 200_000;
    /** Series estimated to need more terms than this take ln H from {@link Hypergeometric2F1}. */
    private static final double VALUE_TERMS = 20_000;
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
        for (int p = 0; p < pairs.size; p++) {
            int kx = java.util.Arrays.binarySearch(fx, pairs.x[p]);
            pairX[p] = kx;
            double z = diff / (max + times[pairs.time[p]]);
            if (terms(alphaLarger ? s + 1 : r + fx[kx], z) < VALUE_TERMS) {
                zMax[kx] = Math.max(zMax[kx], z);
            }
        }
        Table[] tables = new Table[fx.length];
        for (int kx = 0; kx < fx.length; kx++) {
            if (zMax[kx] > 0) {
                tables[kx] = Table.upTo(r + s + fx[kx], alphaLarger ? s + 1 : r + fx[kx], zMax[kx]);
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
                logH(rsx, k, z, grad, tables[pairX[p]], h);
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
     * terms where it takes at most {@value #VALUE_TERMS} terms, else from {@link Hypergeometric2F1} (which sums
     * with compensation and transforms near z = 1); the derivatives from the series where it takes at most
     * {@value #MAX_TERMS} terms, else from central differences of ln H. Which way is taken depends on (a, b, z)
     * only, so the value is the same with or without the derivatives.
     */
    static void logH(double a, double b, double z, boolean derivatives, double[] out) {
        logH(a, b, z, derivatives, null, out);
    }

    /** The series' length estimate: the terms grow for about b z / (1 - z) of them, then shrink like z^n. */
    private static double terms(double b, double z) {
        return (b * z / (1 - z) + 40) / (1 - z);
    }

    /**
     * {@link #logH(double, double, double, boolean, double[])} with the coefficients of (a, b) from {@code table}
     * when it is long enough for z (else from a table built for z: the same bits).
     */
    private static void logH(double a, double b, double z, boolean derivatives, Table table, double[] out) {
        if (z == 0) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            out[3] = a * b / (a + 1);
            return;
        }
        double terms = terms(b, z);
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
