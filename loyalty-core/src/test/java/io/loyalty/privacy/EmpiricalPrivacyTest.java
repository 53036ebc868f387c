package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * An empirical privacy check on neighbouring data sets: many releases on D and on D without one customer; for
 * every threshold event {@code {out >= t}} a lower confidence bound on {@code ln(P_D / P_D')} (and the reverse)
 * must stay at or below the declared epsilon, while the point estimate at the best threshold comes close to it
 * (the test has power).
 */
class EmpiricalPrivacyTest {
    private static final int RELEASES = 30_000;

    private static long[] release(ToLongFunction<PrivacyBudget> mechanism, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        PrivacyBudget proto = PrivacyBudget.of(1e9, 0);
        long[] out = new long[RELEASES];
        for (int i = 0; i < RELEASES; i++) {
            out[i] = mechanism.applyAsLong(proto.withNoiseSource(rng));
        }
        return out;
    }

    /** The largest lower bound (z = 4, log-scale delta method) on ln(P1(out >= t) / P2(out >= t)) over t. */
    private static double[] epsilonEstimate(long[] a, long[] b) {
        double bestLower = Double.NEGATIVE_INFINITY;
        double bestPoint = 0;
        for (long t = -20; t <= 20; t++) {
            long ca = 0;
            long cb = 0;
            for (int i = 0; i < RELEASES; i++) {
                ca += a[i] >= t ? 1 : 0;
                cb += b[i] >= t ? 1 : 0;
            }
            for (int dir = 0; dir < 2; dir++) {
                long x = dir == 0 ? ca : RELEASES - ca;
                long y = dir == 0 ? cb : RELEASES - cb;
                for (int swap = 0; swap < 2; swap++) {
                    long p = swap == 0 ? x : y;
                    long q = swap == 0 ? y : x;
                    if (p < 50 || q < 50) {
                        continue;
                    }
                    double point = Math.log((double) p / q);
                    double se = Math.sqrt(1.0 / p - 1.0 / RELEASES + 1.0 / q - 1.0 / RELEASES);
                    bestLower = Math.max(bestLower, point - 4 * se);
                    bestPoint = Math.max(bestPoint, point);
                }
            }
        }
        return new double[] {bestLower, bestPoint};
    }

    @Test
    void segmentCountOnNeighboursStaysWithinEpsilon() {
        double eps = 0.5;
        String[] ids = {"a", "b", "c", "victim", "victim"};
        String[] segs = {"x", "x", "y", "x", "y"};
        ToLongFunction<PrivacyBudget> withVictim = b -> (long) DpAggregates.segmentCounts(ids, segs,
                Partitions.known(List.of("x", "y")), ContributionBounds.of(2, 1), PrivacyCost.laplace(eps), b)
                .get(0, 0).value();
        ToLongFunction<PrivacyBudget> without = b -> (long) DpAggregates.segmentCounts(new String[] {"a", "b", "c"},
                new String[] {"x", "x", "y"}, Partitions.known(List.of("x", "y")), ContributionBounds.of(2, 1),
                PrivacyCost.laplace(eps), b).get(0, 0).value();
        double[] e = epsilonEstimate(release(withVictim, 1), release(without, 2));
        // The victim touches 2 partitions: the count of one moves by 1 at scale 2 / eps, so eps / 2 per partition.
        assertTrue(e[0] <= eps, "empirical epsilon lower bound " + e[0] + " exceeds " + eps);
        assertTrue(e[1] >= 0.8 * eps / 2, "the test lacks power: best point estimate " + e[1]);
    }

    @Test
    void npsPromoterTallyOnNeighboursStaysWithinEpsilon() {
        double eps = 1;
        ToLongFunction<PrivacyBudget> with = b -> (long) DpAggregates.nps(new String[] {"a", "victim", "victim"},
                new String[] {"p", "p", "p"}, new int[] {10, 10, 10}, io.loyalty.nps.NpsScale.standard(),
                Partitions.known(List.of("p")), ContributionBounds.of(1, 1), PrivacyCost.laplace(eps), b)
                .get(0, 2).value();
        ToLongFunction<PrivacyBudget> without = b -> (long) DpAggregates.nps(new String[] {"a"}, new String[] {"p"},
                new int[] {10}, io.loyalty.nps.NpsScale.standard(), Partitions.known(List.of("p")),
                ContributionBounds.of(1, 1), PrivacyCost.laplace(eps), b).get(0, 2).value();
        double[] e = epsilonEstimate(release(with, 3), release(without, 4));
        assertTrue(e[0] <= eps, "empirical epsilon lower bound " + e[0] + " exceeds " + eps);
        assertTrue(e[1] >= 0.8 * eps, "the test lacks power: best point estimate " + e[1]);
    }
}
