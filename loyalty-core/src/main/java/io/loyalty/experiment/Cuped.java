package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * CUPED variance reduction (Deng, Xu, Kohavi and Walker 2013, "Improving the sensitivity of online controlled
 * experiments by utilizing pre-experiment data", WSDM, doi:10.1145/2433396.2433413): with a pre-experiment
 * covariate X per customer (prior spend, RFM monetary or frequency),
 * {@code theta = cov(Y, X) / var(X)} over both arms pooled, {@code Y' = Y - theta (X - mean X)}, and Welch's
 * test on Y'. The mean difference stays unbiased under randomization; its variance shrinks by the squared
 * correlation.
 *
 * @since 0.1
 */
public final class Cuped {
    private Cuped() {
    }

    /**
     * The CUPED-adjusted Welch test of treatment minus control.
     *
     * @param treatment the metric in the treatment arm
     * @param treatmentCovariate the covariate in the treatment arm (same length)
     * @param control the metric in the control arm
     * @param controlCovariate the covariate in the control arm (same length)
     * @param confidence the interval's level in (0, 1)
     * @return theta, the variance reduction and the test
     */
    public static CupedResult test(double[] treatment, double[] treatmentCovariate, double[] control,
            double[] controlCovariate, double confidence) {
        check(treatment, treatmentCovariate, "treatment");
        check(control, controlCovariate, "control");
        Checks.openUnit(confidence, "confidence");
        int n = treatment.length + control.length;
        double my = 0;
        double mx = 0;
        for (int i = 0; i < treatment.length; i++) {
            my += treatment[i];
            mx += treatmentCovariate[i];
        }
        for (int i = 0; i < control.length; i++) {
            my += control[i];
            mx += controlCovariate[i];
        }
        my /= n;
        mx /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < treatment.length; i++) {
            double dx = treatmentCovariate[i] - mx;
            double dy = treatment[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        for (int i = 0; i < control.length; i++) {
            double dx = controlCovariate[i] - mx;
            double dy = control[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        Checks.require(sxx > 0, "the covariate has zero variance (all %s): CUPED cannot adjust", mx);
        Checks.require(syy > 0, "the metric has zero variance in both arms (all %s)", my);
        double theta = sxy / sxx;
        double[] ya = adjusted(treatment, treatmentCovariate, theta, mx);
        double[] ca = adjusted(control, controlCovariate, theta, mx);
        double syyAdjusted = syy - 2 * theta * sxy + theta * theta * sxx;
        TTest.Result t = TTest.withDefaults().withConfidence(confidence).test(ArmSummary.of(ya),
                ArmSummary.of(ca));
        return new CupedResult(theta, 1 - Math.max(0, syyAdjusted) / syy, t);
    }

    private static double[] adjusted(double[] y, double[] x, double theta, double mx) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - theta * (x[i] - mx);
        }
        return out;
    }

    private static void check(double[] y, double[] x, String arm) {
        Checks.notNull(y, arm);
        Checks.notNull(x, arm + "Covariate");
        Checks.sameLength(y.length, x.length, arm + "Covariate");
        Checks.require(y.length >= 2, "%s needs at least 2 observations, got %d", arm, y.length);
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(Checks.format("%s[%d] must be finite, got %s", arm, i, y[i]));
            }
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        Checks.format("%sCovariate[%d] must be finite, got %s", arm, i, x[i]));
            }
        }
    }
}
