package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.PeriodRule;
import io.loyalty.nps.Nps;
import io.loyalty.nps.NpsScale;
import io.loyalty.testkit.Property;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DP aggregates: exact at a vanishing noise, bounded, order-independent, and refusing bad input. */
class DpAggregatesTest {
    /** A cost whose noise is identically zero (scale 2^-20): the pre-noise values show through. */
    private static final PrivacyCost EXACT = PrivacyCost.laplace(1e9);

    private static PrivacyBudget budget(long seed) {
        return PrivacyBudget.of(1e12, 1e-6).withNoiseSource(new SplittableRandom(seed));
    }

    @Test
    void npsTalliesMatchTheNpsFamilyWhenNoBoundBinds() {
        String[] ids = {"a", "b", "c", "d", "e", "f", "g"};
        String[] parts = {"gold", "gold", "gold", "gold", "silver", "silver", "silver"};
        int[] answers = {10, 9, 3, 7, 0, 10, 8};
        DpTable t = DpAggregates.nps(ids, parts, answers, NpsScale.standard(), Partitions.known(List.of("gold",
                "silver", "bronze")), ContributionBounds.ONE, EXACT, budget(1));
        Nps gold = Nps.ofAnswers(10, 9, 3, 7);
        assertEquals(gold.detractors(), t.get("gold", "detractors").value());
        assertEquals(gold.promoters(), t.get("gold", "promoters").value());
        assertEquals(gold.points(), t.get("gold", "nps").value(), 1e-9);
        assertEquals(0, t.get("bronze", "passives").value());
        assertEquals(0, t.get("bronze", "nps").value());
        assertEquals(-100, t.get("bronze", "nps").lower());
        NoisyValue goldNps = t.get("gold", "nps");
        assertTrue(goldNps.lower() <= goldNps.value() && goldNps.value() <= goldNps.upper());
    }

    @Test
    void contributionBoundsAreEnforcedByTheLibrary() {
        // One customer answers 5 times in 3 partitions: with bounds (1, 2) they count twice in one partition.
        String[] ids = {"a", "a", "a", "a", "a"};
        String[] parts = {"p", "p", "p", "q", "r"};
        int[] answers = {10, 10, 10, 0, 0};
        DpTable t = DpAggregates.nps(ids, parts, answers, NpsScale.standard(), Partitions.known(List.of("p", "q",
                "r")), ContributionBounds.of(1, 2), EXACT, budget(2));
        double total = 0;
        for (String p : List.of("p", "q", "r")) {
            total += t.get(p, "detractors").value() + t.get(p, "passives").value() + t.get(p, "promoters").value();
        }
        assertTrue(total <= 2, "one customer, at most 1 partition x 2 rows, counted " + total);
        DpTable arms = DpAggregates.arms(new String[] {"x", "x", "y"}, new String[] {"A", "A", "B"},
                new double[] {80, 80, 1e6}, ValueRange.of(0, 100), Partitions.known(List.of("A", "B")), EXACT,
                budget(3));
        assertEquals(100, arms.get("A", "mean").value(), 1e-3);
        assertEquals(100, arms.get("B", "mean").value(), 1e-3);
        assertEquals(1, arms.get("A", "customers").value());
    }

    @Test
    void cohortMatrixCountsEachCustomerInOneRowAndAtMostMaxOffsetsCells() {
        PeriodRule months = PeriodRule.months();
        long jan = LocalDate.of(2011, 1, 5).toEpochSecond(java.time.LocalTime.NOON, ZoneOffset.UTC);
        long feb = LocalDate.of(2011, 2, 5).toEpochSecond(java.time.LocalTime.NOON, ZoneOffset.UTC);
        long mar = LocalDate.of(2011, 3, 5).toEpochSecond(java.time.LocalTime.NOON, ZoneOffset.UTC);
        String[] ids = {"a", "a", "a", "a", "b", "b", "c"};
        long[] times = {jan, jan, feb, mar, feb, mar, mar};
        Instant from = Instant.parse("2011-01-01T00:00:00Z");
        Instant to = Instant.parse("2011-03-31T00:00:00Z");
        DpTable t = DpCohorts.retention(ids, times, months, from, to, 2, EXACT, budget(4));
        assertEquals(List.of("2011-01", "2011-02", "2011-03"), t.rows());
        assertEquals(1, t.get(0, 0).value());
        assertEquals(1, t.get(0, 1).value());
        // a's March is the third offset, dropped by maxOffsets = 2.
        assertEquals(0, t.get(0, 2).value());
        assertEquals(1, t.get(1, 0).value());
        assertEquals(1, t.get(1, 1).value());
        assertEquals(1, t.get(2, 0).value());
        assertNull(t.get(2, 1));
        DpTable shares = DpCohorts.shares(t);
        assertEquals(100, shares.get(1, 1).value(), 1e-9);
        assertEquals(100, shares.get(0, 0).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DpCohorts.retention(ids, times, months, from, Instant.parse("2011-02-01T00:00:00Z"), 2, EXACT,
                        budget(4)));
        assertTrue(e.getMessage().contains("epochSeconds[3]"), e.getMessage());
    }

    @Test
    void resultsDoNotDependOnRowOrder() {
        Property.forAll("order independence", 30, r -> {
            int n = Property.between(r, 1, 200);
            String[] ids = new String[n];
            String[] parts = new String[n];
            int[] answers = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = Integer.toString(r.nextInt(20));
                parts[i] = "p" + r.nextInt(6);
                answers[i] = r.nextInt(11);
            }
            int[] perm = Property.shuffledPermutation(r, n);
            String[] ids2 = new String[n];
            String[] parts2 = new String[n];
            int[] answers2 = new int[n];
            for (int i = 0; i < n; i++) {
                ids2[i] = ids[perm[i]];
                parts2[i] = parts[perm[i]];
                answers2[i] = answers[perm[i]];
            }
            long seed = r.nextLong();
            ContributionBounds b = ContributionBounds.of(2, 1);
            Partitions sel = Partitions.selected(1, 1e-6);
            DpTable t1 = DpAggregates.nps(ids, parts, answers, NpsScale.standard(), sel, b, PrivacyCost.laplace(1),
                    budget(seed));
            DpTable t2 = DpAggregates.nps(ids2, parts2, answers2, NpsScale.standard(), sel, b,
                    PrivacyCost.laplace(1), budget(seed));
            assertEquals(t1.toCsv(), t2.toCsv());
        });
    }

    @Test
    void partitionSelectionHidesRarePartitionsAndKeepsLargeOnes() {
        int n = 2000;
        String[] ids = new String[n + 1];
        String[] parts = new String[n + 1];
        boolean[] conv = new boolean[n + 1];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            parts[i] = "email > search";
            conv[i] = i % 3 == 0;
        }
        ids[n] = "loner";
        parts[n] = "a path only the loner took";
        conv[n] = true;
        Partitions sel = Partitions.selected(1, 1e-9);
        assertEquals(22, sel.threshold(1));
        DpTable t = DpAggregates.pathCounts(ids, parts, conv, sel, ContributionBounds.ONE, PrivacyCost.laplace(1),
                budget(5));
        assertEquals(List.of("email > search"), t.rows());
        assertEquals(667, t.get(0, 0).value(), 20);
    }

    @Test
    void rfmSummaryAndSegmentCountsCoverEveryKnownSegment() {
        DpTable counts = DpAggregates.segmentCounts(new String[] {"a", "b", "b"}, new String[] {"x", "x", "y"},
                Partitions.known(List.of("x", "y", "z")), ContributionBounds.of(2, 1), EXACT, budget(6));
        assertArrayEquals(new double[] {2, 1, 0}, counts.values("customers"));
        assertTrue(counts.toString().contains("DP segment counts"), counts.toString());
        assertTrue(counts.toCsv().startsWith("row,customers,customers_sd,"), counts.toCsv());
    }

    @Test
    void overspendingRefusesBeforeAnyNoiseIsDrawn() {
        PrivacyBudget b = PrivacyBudget.of(1, 0).withNoiseSource(new SplittableRandom(7));
        String[] ids = {"a"};
        String[] parts = {"x"};
        DpAggregates.segmentCounts(ids, parts, Partitions.known(List.of("x")), ContributionBounds.ONE,
                PrivacyCost.laplace(0.6), b);
        assertThrows(BudgetExceededException.class, () -> DpAggregates.segmentCounts(ids, parts,
                Partitions.known(List.of("x")), ContributionBounds.ONE, PrivacyCost.laplace(0.6), b));
        assertEquals(1, b.spends().size());
        // Selection needs delta: a pure budget refuses it.
        assertThrows(BudgetExceededException.class, () -> DpAggregates.segmentCounts(ids, parts,
                Partitions.selected(0.1, 1e-6), ContributionBounds.ONE, PrivacyCost.laplace(0.1), b));
    }

    @Test
    void badInputIsRejectedNamingArgumentRowAndValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DpAggregates.segmentCounts(new String[] {"a", "b"}, new String[] {"x", "w"},
                        Partitions.known(List.of("x")), ContributionBounds.ONE, EXACT, budget(8)));
        assertTrue(unknown.getMessage().contains("segments[1] 'w'"), unknown.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> DpAggregates.segmentCounts(new String[] {"a", " "}, new String[] {"x", "x"},
                        Partitions.known(List.of("x")), ContributionBounds.ONE, EXACT, budget(8)));
        assertTrue(blank.getMessage().contains("customerIds[1]"), blank.getMessage());
        IllegalArgumentException answer = assertThrows(IllegalArgumentException.class,
                () -> DpAggregates.nps(new String[] {"a"}, new String[] {"x"}, new int[] {11}, NpsScale.standard(),
                        Partitions.known(List.of("x")), ContributionBounds.ONE, EXACT, budget(8)));
        assertTrue(answer.getMessage().contains("answers[0]") && answer.getMessage().contains("11"),
                answer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueRange.of(5, 5));
        assertThrows(IllegalArgumentException.class, () -> ValueRange.of(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> ContributionBounds.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Partitions.selected(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Partitions.known(List.of("x", "x")));
        assertThrows(IllegalArgumentException.class, () -> DpAggregates.arms(new String[] {"a"},
                new String[] {"A"}, new double[] {Double.NaN}, ValueRange.of(0, 1), Partitions.known(List.of("A")),
                EXACT, budget(9)));
    }

    @Test
    void aReleaseOfSeveralQueriesIsChargedItsWholeCost() {
        PrivacyBudget b = PrivacyBudget.of(1, 0).withNoiseSource(new SplittableRandom(10));
        DpAggregates.arms(new String[] {"a", "b"}, new String[] {"A", "B"}, new double[] {1, 2}, ValueRange.of(0, 5),
                Partitions.known(List.of("A", "B")), PrivacyCost.laplace(0.6), b);
        assertEquals(0.6, b.spentEpsilon(), 1e-15);
        assertThrows(BudgetExceededException.class, () -> DpAggregates.arms(new String[] {"a"}, new String[] {"A"},
                new double[] {1}, ValueRange.of(0, 5), Partitions.known(List.of("A")), PrivacyCost.laplace(0.6), b));
    }
}
