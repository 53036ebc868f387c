package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.math.BigDecimal;

/** Shared text formatting of results. */
final class Format {
    private Format() {
    }

    /** A level as a percentage without trailing zeros: 0.95 to "95", 0.975 to "97.5". */
    static String percent(double level) {
        return new BigDecimal(Double.toString(level * 100)).round(new java.math.MathContext(10))
                .stripTrailingZeros().toPlainString();
    }

    /** A p-value for a reader: "p = 0.0123", "p = 1.2e-05" or "p < 1e-40". */
    static String p(double p) {
        if (p < 1e-40) {
            return "p < 1e-40";
        }
        if (p < 1e-3) {
            return Checks.format("p = %.1e", p);
        }
        return Checks.format("p = %.3g", p);
    }
}
