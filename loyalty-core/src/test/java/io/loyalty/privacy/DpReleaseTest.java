package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.nps.NpsScale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The two-phase releases (begin, accumulate whole customers, combine, finish) give the array methods' tables for the
 * same seed, whatever the split of the customers; a release is finished once, by its own kind, with its own key.
 */
class DpReleaseTest {
    private static PrivacyBudget budget(long seed) {
        return PrivacyBudget.of(20, 1e-5).withNoiseSource(new SplittableRandom(seed));
    }

    /** Rows of 300 customers (a few heavy ones) over labelled partitions, with a small integer per row. */
    private static final class Rows {
        final String[] ids;
        final String[] labels;
        final int[] small;

        Rows(long seed, int n, int partitions, int bound) {
            SplittableRandom r = new SplittableRandom(seed);
            ids = new String[n];
            labels = new String[n];
            small = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "c" + (r.nextInt(4) == 0 ? r.nextInt(4) : r.nextInt(300));
                labels[i] = "p" + r.nextInt(partitions) + (r.nextInt(40) == 0 ? "-rare" + r.nextInt(20) : "");
                small[i] = r.nextInt(bound);
            }
        }

        List<String> distinct() {
            return List.copyOf(new TreeSet<>(List.of(labels)));
        }

        /** Each customer's rows, customers in reverse order of first appearance. */
        Map<String, List<Integer>> byCustomer() {
            Map<String, List<Integer>> m = new LinkedHashMap<>();
            for (int i = 0; i < ids.length; i++) {
                m.computeIfAbsent(ids[i], k -> new ArrayList<>()).add(i);
            }
            List<String> keys = new ArrayList<>(m.keySet());
            java.util.Collections.reverse(keys);
            Map<String, List<Integer>> out = new LinkedHashMap<>();
            for (String k : keys) {
                out.put(k, m.get(k));
            }
            return out;
        }

        /** The customers fed to two accumulators (odd and even), combined: another split than the array method. */
        BoundedTally tally(List<String> partitions, int categories, ContributionBounds b, long key,
                java.util.function.IntUnaryOperator category) {
            BoundedTally[] halves = {BoundedTally.create(partitions, categories, b, key),
                BoundedTally.create(partitions, categories, b, key)};
            int k = 0;
            for (Map.Entry<String, List<Integer>> e : byCustomer().entrySet()) {
                int[] ps = e.getValue().stream().mapToInt(i -> partitions.indexOf(labels[i])).toArray();
                int[] cs = e.getValue().stream().mapToInt(i -> category.applyAsInt(small[i])).toArray();
                halves[k++ % 2].addCustomer(e.getKey(), ps, cs, ps.length);
            }
            return halves[0].combine(halves[1]);
        }
    }

    @Test
    void npsSegmentCountsRatingsAndPathsEqualTheArrayMethods() {
        Rows rows = new Rows(1, 3000, 5, 11);
        ContributionBounds b = ContributionBounds.of(2, 2);
        Partitions sel = Partitions.selected(1, 1e-6);
        List<String> labels = rows.distinct();
        NpsScale scale = NpsScale.standard();

        DpRelease nps = DpRelease.beginNps(PrivacyCost.laplace(1), sel, budget(2));
        assertEquals(DpAggregates.nps(rows.ids, rows.labels, rows.small, scale, sel, b, PrivacyCost.laplace(1),
                budget(2)).toCsv(), nps.nps(labels, rows.tally(labels, 3, b, nps.key(),
                        a -> DpRelease.npsCategory(scale, a)), b).toCsv());

        Partitions known = Partitions.known(labels);
        DpRelease counts = DpRelease.beginSegmentCounts(PrivacyCost.gaussian(0.5), known, b, budget(3));
        assertEquals(DpAggregates.segmentCounts(rows.ids, rows.labels, known, b, PrivacyCost.gaussian(0.5),
                budget(3)).toCsv(), counts.segmentCounts(labels, rows.tally(labels, 1, b, counts.key(), a -> 0))
                        .toCsv());

        int[] ratings = new int[rows.small.length];
        for (int i = 0; i < ratings.length; i++) {
            ratings[i] = 1 + rows.small[i] % 7;
        }
        DpRelease ces = DpRelease.beginRatings(1, 7, PrivacyCost.laplace(2), sel, budget(4));
        assertEquals(DpAggregates.ratings(rows.ids, rows.labels, ratings, 1, 7, sel, b, PrivacyCost.laplace(2),
                budget(4)).toCsv(), ces.ratings(labels, rows.tally(labels, 7, b, ces.key(), a -> a % 7)).toCsv());

        boolean[] converted = new boolean[rows.small.length];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = rows.small[i] < 3;
        }
        DpRelease paths = DpRelease.beginPathCounts(PrivacyCost.laplace(1), sel, budget(5));
        assertEquals(DpAggregates.pathCounts(rows.ids, rows.labels, converted, sel, b, PrivacyCost.laplace(1),
                budget(5)).toCsv(), paths.pathCounts(labels, rows.tally(labels, 2, b, paths.key(),
                        a -> a < 3 ? 0 : 1)).toCsv());
    }

    @Test
    void armsAndRetentionEqualTheArrayMethods() {
        Rows rows = new Rows(6, 2000, 2, 500);
        double[] values = new double[rows.small.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.small[i] / 10.0;
        }
        Partitions sel = Partitions.selected(2, 1e-6);
        List<String> labels = rows.distinct();
        ValueRange range = ValueRange.of(0, 100);
        DpRelease arms = DpRelease.beginArms(PrivacyCost.laplace(3), sel, budget(7));
        BoundedTally t = BoundedTally.create(labels, range, ContributionBounds.ONE, arms.key());
        for (Map.Entry<String, List<Integer>> e : rows.byCustomer().entrySet()) {
            int[] ps = e.getValue().stream().mapToInt(i -> labels.indexOf(rows.labels[i])).toArray();
            double[] vs = e.getValue().stream().mapToDouble(i -> values[i]).toArray();
            t.addCustomer(e.getKey(), ps, vs, ps.length);
        }
        assertEquals(DpAggregates.arms(rows.ids, rows.labels, values, range, sel, PrivacyCost.laplace(3), budget(7))
                .toCsv(), arms.arms(labels, t).toCsv());

        int[] periods = new int[rows.small.length];
        int[] customers = new int[rows.small.length];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < periods.length; i++) {
            periods[i] = rows.small[i] % 12;
            customers[i] = index.computeIfAbsent(rows.ids[i], k -> index.size());
        }
        List<String> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add("m" + m);
        }
        DpRelease retention = DpRelease.beginRetention(3, PrivacyCost.laplace(1), budget(8));
        CohortTally c = CohortTally.create(12, 3);
        for (List<Integer> rs : rows.byCustomer().values()) {
            c.addCustomer(rs.stream().mapToInt(i -> periods[i]).toArray(), rs.size());
        }
        assertEquals(DpCohorts.retention(customers, periods, months, 3, PrivacyCost.laplace(1), budget(8)).toCsv(),
                retention.retention(months, c).toCsv());
    }

    @Test
    void aReleaseIsFinishedOnceByItsKindWithItsKey() {
        List<String> xy = List.of("x", "y");
        PrivacyBudget budget = budget(9);
        DpRelease nps = DpRelease.beginNps(PrivacyCost.laplace(1), Partitions.known(xy), budget);
        ContributionBounds one = ContributionBounds.ONE;
        assertThrows(IllegalStateException.class, () -> nps.segmentCounts(xy, BoundedTally.create(xy, 1, one,
                nps.key())));
        assertThrows(IllegalArgumentException.class, () -> nps.nps(xy, BoundedTally.create(xy, 3, one,
                nps.key() + 1), one));
        assertThrows(IllegalArgumentException.class, () -> nps.nps(List.of("y", "x"), BoundedTally.create(xy, 3,
                one, nps.key()), one));
        nps.nps(xy, BoundedTally.create(xy, 3, one, nps.key()), one);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> nps.nps(xy,
                BoundedTally.create(xy, 3, one, nps.key()), one));
        assertTrue(twice.getMessage().contains("already released"), twice.getMessage());
        // A begin that cannot be paid spends nothing.
        PrivacyBudget small = PrivacyBudget.of(0.5, 0);
        assertThrows(BudgetExceededException.class, () -> DpRelease.beginRetention(2, PrivacyCost.laplace(1),
                small));
        assertEquals(0, small.spends().size());
        assertThrows(IllegalArgumentException.class, () -> BoundedTally.create(xy, ValueRange.of(0, 1), one, 1)
                .addCustomer("a", new int[] {0}, new double[] {Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> CohortTally.create(3, 1).combine(CohortTally.create(3,
                2)));
    }
}
