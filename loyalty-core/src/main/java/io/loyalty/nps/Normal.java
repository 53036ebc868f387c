package io.loyalty.nps;

import io.loyalty.internal.Checks;
import org.apache.commons.math3.special.Erf;

/** Standard normal quantiles and tail areas through erfc, so small p-values keep their digits. */
final class Normal {
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() {
    }

    /** The two-sided critical value z with P(|Z| > z) = 1 - confidence, after checking the level. */
    static double twoSidedZ(double confidence) {
        Checks.openUnit(confidence, "confidence");
        return SQRT2 * Erf.erfcInv(1 - confidence);
    }

    /** 2 &Phi;(&minus;|z|) = erfc(|z| / &radic;2), accurate far into the tail (no floor near 1e-15). */
    static double twoSidedP(double z) {
        if (Double.isInfinite(z)) {
            return 0;
        }
        return Erf.erfc(Math.abs(z) / SQRT2);
    }
}
