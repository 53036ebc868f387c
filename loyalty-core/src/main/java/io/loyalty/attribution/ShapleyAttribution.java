package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import java.util.SplittableRandom;

/**
 * Shapley-value attribution over the set of distinct channels of each journey.
 *
 * <p>The channels are the players; a coalition S is worth the conversions (or value) of the journeys whose
 * channels all lie in S: v(S) = &sum;<sub>T &sube; S</sub> R(T), with R(T) the conversions of journeys whose
 * channel set is exactly T. The Shapley value
 * <pre>
 *   phi_j = sum over S not containing j of |S|! (n - |S| - 1)! / n! * (v(S + j) - v(S))
 * </pre>
 * then reduces to phi_j = &sum;<sub>T &ni; j</sub> R(T) / |T| (Zhao, Mahboobi &amp; Bagheri 2018, "Shapley Value
 * Methods for Attribution Modeling in Online Advertising", arXiv:1804.05327): {@link #simplified(Journeys)}
 * computes that directly for any number of channels. {@link #general(Journeys)} evaluates the definition itself:
 * by exact enumeration of the 2<sup>n</sup> coalitions for up to 20 channels (a subset-sum transform gives every
 * v(S)), and beyond by averaging marginal contributions over seeded random orderings of the channels, with the
 * standard error of each credit reported. Credits are {@code >= 0} and sum to the totals.
 *
 * @since 0.1
 */
public final class ShapleyAttribution {
    /** The most channels enumerated exactly by {@link #general(Journeys)}. */
    public static final int MAX_EXACT_CHANNELS = 20;

    private static final ShapleyAttribution DEFAULTS = new ShapleyAttribution(20_000, 20_261_124L);

    private final int permutations;
    private final long seed;

    private ShapleyAttribution(int permutations, long seed) {
        this.permutations = permutations;
        this.seed = seed;
    }

    /**
     * 20,000 sampled orderings with a fixed seed when there are more than {@value #MAX_EXACT_CHANNELS} channels.
     *
     * @return the default configuration
     */
    public static ShapleyAttribution withDefaults() {
        return DEFAULTS;
    }

    /**
     * The sampling used beyond {@value #MAX_EXACT_CHANNELS} channels.
     *
     * @param permutations the number of random channel orderings, at least 2
     * @param seed the seed of the random orderings
     * @return a new configuration
     */
    public ShapleyAttribution withSampling(int permutations, long seed) {
        Checks.require(permutations >= 2, "permutations must be >= 2, got %d", permutations);
        return new ShapleyAttribution(permutations, seed);
    }

    /**
     * The simplified Shapley value: each journey's conversions split equally over its distinct channels.
     *
     * @param journeys the journeys
     * @return the credits
     */
    public Attribution simplified(Journeys journeys) {
        Checks.notNull(journeys, "journeys");
        int nc = journeys.channels().size();
        int[] st = journeys.starts();
        int[] t = journeys.touches();
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        double[] conv = new double[nc];
        double[] val = new double[nc];
        int[] seen = new int[nc];
        int[] distinct = new int[nc];
        for (int i = 0; i < journeys.size(); i++) {
            if (!(pc[i] > 0)) {
                continue;
            }
            int d = 0;
            for (int k = st[i]; k < st[i + 1]; k++) {
                if (seen[t[k]] != i + 1) {
                    seen[t[k]] = i + 1;
                    distinct[d++] = t[k];
                }
            }
            for (int k = 0; k < d; k++) {
                conv[distinct[k]] += pc[i] / d;
                val[distinct[k]] += pv[i] / d;
            }
        }
        return Attribution.of("shapley (simplified)", journeys.channels(), conv, val);
    }

    /**
     * The Shapley value from its definition: exact up to {@value #MAX_EXACT_CHANNELS} channels, sampled beyond.
     *
     * @param journeys the journeys
     * @return the credits with their standard errors (0 when exact)
     */
    public ShapleyResult general(Journeys journeys) {
        Checks.notNull(journeys, "journeys");
        int nc = journeys.channels().size();
        return nc <= MAX_EXACT_CHANNELS ? exact(journeys, nc) : sampled(journeys, nc);
    }

    private static ShapleyResult exact(Journeys journeys, int n) {
        int size = 1 << n;
        double[] vc = new double[size];
        double[] vv = new double[size];
        int[] st = journeys.starts();
        int[] t = journeys.touches();
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        for (int i = 0; i < journeys.size(); i++) {
            int mask = 0;
            for (int k = st[i]; k < st[i + 1]; k++) {
                mask |= 1 << t[k];
            }
            vc[mask] += pc[i];
            vv[mask] += pv[i];
        }
        // Subset-sum (zeta) transform: v(S) = sum of R(T) over T within S.
        for (int b = 0; b < n; b++) {
            int bit = 1 << b;
            for (int s = 0; s < size; s++) {
                if ((s & bit) != 0) {
                    vc[s] += vc[s ^ bit];
                    vv[s] += vv[s ^ bit];
                }
            }
        }
        // weight[s] = s! (n - s - 1)! / n!, through logs of factorials to stay finite; the full set has none.
        double[] weight = new double[n + 1];
        double[] logFact = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            logFact[k] = logFact[k - 1] + Math.log(k);
        }
        for (int s = 0; s < n; s++) {
            weight[s] = Math.exp(logFact[s] + logFact[n - s - 1] - logFact[n]);
        }
        double[] conv = new double[n];
        double[] val = new double[n];
        for (int s = 0; s < size; s++) {
            double w = weight[Integer.bitCount(s)];
            for (int j = 0; j < n; j++) {
                int bit = 1 << j;
                if ((s & bit) == 0) {
                    conv[j] += w * (vc[s | bit] - vc[s]);
                    val[j] += w * (vv[s | bit] - vv[s]);
                }
            }
        }
        return new ShapleyResult(Attribution.of("shapley (exact)", journeys.channels(), conv, val), new double[n],
                new double[n], true, 0);
    }

    private ShapleyResult sampled(Journeys journeys, int n) {
        // In an ordering, journey i's marginal contribution goes to the channel of its set that comes last.
        int[] st = journeys.starts();
        int[] t = journeys.touches();
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        double[] sumC = new double[n];
        double[] sumC2 = new double[n];
        double[] sumV = new double[n];
        double[] sumV2 = new double[n];
        double[] roundC = new double[n];
        double[] roundV = new double[n];
        int[] perm = new int[n];
        int[] position = new int[n];
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < permutations; r++) {
            for (int j = n - 1; j > 0; j--) {
                int k = random.nextInt(j + 1);
                int tmp = perm[j];
                perm[j] = perm[k];
                perm[k] = tmp;
            }
            for (int j = 0; j < n; j++) {
                position[perm[j]] = j;
            }
            java.util.Arrays.fill(roundC, 0);
            java.util.Arrays.fill(roundV, 0);
            for (int i = 0; i < journeys.size(); i++) {
                if (!(pc[i] > 0)) {
                    continue;
                }
                int best = t[st[i]];
                for (int k = st[i] + 1; k < st[i + 1]; k++) {
                    if (position[t[k]] > position[best]) {
                        best = t[k];
                    }
                }
                roundC[best] += pc[i];
                roundV[best] += pv[i];
            }
            for (int j = 0; j < n; j++) {
                sumC[j] += roundC[j];
                sumC2[j] += roundC[j] * roundC[j];
                sumV[j] += roundV[j];
                sumV2[j] += roundV[j] * roundV[j];
            }
        }
        double m = permutations;
        double[] conv = new double[n];
        double[] val = new double[n];
        double[] seC = new double[n];
        double[] seV = new double[n];
        for (int j = 0; j < n; j++) {
            conv[j] = sumC[j] / m;
            val[j] = sumV[j] / m;
            seC[j] = Math.sqrt(Math.max(0, (sumC2[j] - m * conv[j] * conv[j]) / (m - 1)) / m);
            seV[j] = Math.sqrt(Math.max(0, (sumV2[j] - m * val[j] * val[j]) / (m - 1)) / m);
        }
        return new ShapleyResult(Attribution.of("shapley (sampled)", journeys.channels(), conv, val), seC, seV,
                false, permutations);
    }

    @Override
    public String toString() {
        return Checks.format("ShapleyAttribution[permutations=%d, seed=%d]", permutations, seed);
    }
}
