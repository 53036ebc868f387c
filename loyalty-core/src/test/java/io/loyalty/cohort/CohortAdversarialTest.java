package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.cohort.CohortMatrices.Measure;
import io.loyalty.testkit.Outcome;
import io.loyalty.testkit.Property;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's adversary for the cohort family: rows mixing ordinary transactions with times at the supported limits
 * and beyond them (Long and Instant limits), amounts from subnormal to Double.MAX_VALUE (and NaN, infinities,
 * negative zero), blank, null and Unicode ids, sparse and negative int ids, ties, duplicates, unsorted rows,
 * mismatched lengths, empty and single-row input. Every call either returns matrices whose cells are finite and
 * agree with a plain recount, or throws an IllegalArgumentException naming the bad row or value; the matrices are
 * bitwise the same after shuffling the rows and after any split of the customers into combined parts.
 */
class CohortAdversarialTest {
    private static <T> T outcome(Supplier<T> call, List<String> badInput) {
        return Outcome.of(call, badInput, LIMITS);
    }

    private static final long START = 1_600_000_000L;
    private static final String[] IDS = {"a", "b", "Zoë", "顧客", "a ", "\u00e9", "e\u0301", "𝔘", "0"};
    private static final double[] EDGE_AMOUNTS = {0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        1, 0x1p53 + 1, -0x1p53 - 1, 1e308, -1e308, Double.MAX_VALUE, 12_345_678.91, 0.1};
    private static final long[] BAD_SECONDS = {Long.MIN_VALUE, Long.MAX_VALUE, Cohorts.MIN_SECOND - 1,
        Cohorts.MAX_SECOND + 1, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()};

    /** The documented limits a valid-looking input may still reach: extreme time spans and extreme sums. */
    private static final List<String> LIMITS = List.of("a cohort matrix may have", "sum beyond the range of a double");

    /** Rows: ordinary ones over about two years, and (when {@code edges}) some at the supported time limits. */
    private static final class Rows {
        final String[] ids;
        final long[] sec;
        final double[] amt;
        final List<String> bad = new ArrayList<>();
        final boolean edges;

        Rows(SplittableRandom r, boolean edges, boolean allowBad) {
            int n = switch (r.nextInt(5)) {
                case 0 -> 0;
                case 1 -> 1;
                default -> Property.between(r, 2, 150);
            };
            ids = new String[n];
            sec = new long[n];
            amt = new double[n];
            // Two years from an ordinary start, from the first supported second, or up to the last one.
            long span = 700L * 86_400;
            long base = !edges ? START : r.nextBoolean() ? Cohorts.MIN_SECOND : Cohorts.MAX_SECOND - span;
            this.edges = edges;
            for (int i = 0; i < n; i++) {
                ids[i] = IDS[r.nextInt(IDS.length)];
                // Ties: many rows share a second; at the edges some rows sit on the limit itself.
                sec[i] = base + (r.nextBoolean() ? 0 : r.nextInt(8) == 0 ? span : r.nextLong(span));
                amt[i] = r.nextInt(4) == 0 ? EDGE_AMOUNTS[r.nextInt(EDGE_AMOUNTS.length)]
                        : Math.scalb(r.nextDouble(), r.nextInt(30));
                if (allowBad && r.nextInt(60) == 0) {
                    switch (r.nextInt(4)) {
                        case 0 -> {
                            ids[i] = new String[] {null, "", " \t"}[r.nextInt(3)];
                            bad.add("customerIds[" + i + "] must not be null or blank");
                        }
                        case 1 -> {
                            sec[i] = BAD_SECONDS[r.nextInt(BAD_SECONDS.length)];
                            bad.add("epochSeconds[" + i + "] = " + sec[i]);
                        }
                        default -> {
                            amt[i] = new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY}[r.nextInt(3)];
                            bad.add("row " + i + ": amount must be finite, got " + amt[i]);
                        }
                    }
                }
            }
            if (n == 0) {
                bad.add("transactions must not be empty");
            }
        }
    }

    private static void checkCells(CohortMatrices m, Rows rows) {
        long customers = Arrays.stream(m.sizes()).sum();
        assertEquals(Arrays.stream(rows.ids).distinct().count(), customers);
        for (Measure measure : Measure.values()) {
            for (double[] row : m.matrix(measure)) {
                for (double v : row) {
                    if (measure != Measure.NET_REVENUE_RETENTION) {
                        assertTrue(Double.isFinite(v), measure + " " + v);
                    }
                }
            }
        }
        // The revenue in all cells is the correctly rounded exact sum of the amounts, per cohort.
        BigDecimal exact = BigDecimal.ZERO;
        for (double a : rows.amt) {
            exact = exact.add(new BigDecimal(a));
        }
        BigDecimal cells = BigDecimal.ZERO;
        for (double[] row : m.matrix(Measure.REVENUE)) {
            for (double v : row) {
                cells = cells.add(new BigDecimal(v));
            }
        }
        // Each cell is rounded once: the total is within half an ulp of each cell's value.
        double slack = 0;
        for (double[] row : m.matrix(Measure.REVENUE)) {
            for (double v : row) {
                slack += Math.ulp(v);
            }
        }
        assertTrue(exact.subtract(cells).abs().compareTo(new BigDecimal(slack)) <= 0,
                "revenue " + cells + " vs exact " + exact);
    }

    @Test
    void matricesAreFiniteRecountsOrNameTheBadRow() {
        AtomicInteger edgeResults = new AtomicInteger();
        Property.forAll("cohort matrices adversary", 300, r -> {
            Rows rows = new Rows(r, r.nextBoolean(), true);
            CohortPeriod period = CohortPeriod.values()[r.nextInt(CohortPeriod.values().length)];
            ZoneId zone = r.nextBoolean() ? ZoneOffset.UTC : r.nextBoolean() ? ZoneOffset.ofHours(-18)
                    : ZoneId.of("Pacific/Apia");
            Cohorts cohorts = Cohorts.of(period, zone).withBrackets(Bracket.of(0, 0), Bracket.of(1, 3));
            CohortMatrices m = outcome(() -> cohorts.matrices(rows.ids, rows.sec, rows.amt), rows.bad);
            if (m != null) {
                checkCells(m, rows);
                edgeResults.addAndGet(rows.edges ? 1 : 0);
            }
        });
        // The generator reaches the time limits with data the matrices accept, not only with rejected data.
        assertTrue(edgeResults.get() > 20, "matrices at the time limits: " + edgeResults);
    }

    @Test
    void intIdsDenseOrSparseGiveTheMatricesOfTheirStringsOrNameTheRow() {
        Property.forAll("cohort int ids adversary", 200, r -> {
            Rows rows = new Rows(r, false, false);
            int n = rows.ids.length;
            int[] ids = new int[n];
            String[] names = new String[n];
            List<String> bad = new ArrayList<>(rows.bad);
            boolean sparse = r.nextBoolean();
            for (int i = 0; i < n; i++) {
                ids[i] = sparse ? new int[] {0, 1, 1_000_000_000, Integer.MAX_VALUE, 268_435_456}[r.nextInt(5)]
                        : r.nextInt(Math.max(1, n / 2));
                if (r.nextInt(80) == 0) {
                    ids[i] = r.nextBoolean() ? -1 : Integer.MIN_VALUE;
                    bad.add("customers[" + i + "] must be >= 0, got " + ids[i]);
                }
                names[i] = Integer.toString(ids[i]);
            }
            Cohorts cohorts = Cohorts.of(CohortPeriod.values()[r.nextInt(4)], ZoneOffset.UTC);
            CohortMatrices m = outcome(() -> cohorts.matrices(ids, rows.sec, rows.amt), bad);
            if (m != null) {
                CohortMatrices byName = cohorts.matrices(names, rows.sec, rows.amt);
                for (Measure measure : Measure.values()) {
                    assertTrue(Arrays.deepEquals(byName.matrix(measure), m.matrix(measure)), measure.name());
                }
            }
        });
    }

    @Test
    void mismatchedLengthsAreNamed() {
        Cohorts c = Cohorts.of(CohortPeriod.DAY, ZoneOffset.UTC);
        outcome(() -> c.matrices(new String[] {"a", "b"}, new long[] {START}, new double[] {1, 2}),
                List.of("epochSeconds has 1 rows but the first column has 2"));
        outcome(() -> c.matrices(new int[] {1}, new long[] {START}, new double[] {1, 2}),
                List.of("amounts has 2 rows but the first column has 1"));
        outcome(() -> CohortAccumulator.create(c).add(new String[] {"a"}, new long[0], new double[0]),
                List.of("epochSeconds has 0 rows"));
        outcome(() -> ChurnRule.inactivityDays(7, ZoneOffset.UTC).apply(new String[] {"a"}, new long[2]),
                List.of("epochSeconds has 2 rows"));
    }

    @Test
    void matricesAreBitwiseTheSameShuffledAndSplit() {
        Property.forAll("cohort order and split invariance", 150, r -> {
            Rows rows = new Rows(r, r.nextBoolean(), false);
            int n = rows.ids.length;
            if (n == 0) {
                // Nothing to split: the empty input is rejected (see matricesAreFiniteRecountsOrNameTheBadRow).
                assertTrue(rows.bad.contains("transactions must not be empty"));
                return;
            }
            CohortPeriod period = CohortPeriod.values()[r.nextInt(4)];
            Cohorts cohorts = Cohorts.of(period, ZoneId.of("Europe/Paris")).withBrackets(Bracket.of(1, 2));
            CohortMatrices whole = outcome(() -> cohorts.matrices(rows.ids, rows.sec, rows.amt), List.of());
            if (whole == null) {
                return;
            }
            // Shuffled rows, parts of whole customers, parts combined in a random order.
            int parts = Property.between(r, 1, 5);
            Map<String, Integer> partOf = new HashMap<>();
            List<List<Integer>> rowsOf = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                rowsOf.add(new ArrayList<>());
            }
            for (int i : Property.shuffledPermutation(r, n)) {
                int p = partOf.computeIfAbsent(rows.ids[i], id -> r.nextInt(parts));
                rowsOf.get(p).add(i);
            }
            List<CohortAccumulator> accs = new ArrayList<>();
            for (List<Integer> part : rowsOf) {
                accs.add(CohortAccumulator.create(cohorts).add(
                        part.stream().map(i -> rows.ids[i]).toArray(String[]::new),
                        part.stream().mapToLong(i -> rows.sec[i]).toArray(),
                        part.stream().mapToDouble(i -> rows.amt[i]).toArray()));
            }
            CohortAccumulator merged = CohortAccumulator.create(cohorts);
            for (int p : Property.shuffledPermutation(r, parts)) {
                merged.combine(accs.get(p));
            }
            CohortMatrices split = merged.snapshot();
            assertEquals(whole.labels(), split.labels());
            assertArrayEquals(whole.sizes(), split.sizes());
            for (Measure measure : Measure.values()) {
                assertTrue(Arrays.deepEquals(whole.matrix(measure), split.matrix(measure)), measure.name());
            }
            assertTrue(Arrays.deepEquals(whole.bracketMatrix(false), split.bracketMatrix(false)));
        });
    }
}
