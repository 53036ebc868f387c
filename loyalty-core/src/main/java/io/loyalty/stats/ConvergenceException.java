package io.loyalty.stats;

import io.loyalty.internal.Checks;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;

/**
 * Thrown when an iterative estimate does not give a proper answer, the library's one convergence exception:
 * <ul>
 * <li>a maximum-likelihood fit (the CLV fitters of {@code io.loyalty.clv}, sBG's {@code SbgFitter} in
 * {@code io.loyalty.cohort}) whose optimizer stopped (iteration limit, or no decrease along the search direction)
 * while the gradient of the objective was still above the tolerance, whose likelihood was not finite at the start
 * point, or whose point found is not a proper maximum (the observed information is not positive definite, so some
 * parameter is not identified by the data); also a CLV fitter with {@code withStrictDiagnostics()} whose fit's
 * diagnostics flag anything;
 * <li>an iterative linear solve (the absorption probabilities of attribution's Markov chain) that did not reach
 * its precision within its sweeps.
 * </ul>
 * Nothing partial is returned; the exception carries the counters instead, and its message names the cause
 * found and the remedies not tried yet (for the CLV fits, a parameter running to a boundary, see
 * {@code io.loyalty.clv.Diagnostics}). A subclass of {@link IllegalStateException}, which sBG and the Markov chain
 * threw before, so code catching that still catches it.
 *
 * <p>Serializable as every exception is; the last point is not serialized ({@link #lastPoint()} is empty after a
 * round trip), and reading a stream re-checks the counters (evaluations, iterations &gt;= 0, gradient norm
 * &gt;= 0 or NaN), failing with {@link InvalidObjectException} otherwise.
 *
 * @since 0.2
 */
public final class ConvergenceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The last point; transient, so empty after a round trip. */
    private final transient double[] lastPoint;
    /** Objective evaluations (or solver sweeps) made before the computation stopped. */
    private final int evaluations;
    /** Iterations (or solver sweeps) made before the computation stopped. */
    private final int iterations;
    /** The gradient norm at the last point. */
    private final double gradientNorm;

    /**
     * An exception with its counters.
     *
     * @param message what did not converge, where it stopped and what to try
     * @param lastPoint the parameters where the computation stopped (natural scale, in the model's order), as they
     *     are (a failed fit's coordinates may have overflowed to +Infinity); empty where there is no parameter point
     *     (a linear solve)
     * @param evaluations objective evaluations (or solver sweeps) spent, &gt;= 0
     * @param iterations iterations (or solver sweeps) spent, &gt;= 0
     * @param gradientNorm the largest gradient component at the last point, &gt;= 0 (+Infinity where the
     *     objective was not finite); NaN where the computation has no gradient (a linear solve)
     * @throws IllegalArgumentException naming the argument if one is null or out of range
     */
    public ConvergenceException(String message, double[] lastPoint, int evaluations, int iterations,
            double gradientNorm) {
        super(Checks.notNull(message, "message"));
        this.lastPoint = Checks.notNull(lastPoint, "lastPoint").clone();
        Checks.require(evaluations >= 0, "evaluations must be >= 0, got %d", evaluations);
        Checks.require(iterations >= 0, "iterations must be >= 0, got %d", iterations);
        Checks.require(!(gradientNorm < 0), "gradientNorm must be >= 0 (or NaN), got %s", gradientNorm);
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
            throw new InvalidObjectException(Checks.format("invalid ConvergenceException: evaluations %d, "
                    + "iterations %d, gradient norm %s", evaluations, iterations, gradientNorm));
        }
    }

    /**
     * The parameters (natural scale, in the model's order) where the optimizer stopped; empty for a linear solve.
     *
     * @return a copy of the last point
     */
    public double[] lastPoint() {
        return lastPoint == null ? new double[0] : lastPoint.clone();
    }

    /**
     * Objective evaluations (or solver sweeps) spent.
     *
     * @return the count
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Optimizer iterations (or solver sweeps) spent.
     *
     * @return the count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The largest gradient component (per customer, log-parameters) at the last point.
     *
     * @return the norm; NaN where the computation has no gradient
     */
    public double gradientNorm() {
        return gradientNorm;
    }
}
