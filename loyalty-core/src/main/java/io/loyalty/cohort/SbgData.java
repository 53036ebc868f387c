package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * One cohort's contractual retention data for the sBG model: how many customers churned at each period
 * t = 1, 2, ... (renewal opportunity t missed) and how many were last seen alive at each t (censored). Made from
 * a survival curve of counts alive at t = 0..n, or from per-customer durations.
 *
 * @since 0.1
 */
public final class SbgData {
    private final long[] churnedAt;
    private final long[] censoredAt;

    private SbgData(long[] churnedAt, long[] censoredAt) {
        this.churnedAt = churnedAt;
        this.censoredAt = censoredAt;
    }

    /**
     * From the customers alive at t = 0, 1, ..., n: churners at t are alive(t-1) - alive(t), and the alive(n)
     * survivors are censored at n.
     *
     * @param alive counts at t = 0..n, non-increasing, alive(0) &gt; 0
     * @return the data
     */
    public static SbgData ofSurvivors(long... alive) {
        Checks.notNull(alive, "alive");
        Checks.require(alive.length >= 2, "alive needs counts for at least t = 0 and 1, got %d", alive.length);
        Checks.require(alive[0] > 0, "alive[0] must be > 0, got %d", alive[0]);
        long[] churned = new long[alive.length];
        long[] censored = new long[alive.length];
        for (int t = 1; t < alive.length; t++) {
            if (!(alive[t] >= 0 && alive[t] <= alive[t - 1])) {
                throw new IllegalArgumentException(Checks.format(
                        "alive must be non-increasing and >= 0: alive[%d] = %d after alive[%d] = %d", t, alive[t],
                        t - 1, alive[t - 1]));
            }
            churned[t] = alive[t - 1] - alive[t];
        }
        censored[alive.length - 1] = alive[alive.length - 1];
        return new SbgData(churned, censored);
    }

    /**
     * From a survival curve given as (time, alive) pairs: the times must be 0, 1, ..., n in increasing order
     * without repeats or gaps, and the counts as in {@link #ofSurvivors(long...)}.
     *
     * @param times the periods, 0..n in order
     * @param alive the customers alive at each period
     * @return the data
     */
    public static SbgData ofSurvivalCurve(int[] times, long[] alive) {
        Checks.notNull(times, "times");
        Checks.notNull(alive, "alive");
        Checks.sameLength(times.length, alive.length, "alive");
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException(Checks.format(
                        "times must be strictly increasing: times[%d] = %d %s times[%d] = %d", i, times[i],
                        times[i] == times[i - 1] ? "repeats" : "comes after", i - 1, times[i - 1]));
            }
        }
        for (int i = 0; i < times.length; i++) {
            Checks.require(times[i] == i, "times must be 0, 1, ..., n without gaps: times[%d] = %d", i, times[i]);
        }
        return ofSurvivors(alive);
    }

    /**
     * From per-customer durations: customer i churned at period {@code periods[i]} (&gt;= 1), or, when not
     * churned, was alive at {@code periods[i]} (&gt;= 0) when observation ended.
     *
     * @param periods the period of churn, or of the last observation
     * @param churned whether each customer churned
     * @return the data
     */
    public static SbgData ofDurations(int[] periods, boolean[] churned) {
        Checks.notNull(periods, "periods");
        Checks.notNull(churned, "churned");
        Checks.sameLength(periods.length, churned.length, "churned");
        Checks.require(periods.length > 0, "periods must not be empty");
        int max = 0;
        for (int i = 0; i < periods.length; i++) {
            int p = periods[i];
            Checks.require(p >= (churned[i] ? 1 : 0), "periods[%d] must be >= %d, got %d", i, churned[i] ? 1 : 0, p);
            // The counts are arrays indexed by period: sized by the data's longest duration, so bounded.
            Checks.require(p <= Cohorts.MAX_OFFSETS, "periods[%d] = %d is more than the %d periods an sBG data set "
                    + "may span", i, p, Cohorts.MAX_OFFSETS);
            max = Math.max(max, p);
        }
        long[] ch = new long[max + 1];
        long[] ce = new long[max + 1];
        for (int i = 0; i < periods.length; i++) {
            if (churned[i]) {
                ch[periods[i]]++;
            } else {
                ce[periods[i]]++;
            }
        }
        return new SbgData(ch, ce);
    }

    /**
     * Churners at t = 0..n (index 0 is always 0).
     *
     * @return the counts
     */
    public long[] churnedAt() {
        return churnedAt.clone();
    }

    /**
     * Customers censored (last seen alive) at t = 0..n.
     *
     * @return the counts
     */
    public long[] censoredAt() {
        return censoredAt.clone();
    }

    /**
     * The number of customers.
     *
     * @return the count
     */
    public long customers() {
        long s = 0;
        for (int t = 0; t < churnedAt.length; t++) {
            s += churnedAt[t] + censoredAt[t];
        }
        return s;
    }

    /**
     * The log-likelihood of the sBG with parameters alpha, beta: the sum of churners times log P(T = t) plus
     * censored times log S(t), in logs from S(t) = S(t - 1) (beta + t - 1) / (alpha + beta + t - 1) and
     * P(T = t) = S(t - 1) alpha / (alpha + beta + t - 1), which avoids subtracting nearly equal survivals.
     */
    double logLikelihood(double alpha, double beta) {
        return logLikelihood(alpha, beta, null);
    }

    /**
     * The log-likelihood, adding its gradient with respect to (alpha, beta) into {@code gradient} when it is not
     * null: d log S(t) / d alpha = &minus;&Sigma; 1 / (alpha + beta + i &minus; 1) and d log S(t) / d beta =
     * &Sigma; (1 / (beta + i &minus; 1) &minus; 1 / (alpha + beta + i &minus; 1)) over i = 1..t, and
     * log P(T = t) adds 1 / alpha &minus; 1 / (alpha + beta + t &minus; 1) and &minus;1 / (alpha + beta + t &minus; 1).
     */
    double logLikelihood(double alpha, double beta, double[] gradient) {
        double ll = 0;
        double logS = 0;
        double dsA = 0;
        double dsB = 0;
        double ga = 0;
        double gb = 0;
        for (int t = 0; t < churnedAt.length; t++) {
            if (t >= 1) {
                double denom = alpha + beta + (t - 1);
                if (churnedAt[t] > 0) {
                    ll += churnedAt[t] * (logS + Math.log(alpha / denom));
                    ga += churnedAt[t] * (dsA + 1 / alpha - 1 / denom);
                    gb += churnedAt[t] * (dsB - 1 / denom);
                }
                logS += Math.log((beta + (t - 1)) / denom);
                dsA -= 1 / denom;
                dsB += 1 / (beta + (t - 1)) - 1 / denom;
            }
            if (censoredAt[t] > 0) {
                ll += censoredAt[t] * logS;
                ga += censoredAt[t] * dsA;
                gb += censoredAt[t] * dsB;
            }
        }
        if (gradient != null) {
            gradient[0] += ga;
            gradient[1] += gb;
        }
        return ll;
    }

    @Override
    public String toString() {
        return "SbgData[churned " + Arrays.toString(churnedAt) + ", censored " + Arrays.toString(censoredAt) + "]";
    }
}
