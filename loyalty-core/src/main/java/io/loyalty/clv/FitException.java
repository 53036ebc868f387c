package io.loyalty.clv;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;

/**
 * Thrown when a maximum-likelihood fit does not converge: the optimizer stopped (iteration limit, or no
 * decrease along the search direction) while the gradient of the objective was still above the tolerance, the
 * likelihood was not finite at the start point, or the point found is not a proper maximum (the observed
 * information is not positive definite, so some parameter is not identified by the data). Nothing partial is
 * returned; the exception carries the diagnostics instead.
 *
 * <p>The message names the cause the fit found: when a profile step shows a parameter running to a boundary
 * (see {@link Diagnostics}) it says which and what that means, and it advises only remedies not tried yet (a
 * penalizer, which pulls toward 0, is not advised for a parameter running to 0, nor repeated at a value already
 * used). Also thrown by a fitter with {@code withStrictDiagnostics()} when the fit's diagnostics flag anything.
 *
 * <p>Serializable as every exception is; the last point is not serialized ({@link #lastPoint()} is empty after a
 * round trip), and reading a stream re-checks the counters (evaluations, iterations &gt;= 0, gradient norm
 * &gt;= 0 or NaN), failing with {@link InvalidObjectException} otherwise.
 *
 * @since 0.1
 */
public final class FitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient double[] lastPoint;
    /** Objective evaluations made before the fit stopped. */
    private final int evaluations;
    /** Optimizer iterations made before the fit stopped. */
    private final int iterations;
    /** The gradient norm at the last point. */
    private final double gradientNorm;

    FitException(String message, double[] lastPoint, int evaluations, int iterations, double gradientNorm) {
        super(message);
        this.lastPoint = lastPoint.clone();
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
    }

    /**
     * Reads the fields and re-checks the counters, so that a crafted stream cannot make an exception whose
     * diagnostics the constructor would reject.
     *
     * @param in the stream
     * @throws IOException if the stream cannot be read or holds invalid counters
     * @throws ClassNotFoundException if a class in the stream is unknown
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (!(evaluations >= 0 && iterations >= 0 && !(gradientNorm < 0))) {
            throw new InvalidObjectException(String.format(java.util.Locale.ROOT,
                    "invalid FitException: evaluations %d, iterations %d, gradient norm %s", evaluations, iterations,
                    gradientNorm));
        }
    }

    /**
     * The parameters (natural scale, in the model's order) where the optimizer stopped.
     *
     * @return a copy of the last point
     */
    public double[] lastPoint() {
        return lastPoint == null ? new double[0] : lastPoint.clone();
    }

    /**
     * Objective evaluations spent.
     *
     * @return the count
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Optimizer iterations spent.
     *
     * @return the count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The largest gradient component (per customer, log-parameters) at the last point.
     *
     * @return the norm
     */
    public double gradientNorm() {
        return gradientNorm;
    }
}
