package io.loyalty.experiment;

import io.loyalty.internal.TextTable;

/** The experiment family's phrasing of the shared number formats of {@link TextTable}. */
final class Format {
    private Format() {
    }

    /** A level as a percentage without trailing zeros: 0.95 to "95", 0.975 to "97.5". */
    static String percent(double level) {
        return TextTable.level(level);
    }

    /** A p-value for a reader: "p = 0.0123", "p = 1.2e-05" or "p < 1e-40". */
    static String p(double p) {
        String text = TextTable.pValue(p);
        return text.startsWith("<") ? "p " + text.replace("<", "< ") : "p = " + text;
    }
}
