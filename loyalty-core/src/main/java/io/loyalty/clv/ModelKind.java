package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.Hypergeometric2F1;
import io.loyalty.internal.SpecialFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * The CLV models fitted on {@link CustomerChunk chunks}, each constant carrying all that is particular to its model
 * (as Commons Statistics puts each method on its enum constant): the name, the parameter names, which parameters
 * are rates in time units, the kind of rows it is fitted on, whether its likelihood kernel has an analytic
 * gradient, the kernel itself and the factory of the fitted model. {@link ChunkTask}, {@link Fitting}, the fitters
 * ({@link ChunkFitter}) and {@link TransactionModel#of} read everything from here, so a new model is one constant
 * (with its model class and a fitter of a few lines); see docs/design.md, "Adding a model".
 */
enum ModelKind {
    /** BG/NBD, {@link BetaGeoModel}. */
    BG_NBD("BG/NBD", new String[] {"r", "alpha", "a", "b"}, new boolean[] {false, true, false, false}, true, true) {
        @Override
        double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient) {
            return betaGeo(chunk.purchases, scale, theta, gradient, false);
        }

        @Override
        double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient,
                double[] hessian) {
            return betaGeo(chunk.purchases, scale, theta, gradient, hessian, false);
        }

        @Override
        boolean analyticHessian() {
            return true;
        }

        @Override
        Object model(double[] p, FitSummary fit) {
            return new BetaGeoModel(p[0], p[1], p[2], p[3], fit);
        }
    },
    /** MBG/NBD, {@link ModifiedBetaGeoModel}. */
    MBG_NBD("MBG/NBD", new String[] {"r", "alpha", "a", "b"}, new boolean[] {false, true, false, false}, true,
            true) {
        @Override
        double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient) {
            return betaGeo(chunk.purchases, scale, theta, gradient, true);
        }

        @Override
        double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient,
                double[] hessian) {
            return betaGeo(chunk.purchases, scale, theta, gradient, hessian, true);
        }

        @Override
        boolean analyticHessian() {
            return true;
        }

        @Override
        Object model(double[] p, FitSummary fit) {
            return new ModifiedBetaGeoModel(p[0], p[1], p[2], p[3], fit);
        }
    },
    /** Pareto/NBD, {@link ParetoNbdModel}: analytic gradients ({@link ParetoNbdGradient}). */
    PARETO_NBD("Pareto/NBD", new String[] {"r", "alpha", "s", "beta"}, new boolean[] {false, true, false, true},
            true, true) {
        @Override
        double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient) {
            return ParetoNbdGradient.logLikelihood(chunk.purchases, chunk.pairs(), scale, theta, gradient);
        }

        @Override
        Object model(double[] p, FitSummary fit) {
            return new ParetoNbdModel(p[0], p[1], p[2], p[3], fit);
        }
    },
    /** Gamma-Gamma, {@link GammaGammaModel}: spend rows, no time scale. */
    GAMMA_GAMMA("Gamma-Gamma", new String[] {"p", "q", "gamma"}, new boolean[] {false, false, false}, false, true) {
        @Override
        double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient) {
            return gammaGamma(chunk.spendFrequency, chunk.spendMonetary, chunk.spendWeight, theta, gradient);
        }

        @Override
        Object model(double[] p, FitSummary fit) {
            return new GammaGammaModel(p[0], p[1], p[2], fit);
        }
    };

    /**
     * Frequencies further apart than this are bridged by lnGamma and digamma differences rather than term by
     * term: the per-frequency tables then cost time and memory per distinct frequency, whatever the largest is.
     */
    static final double GAP = 4096;

    /** The model's name as in the literature, as {@link TransactionModel#name()} gives it. */
    final String label;
    /** The parameter names, in the order of the kernel's theta. */
    private final String[] names;
    /** Which parameters are rates in time units (divided by the time scale on the way out). */
    private final boolean[] timeParams;
    /**
     * Whether the model is fitted on purchase rows in time units (else spend rows); purchase models are
     * {@link TransactionModel}s.
     */
    private final boolean timed;
    /** Whether the kernel writes its gradient. */
    final boolean analytic;
    /** The number of parameters. */
    final int dimension;

    ModelKind(String label, String[] names, boolean[] timeParams, boolean timed, boolean analytic) {
        this.label = label;
        this.names = names;
        this.timeParams = timeParams;
        this.timed = timed;
        this.analytic = analytic;
        this.dimension = names.length;
    }

    /**
     * The summed log-likelihood of the chunk's rows at natural parameters {@code theta}, recency and T multiplied
     * by {@code scale}; with a non-null {@code gradient} (analytic kernels only), the summed gradient written into
     * it.
     */
    abstract double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient);

    /**
     * {@link #logLikelihood(CustomerChunk, double, double[], double[])} and, with a non-null {@code hessian}
     * (kinds with an {@link #analyticHessian()} only, gradient not null), the summed second derivatives written
     * into it, packed by rows of the upper triangle.
     */
    double logLikelihood(CustomerChunk chunk, double scale, double[] theta, double[] gradient, double[] hessian) {
        Checks.require(hessian == null, "%s has no analytic Hessian", label);
        return logLikelihood(chunk, scale, theta, gradient);
    }

    /** Whether the kernel writes its Hessian (Newton steps and standard errors without finite differences). */
    boolean analyticHessian() {
        return false;
    }

    /** The model at checked-positive parameters {@code p} (taken over, not copied), with its fit or null. */
    abstract Object model(double[] p, FitSummary fit);

    /** Whether the model's data are purchase rows in time units (else spend rows). */
    boolean timed() {
        return timed;
    }

    /** The parameter names. */
    String[] names() {
        return names.clone();
    }

    /** Which parameters are rates in time units. */
    boolean[] timeParams() {
        return timeParams.clone();
    }

    /**
     * The purchase model of this name at these parameters: {@link TransactionModel#of}.
     *
     * @throws IllegalArgumentException if the name is no purchase model's, or the parameters are not as many as
     *     the model has, or one is not finite and &gt; 0
     */
    static TransactionModel purchaseModel(String name, double[] parameters) {
        Checks.notNull(name, "name");
        Checks.notNull(parameters, "parameters");
        List<String> known = new ArrayList<>();
        for (ModelKind kind : values()) {
            if (!kind.timed) {
                continue;
            }
            if (kind.label.equals(name)) {
                Checks.require(parameters.length == kind.dimension, "parameters: %s needs %d (%s), got %d", name,
                        kind.dimension, String.join(", ", kind.names), parameters.length);
                for (int i = 0; i < parameters.length; i++) {
                    Checks.positive(parameters[i], Checks.format("parameter %s (parameters[%d])", kind.names[i], i));
                }
                return (TransactionModel) kind.model(parameters.clone(), null);
            }
            known.add(kind.label);
        }
        throw new IllegalArgumentException(Checks.format("name must be a purchase model's name (%s), got '%s'",
                String.join(", ", known), name));
    }

    /**
     * The BG/NBD kernel, or with {@code modified} the MBG/NBD one: {@link #betaGeo(RfmRows, double, double[],
     * double[], double[], boolean)} without the Hessian.
     */
    static double betaGeo(RfmRows rows, double scale, double[] theta, double[] gradient, boolean modified) {
        return betaGeo(rows, scale, theta, gradient, null, modified);
    }

    /**
     * The BG/NBD kernel, or with {@code modified} the MBG/NBD one (Batislam, Denizel and Filiztekin 2007), whose
     * dropout can also happen at time 0: its beta terms shift x by one, B(a, b+x+1)/B(a, b), and the second
     * likelihood term a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x) is present for x = 0 too. Sum over rows of w * LL
     * and, if {@code gradient} is not null, of w * dLL/d(r, alpha, a, b), and if {@code hessian} is not null
     * (with the gradient), of the second derivatives, packed by rows of the upper triangle (rr, r alpha, r a,
     * r b, alpha alpha, alpha a, alpha b, aa, ab, bb); recency and T multiplied by {@code scale}.
     *
     * <p>Per row, LL = A1 + A2 + ln(e^A3 + e^A4) (Fader, Hardie and Lee 2005, eq. 6), so with w3, w4 the shares
     * of e^A3 and e^A4, the tail's derivatives are w3 dA3 + w4 dA4 and its second derivatives
     * w3 d2A3 + w4 d2A4 + w3 w4 (dA3 - dA4)(dA3 - dA4)^T.
     */
    static double betaGeo(RfmRows rows, double scale, double[] theta, double[] gradient, double[] hessian,
            boolean modified) {
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        // Per-frequency terms, one per distinct frequency: lnGamma(r+x)-lnGamma(r), lnB(a,b+x+k)-lnB(a,b), digamma
        // and trigamma differences, ln(b+x-1+k) with k = 1 for MBG/NBD, 0 for BG/NBD. Between nearby frequencies
        // by recurrence; across a gap wider than GAP by lnGamma, digamma and trigamma differences, so that time
        // and memory follow the number of distinct frequencies, not the largest one.
        boolean second = hessian != null;
        double[] fx = rows.frequencies;
        int nx = fx.length;
        double[] lg = new double[nx];
        double[] psiR = new double[nx];
        double[] psiAbx = new double[nx];
        double[] psiBx = new double[nx];
        double[] logBx1 = new double[nx];
        double[] triR = second ? new double[nx] : null;
        double[] triAbx = second ? new double[nx] : null;
        double[] triBx = second ? new double[nx] : null;
        double cx = 0;
        double cLg = 0;
        double cPsiR = 0;
        double cPsiAbx = 0;
        double cPsiBx = 0;
        double cTriR = 0;
        double cTriAbx = 0;
        double cTriBx = 0;
        for (int k = 0; k < nx; k++) {
            double target = fx[k];
            if (target - cx > GAP) {
                cLg += Gamma.logGamma(r + target) - Gamma.logGamma(r + cx) + Gamma.logGamma(b + target)
                        - Gamma.logGamma(b + cx) - Gamma.logGamma(a + b + target) + Gamma.logGamma(a + b + cx);
                cPsiR += SpecialFunctions.digamma(r + target) - SpecialFunctions.digamma(r + cx);
                cPsiAbx -= SpecialFunctions.digamma(a + b + target) - SpecialFunctions.digamma(a + b + cx);
                cPsiBx += SpecialFunctions.digamma(b + target) - SpecialFunctions.digamma(b + cx);
                if (second) {
                    cTriR += Gamma.trigamma(r + target) - Gamma.trigamma(r + cx);
                    cTriAbx -= Gamma.trigamma(a + b + target) - Gamma.trigamma(a + b + cx);
                    cTriBx += Gamma.trigamma(b + target) - Gamma.trigamma(b + cx);
                }
                cx = target;
            }
            for (; cx < target; cx++) {
                cLg = cLg + Math.log(r + cx) + Math.log(b + cx) - Math.log(a + b + cx);
                cPsiR = cPsiR + 1 / (r + cx);
                cPsiAbx = cPsiAbx - 1 / (a + b + cx);
                cPsiBx = cPsiBx + 1 / (b + cx);
                if (second) {
                    cTriR -= 1 / ((r + cx) * (r + cx));
                    cTriAbx += 1 / ((a + b + cx) * (a + b + cx));
                    cTriBx -= 1 / ((b + cx) * (b + cx));
                }
            }
            lg[k] = cLg;
            psiR[k] = cPsiR;
            psiAbx[k] = cPsiAbx;
            psiBx[k] = cPsiBx;
            logBx1[k] = target == 0 ? 0 : Math.log(b + (target - 1));
            if (second) {
                triR[k] = cTriR;
                triAbx[k] = cTriAbx;
                triBx[k] = cTriBx;
            }
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
                if (second) {
                    triAbx[k] += 1 / ((a + b + x) * (a + b + x));
                    triBx[k] -= 1 / ((b + x) * (b + x));
                }
            }
        }
        double bShift = b - 1 + shift;
        double logAlpha = Math.log(alpha);
        double logA = Math.log(a);
        boolean grad = gradient != null || second;
        // ln(alpha + t) and 1/(alpha + t) once per distinct (scaled) recency or T value, looked up per row; rows
        // that were not merged (nearly all distinct) compute them in the row loop instead, on every core.
        boolean aligned = rows.aligned;
        double[] times = rows.times;
        double[] logAt = aligned ? null : new double[times.length];
        double[] invAt = aligned || !grad ? null : new double[times.length];
        if (!aligned) {
            for (int k = 0; k < times.length; k++) {
                double at = alpha + times[k] * scale;
                logAt[k] = Math.log(at);
                if (grad) {
                    invAt[k] = 1 / at;
                }
            }
        }
        double[] s = ChunkedSum.sum(rows.size, second ? 15 : grad ? 5 : 1, (from, to, out) -> {
            double ll = 0;
            double gr = 0;
            double gal = 0;
            double ga = 0;
            double gb = 0;
            double[] h = second ? new double[10] : null;
            double[] xs = rows.x;
            double[] txs = rows.tx;
            double[] ts = rows.t;
            int[] txi = rows.txIndex;
            int[] ti = rows.tIndex;
            double[] ws = rows.w;
            int[] xi = rows.xIndex;
            for (int i = from; i < to; i++) {
                int x = (int) xs[i];
                int kx = xi[i];
                double w = ws[i];
                double rx = r + x;
                double atT = aligned ? alpha + ts[i] * scale : 0;
                double logAT = aligned ? Math.log(atT) : logAt[ti[i]];
                double invT = grad ? (aligned ? 1 / atT : invAt[ti[i]]) : 0;
                double a3 = -rx * logAT;
                if (x == 0 && !modified) {
                    ll += w * (r * logAlpha + a3);
                    if (grad) {
                        gr += w * (logAlpha - logAT);
                        gal += w * (r / alpha - rx * invT);
                        if (second) {
                            h[1] += w * (1 / alpha - invT);
                            h[4] += w * (r * invT * invT - r / (alpha * alpha));
                        }
                    }
                    continue;
                }
                double atX = aligned ? alpha + txs[i] * scale : 0;
                double logATx = aligned ? Math.log(atX) : logAt[txi[i]];
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
                    double invX = aligned ? 1 / atX : invAt[txi[i]];
                    double bx = 1 / (bShift + x);
                    gr += w * (psiR[kx] + logAlpha - w3 * logAT - w4 * logATx);
                    gal += w * (r / alpha - rx * (w3 * invT + w4 * invX));
                    ga += w * (psiAbx[kx] + w4 / a);
                    gb += w * (psiAbx[kx] + psiBx[kx] - w4 * bx);
                    if (second) {
                        // dA3 - dA4 = (ln(alpha+t_x) - ln(alpha+T), (r+x)(1/(alpha+t_x) - 1/(alpha+T)), -1/a, 1/(b+x-1+k))
                        double ww = w * w3 * w4;
                        double dr = logATx - logAT;
                        double dal = rx * (invX - invT);
                        double da = -1 / a;
                        h[0] += w * triR[kx] + ww * dr * dr;
                        h[1] += w * (1 / alpha - w3 * invT - w4 * invX) + ww * dr * dal;
                        h[2] += ww * dr * da;
                        h[3] += ww * dr * bx;
                        h[4] += w * (rx * (w3 * invT * invT + w4 * invX * invX) - r / (alpha * alpha))
                                + ww * dal * dal;
                        h[5] += ww * dal * da;
                        h[6] += ww * dal * bx;
                        h[7] += w * (triAbx[kx] - w4 / (a * a)) + ww * da * da;
                        h[8] += w * triAbx[kx] + ww * da * bx;
                        h[9] += w * (triAbx[kx] + triBx[kx] + w4 * bx * bx) + ww * bx * bx;
                    }
                }
            }
            out[0] += ll;
            if (grad) {
                out[1] += gr;
                out[2] += gal;
                out[3] += ga;
                out[4] += gb;
            }
            if (second) {
                for (int k = 0; k < 10; k++) {
                    out[5 + k] += h[k];
                }
            }
        });
        if (gradient != null) {
            System.arraycopy(s, 1, gradient, 0, 4);
        }
        if (second) {
            System.arraycopy(s, 5, hessian, 0, 10);
        }
        return s[0];
    }

    /**
     * The distinct (frequency, time) pairs of the rows' (x, t_x) and (x, T): the function F of A0 depends on these
     * only, so each likelihood evaluation computes one 2F1 per pair instead of two per row.
     */
    static final class Pairs {
        final int[] txPair;
        final int[] tPair;
        final double[] x;
        final int[] time;
        final int size;

        Pairs(RfmRows rows) {
            Map<Long, Integer> index = new HashMap<>();
            txPair = new int[rows.size];
            tPair = new int[rows.size];
            double[] px = new double[2 * rows.size];
            int[] pt = new int[2 * rows.size];
            long width = rows.times.length;
            int n = 0;
            for (int pass = 0; pass < 2; pass++) {
                int[] times = pass == 0 ? rows.txIndex : rows.tIndex;
                int[] out = pass == 0 ? txPair : tPair;
                for (int i = 0; i < rows.size; i++) {
                    long key = (long) rows.x[i] * width + times[i];
                    Integer at = index.get(key);
                    if (at == null) {
                        at = n;
                        index.put(key, n);
                        px[n] = rows.x[i];
                        pt[n++] = times[i];
                    }
                    out[i] = at;
                }
            }
            x = Arrays.copyOf(px, n);
            time = Arrays.copyOf(pt, n);
            size = n;
        }
    }

    /** Sum over rows of w * LL, recency and T multiplied by {@code scale}, with F once per (x, time) pair. */
    static double paretoNbd(RfmRows rows, Pairs pairs, double scale, double[] theta) {
        return ParetoNbdGradient.logLikelihood(rows, pairs, scale, theta, null);
    }

    /** Sum over the spend rows of w * LL and, if {@code gradient} is not null, of w * dLL/d(p, q, gamma). */
    static double gammaGamma(double[] x, double[] m, double[] w, double[] theta, double[] gradient) {
        double p = theta[0];
        double q = theta[1];
        double v = theta[2];
        double lgq = Gamma.logGamma(q);
        double psiQ = SpecialFunctions.digamma(q);
        double logV = Math.log(v);
        boolean grad = gradient != null;
        double[] s = ChunkedSum.sum(x.length, grad ? 4 : 1, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double mi = m[i];
                double px = p * xi;
                double logM = Math.log(mi);
                double logX = Math.log(xi);
                double logD = Math.log(xi * mi + v);
                out[0] += w[i] * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgq + q * logV + (px - 1) * logM
                        + px * logX - (px + q) * logD);
                if (grad) {
                    double psiPxq = SpecialFunctions.digamma(px + q);
                    out[1] += w[i] * xi * (psiPxq - SpecialFunctions.digamma(px) + logM + logX - logD);
                    out[2] += w[i] * (psiPxq - psiQ + logV - logD);
                    out[3] += w[i] * (q / v - (px + q) / (xi * mi + v));
                }
            }
        });
        if (grad) {
            System.arraycopy(s, 1, gradient, 0, 3);
        }
        return s[0];
    }
}
