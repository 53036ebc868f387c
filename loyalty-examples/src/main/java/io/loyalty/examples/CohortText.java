package io.loyalty.examples;

import io.loyalty.cohort.CohortMatrices;
import java.util.Locale;

/** The retention table both tours print (Tablesaw- and chart-free, so the Spark tour's jar needs neither). */
final class CohortText {
    private CohortText() {
    }

    /** Prints the share of each cohort that returns in each period, up to {@code maxOffset}. */
    static void printReturnOn(CohortMatrices m, int maxOffset) {
        double[][] shares = m.matrix(CohortMatrices.Measure.RETURN_ON_SHARE);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %5s", "cohort", "size"));
        for (int k = 0; k <= maxOffset; k++) {
            sb.append(String.format(Locale.ROOT, " %6s", "m" + k));
        }
        System.out.println(sb);
        for (int c = 0; c < m.cohortCount(); c++) {
            sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %5d", m.labels().get(c), m.sizes()[c]));
            for (int k = 0; k <= Math.min(maxOffset, shares[c].length - 1); k++) {
                sb.append(String.format(Locale.ROOT, " %5.1f%s", 100 * shares[c][k], m.isIncomplete(c, k) ? "*" : " "));
            }
            System.out.println(sb);
        }
    }
}
