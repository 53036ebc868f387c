package io.loyalty.cohort;

import java.util.List;
import java.util.Locale;

/**
 * Churn rate per calendar period made by {@link ChurnDurations#churnRates(CohortPeriod)}: customers at risk at
 * the start of each period, those who churned in it, and their ratio (0 when none was at risk).
 *
 * @since 0.1
 */
public final class ChurnRates {
    private final List<String> labels;
    private final long[] atRisk;
    private final long[] churned;

    ChurnRates(List<String> labels, long[] atRisk, long[] churned) {
        this.labels = labels;
        this.atRisk = atRisk;
        this.churned = churned;
    }

    /**
     * The periods' labels.
     *
     * @return the labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Customers at risk at the start of each period.
     *
     * @return the counts
     */
    public long[] atRisk() {
        return atRisk.clone();
    }

    /**
     * Customers who churned in each period.
     *
     * @return the counts
     */
    public long[] churned() {
        return churned.clone();
    }

    /**
     * Churned divided by at risk, per period (0 when none was at risk).
     *
     * @return the rates
     */
    public double[] rates() {
        double[] r = new double[atRisk.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = atRisk[i] == 0 ? 0 : (double) churned[i] / atRisk[i];
        }
        return r;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s %9s %8s %7s%n", "period", "at risk",
                "churned", "rate"));
        double[] r = rates();
        for (int i = 0; i < r.length; i++) {
            sb.append(String.format(Locale.ROOT, "%-10s %9d %8d %6.1f%%%n", labels.get(i), atRisk[i], churned[i],
                    100 * r[i]));
        }
        return sb.toString();
    }
}
