package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * One request of a fitter to the chunks of a {@link ChunkedCustomers}: either the totals (customers, merged rows,
 * largest T) or the summed log-likelihood of one model at one or several parameter points, with gradients when
 * the model has analytic ones (and Hessians, for BG/NBD and MBG/NBD). A request for several points (the nine of a
 * Pareto/NBD central-difference gradient, the 33 of its Hessian) is still one pass over the chunks. A task may ask
 * for a fixed sample of each chunk's rows instead of all of them: a fit of a large data set starts from the fit
 * of that sample.
 *
 * <p>Made only by the fitters. An implementation of {@link ChunkedCustomers} treats it as a fold: start from
 * {@link #zero()}, {@link #add} each chunk, {@link #merge} partial results. The task is small (the parameter
 * points and a few flags), immutable and serializable, so it travels with the code that runs next to the data;
 * {@link #add} and {@link #merge} write into and return their first argument, as Spark's {@code aggregate}
 * allows.
 *
 * <p>Serialized through a proxy that holds only the request (kind, time scale, points, flags) and
 * rebuilds the task through the checking factories, so a crafted stream cannot make a task whose points have the
 * wrong dimension, a non-finite or non-positive parameter or time scale: deserialization then fails with
 * {@link InvalidObjectException}.
 *
 * @since 0.1
 */
public final class ChunkTask implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Slots of the totals: customers, merged rows, largest T (a maximum, the others sums). */
    private static final int TOTALS_WIDTH = 3;

    /** The model whose likelihood the task sums. */
    private final ModelKind kind;
    /** Whether the task asks for the totals rather than a likelihood. */
    private final boolean totals;
    /** The factor applied to each chunk's sum. */
    private final double scale;
    /** The parameter points to evaluate the likelihood at. */
    private final double[][] points;
    /** Whether the analytic gradients are wanted too. */
    private final boolean gradient;
    /** Whether the analytic Hessians are wanted too (with the gradients). */
    private final boolean hessian;
    /** Whether the task runs over each chunk's {@link CustomerChunk#sample() sample} rather than its rows. */
    private final boolean sampled;

    private ChunkTask(ModelKind kind, boolean totals, double scale, double[][] points, boolean gradient,
            boolean hessian, boolean sampled) {
        this.kind = kind;
        this.totals = totals;
        this.scale = scale;
        this.points = points;
        this.gradient = gradient;
        this.hessian = hessian;
        this.sampled = sampled;
    }

    static ChunkTask totals(ModelKind kind) {
        return totals(kind, false);
    }

    /** The totals of every chunk, or with {@code sampled} of every chunk's sample. */
    static ChunkTask totals(ModelKind kind, boolean sampled) {
        return new ChunkTask(kind, true, 1, new double[0][], false, false, sampled);
    }

    /**
     * The summed log-likelihood at natural parameters {@code thetas[p]}, recency and T multiplied by
     * {@code scale}; with {@code gradient}, also the summed gradient (analytic models only).
     */
    static ChunkTask logLikelihood(ModelKind kind, double scale, double[][] thetas, boolean gradient) {
        return logLikelihood(kind, scale, thetas, gradient, false, false);
    }

    /**
     * {@link #logLikelihood(ModelKind, double, double[][], boolean)}, with {@code hessian} also the summed
     * Hessian (models with an analytic one; implies the gradient), with {@code sampled} over each chunk's sample.
     */
    static ChunkTask logLikelihood(ModelKind kind, double scale, double[][] thetas, boolean gradient,
            boolean hessian, boolean sampled) {
        Checks.require(!gradient || kind.analytic, "%s has no analytic gradient", kind.label);
        Checks.require(!hessian || kind.analyticHessian(), "%s has no analytic Hessian", kind.label);
        double[][] copy = new double[thetas.length][];
        for (int p = 0; p < thetas.length; p++) {
            Checks.require(thetas[p].length == kind.dimension, "%s needs %d parameters, got %d", kind,
                    kind.dimension, thetas[p].length);
            copy[p] = thetas[p].clone();
        }
        return new ChunkTask(kind, false, scale, copy, gradient || hessian, hessian, sampled);
    }

    /** Values per point: the log-likelihood, then the gradient and the Hessian's upper triangle if asked for. */
    private int width() {
        int k = kind.dimension;
        return 1 + (gradient ? k : 0) + (hessian ? k * (k + 1) / 2 : 0);
    }

    /**
     * The starting value of the fold (zeros).
     *
     * @return a new array
     */
    public double[] zero() {
        return new double[totals ? TOTALS_WIDTH : points.length * width()];
    }

    /**
     * Adds one chunk's terms to a partial result.
     *
     * @param partial the partial result, from {@link #zero()} or an earlier {@code add}; updated in place
     * @param chunk the chunk, of the kind the fitter needs (purchase chunks for BG/NBD, MBG/NBD and
     *     Pareto/NBD, spend chunks for Gamma-Gamma)
     * @return {@code partial}
     */
    public double[] add(double[] partial, CustomerChunk chunk) {
        checkPartial(partial, "partial");
        Checks.notNull(chunk, "chunk");
        if (chunk.spend() == kind.timed()) {
            throw new IllegalArgumentException(Checks.format("a %s fit needs %s chunks (CustomerChunk.%s), got %s",
                    kind, kind.timed() ? "purchase" : "spend", kind.timed() ? "ofPurchases" : "ofSpend", chunk));
        }
        CustomerChunk rows = sampled ? chunk.sample() : chunk;
        if (totals) {
            partial[0] += rows.customers();
            partial[1] += rows.rows();
            partial[2] = Math.max(partial[2], rows.maxT());
            return partial;
        }
        int width = width();
        int k = kind.dimension;
        double[] g = gradient ? new double[k] : null;
        double[] h = hessian ? new double[k * (k + 1) / 2] : null;
        for (int p = 0; p < points.length; p++) {
            partial[p * width] += hessian ? kind.logLikelihood(rows, scale, points[p], g, h)
                    : kind.logLikelihood(rows, scale, points[p], g);
            if (gradient) {
                for (int i = 0; i < k; i++) {
                    partial[p * width + 1 + i] += g[i];
                }
            }
            if (hessian) {
                for (int i = 0; i < h.length; i++) {
                    partial[p * width + 1 + k + i] += h[i];
                }
            }
        }
        return partial;
    }

    /**
     * Combines two partial results.
     *
     * @param partial a partial result; updated in place
     * @param other another partial result of this task
     * @return {@code partial}
     */
    public double[] merge(double[] partial, double[] other) {
        checkPartial(partial, "partial");
        checkPartial(other, "other");
        for (int i = 0; i < partial.length; i++) {
            partial[i] = totals && i == 2 ? Math.max(partial[i], other[i]) : partial[i] + other[i];
        }
        return partial;
    }

    private void checkPartial(double[] partial, String name) {
        Checks.notNull(partial, name);
        int expected = totals ? TOTALS_WIDTH : points.length * width();
        Checks.require(partial.length == expected, "%s must have the length of zero() (%d), got %d", name, expected,
                partial.length);
    }

    /** The log-likelihood per point from a fold; gradients copied into {@code gradients[p]} when not null. */
    double[] unpack(double[] sums, double[][] gradients) {
        return unpack(sums, gradients, null);
    }

    /**
     * The log-likelihood per point from a fold; gradients copied into {@code gradients[p]} and Hessians (full,
     * symmetric) into {@code hessians[p]} when those are not null.
     */
    double[] unpack(double[] sums, double[][] gradients, double[][][] hessians) {
        int width = width();
        int k = kind.dimension;
        double[] values = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            values[p] = sums[p * width];
            if (gradients != null) {
                System.arraycopy(sums, p * width + 1, gradients[p], 0, k);
            }
            if (hessians != null) {
                int at = p * width + 1 + k;
                for (int i = 0; i < k; i++) {
                    for (int j = i; j < k; j++) {
                        hessians[p][i][j] = sums[at];
                        hessians[p][j][i] = sums[at++];
                    }
                }
            }
        }
        return values;
    }

    /**
     * Writes the checking proxy instead of the fields.
     *
     * @return the proxy
     */
    private Object writeReplace() {
        return new Proxy(kind.name(), totals, scale, points, gradient, hessian, sampled);
    }

    /**
     * Rejects a stream that holds the fields rather than the proxy: such a stream was crafted.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("ChunkTask is deserialized through its proxy only");
    }

    /** The serialized form: the request, rebuilt and re-checked by {@link #readResolve}. */
    private static final class Proxy implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final boolean totals;
        private final double scale;
        private final double[][] points;
        private final boolean gradient;
        private final boolean hessian;
        private final boolean sampled;

        Proxy(String kind, boolean totals, double scale, double[][] points, boolean gradient, boolean hessian,
                boolean sampled) {
            this.kind = kind;
            this.totals = totals;
            this.scale = scale;
            this.points = points;
            this.gradient = gradient;
            this.hessian = hessian;
            this.sampled = sampled;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                ModelKind k = ModelKind.valueOf(Checks.notNull(kind, "kind"));
                if (totals) {
                    return ChunkTask.totals(k, sampled);
                }
                Checks.positive(scale, "scale");
                Checks.notNull(points, "points");
                for (int p = 0; p < points.length; p++) {
                    Checks.notNull(points[p], "points[" + p + "]");
                    for (int i = 0; i < points[p].length; i++) {
                        Checks.positive(points[p][i], Checks.format("points[%d][%d]", p, i));
                    }
                }
                return logLikelihood(k, scale, points, gradient, hessian, sampled);
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid ChunkTask: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    @Override
    public String toString() {
        String over = sampled ? " of the chunks' samples" : "";
        return totals ? Checks.format("ChunkTask[%s totals%s]", kind, over)
                : Checks.format("ChunkTask[%s log-likelihood at %d point%s%s%s, time scale %s]", kind,
                        points.length, points.length == 1 ? "" : "s",
                        hessian ? " with gradients and Hessians" : gradient ? " with gradients" : "", over, scale);
    }
}
