package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Fits the sBG model ({@link SbgModel}) by maximum likelihood: Nelder-Mead on (log alpha, log beta), restarted
 * from its optimum until the log-likelihood stops improving, so that the two parameters need no bounds.
 * Several cohorts can share one fit ({@link #fit(List)}) or get one each ({@link #fitEach(List)}).
 *
 * <p>Immutable and thread-safe (each fit uses its own optimizer).
 */
public final class SbgFitter {
    private final int maxEvaluations;

    private SbgFitter(int maxEvaluations) {
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * A fitter with up to 20,000 likelihood evaluations.
     *
     * @return the fitter
     */
    public static SbgFitter withDefaults() {
        return new SbgFitter(20_000);
    }

    /**
     * This fitter with another evaluation budget.
     *
     * @param evaluations the maximum number of likelihood evaluations, &gt; 0
     * @return a new fitter
     */
    public SbgFitter withMaxEvaluations(int evaluations) {
        Checks.require(evaluations > 0, "evaluations must be > 0, got %d", evaluations);
        return new SbgFitter(evaluations);
    }

    /**
     * Fits one cohort.
     *
     * @param data the cohort's data
     * @return the fitted model
     */
    public SbgModel fit(SbgData data) {
        return fit(List.of(Checks.notNull(data, "data")));
    }

    /**
     * Fits one model to several cohorts jointly (their log-likelihoods add).
     *
     * @param cohorts the cohorts, not empty
     * @return the fitted model
     * @throws IllegalStateException if the evaluation budget runs out
     */
    public SbgModel fit(List<SbgData> cohorts) {
        Checks.notNull(cohorts, "cohorts");
        Checks.require(!cohorts.isEmpty(), "cohorts must not be empty");
        long customers = 0;
        boolean anyChurn = false;
        boolean anySurvivor = false;
        for (int i = 0; i < cohorts.size(); i++) {
            SbgData d = Checks.notNull(cohorts.get(i), "cohorts[" + i + "]");
            customers = Checks.addExact(customers, d.customers(), "customers of the cohorts");
            for (long c : d.churnedAt()) {
                anyChurn |= c > 0;
            }
            long[] cens = d.censoredAt();
            for (int t = 1; t < cens.length; t++) {
                anySurvivor |= cens[t] > 0;
            }
        }
        // Without churners or without survivors past t = 0 the likelihood has no maximum in (0, inf)^2.
        Checks.require(anyChurn && anySurvivor,
                "cohorts need both churners and customers alive after t = 0 for an sBG fit, got %s", cohorts);
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            double a = Math.exp(x[0]);
            double b = Math.exp(x[1]);
            double ll = 0;
            for (SbgData d : cohorts) {
                ll += d.logLikelihood(a, b);
            }
            return Double.isFinite(ll) ? ll : Double.NEGATIVE_INFINITY;
        });
        double[] start = {0, 0};
        double best = Double.NEGATIVE_INFINITY;
        int evaluations = 0;
        for (int round = 0; round < 10; round++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(1e-14, 1e-14);
            PointValuePair p;
            try {
                p = optimizer.optimize(new MaxEval(maxEvaluations - evaluations), f, GoalType.MAXIMIZE,
                        new InitialGuess(start), new NelderMeadSimplex(new double[] {0.5, 0.5}));
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                throw new IllegalStateException(Checks.format(
                        "sBG fit did not converge in %d evaluations (last point alpha = %s, beta = %s); "
                                + "raise withMaxEvaluations", maxEvaluations, Math.exp(start[0]), Math.exp(start[1])),
                        e);
            }
            evaluations += optimizer.getEvaluations();
            start = p.getPoint();
            if (p.getValue() <= best + 1e-12 * Math.abs(best)) {
                best = Math.max(best, p.getValue());
                break;
            }
            best = p.getValue();
        }
        return new SbgModel(Math.exp(start[0]), Math.exp(start[1]), best, customers, evaluations);
    }

    /**
     * Fits one model per cohort.
     *
     * @param cohorts the cohorts, not empty
     * @return the fitted models, in the cohorts' order
     */
    public List<SbgModel> fitEach(List<SbgData> cohorts) {
        Checks.notNull(cohorts, "cohorts");
        Checks.require(!cohorts.isEmpty(), "cohorts must not be empty");
        List<SbgModel> out = new ArrayList<>();
        for (SbgData d : cohorts) {
            out.add(fit(d));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SbgFitter[max evaluations " + maxEvaluations + "]";
    }
}
