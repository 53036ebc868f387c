package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.stats.Interval;
import io.loyalty.testkit.Outcome;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's adversary for the survival half of the cohort family (Kaplan-Meier, log-rank, sBG): durations from
 * 0 and subnormal to Double.MAX_VALUE (and NaN, infinities, negative), ties, unsorted rows, blank, null and
 * Unicode groups, mismatched lengths, empty and single-row input, sBG parameters and horizons at their limits.
 * Results are finite (but for the documented NaN standard errors and limits where the curve has reached 0, and
 * an unreached median) and in range, the same for any row order, or an IllegalArgumentException names the input.
 */
class SurvivalAdversarialTest {
    private static <T> T outcome(Supplier<T> call, List<String> badInput) {
        return Outcome.of(call, badInput);
    }

    private static final double[] EDGE_TIMES = {0, Double.MIN_VALUE, Double.MIN_NORMAL, 1, 0x1p53 + 2, 1e154,
        1e300, 1e308, Double.MAX_VALUE};
    private static final String[] GROUPS = {"a", "b", "Zoë", "群", " "};

    private static void checkCurve(SurvivalCurve c, int n) {
        assertEquals(n, c.subjects());
        double[] s = c.survival();
        double previous = 1;
        for (int i = 0; i < s.length; i++) {
            assertTrue(s[i] >= 0 && s[i] <= previous, "survival " + s[i]);
            previous = s[i];
            if (s[i] > 0) {
                // NaN is documented only where the curve has reached 0.
                assertTrue(Double.isFinite(c.standardError()[i]) && c.lower()[i] >= 0 && c.upper()[i] <= 1
                        && c.lower()[i] <= s[i] && s[i] <= c.upper()[i], c.toString());
            }
        }
        RestrictedMean rm = c.restrictedMean();
        assertTrue(Double.isFinite(rm.estimate()) && rm.estimate() >= 0 && rm.estimate() <= rm.horizon(),
                rm.toString());
        assertTrue(Double.isFinite(rm.standardError()) && rm.standardError() >= 0, rm.toString());
        Interval m = c.median();
        assertTrue(Double.isFinite(m.estimate()) || m.estimate() == Double.POSITIVE_INFINITY,
                m.toString());
    }

    @Test
    void kaplanMeierAndLogRankAreFiniteOrNameTheBadRow() {
        Property.forAll("survival adversary", 300, r -> {
            int n = switch (r.nextInt(5)) {
                case 0 -> 0;
                case 1 -> 1;
                default -> Property.between(r, 2, 120);
            };
            double[] times = new double[n];
            boolean[] events = new boolean[r.nextInt(30) == 0 ? n + 1 : n];
            String[] groups = new String[n];
            List<String> bad = new ArrayList<>();
            boolean huge = r.nextBoolean();
            for (int i = 0; i < n; i++) {
                // Ties: times from a few values, or the edges.
                times[i] = r.nextInt(3) == 0 ? EDGE_TIMES[r.nextInt(EDGE_TIMES.length)]
                        : huge ? 1e307 * r.nextInt(10) : r.nextInt(20);
                events[i] = r.nextBoolean();
                groups[i] = GROUPS[r.nextInt(GROUPS.length)];
                if (r.nextInt(60) == 0) {
                    times[i] = new double[] {-1, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY}[r.nextInt(4)];
                    bad.add("times[" + i + "] must be finite and >= 0, got " + times[i]);
                }
            }
            if (events.length != n) {
                bad.add("events has " + events.length + " rows");
            }
            if (n == 0) {
                bad.add("times must not be empty");
            }
            KaplanMeier km = KaplanMeier.withDefaults().withConfidenceType(
                    KaplanMeier.ConfidenceType.values()[r.nextInt(KaplanMeier.ConfidenceType.values().length)]);
            SurvivalCurve c = outcome(() -> km.fit(times, events), bad);
            if (c == null) {
                return;
            }
            checkCurve(c, n);
            // Row order does not matter.
            int[] p = Property.shuffledPermutation(r, n);
            double[] t2 = new double[n];
            boolean[] e2 = new boolean[n];
            String[] g2 = new String[n];
            for (int i = 0; i < n; i++) {
                t2[i] = times[p[i]];
                e2[i] = events[p[i]];
                g2[i] = groups[p[i]];
            }
            SurvivalCurve shuffled = km.fit(t2, e2);
            assertArrayEquals(c.survival(), shuffled.survival());
            assertArrayEquals(c.standardError(), shuffled.standardError());
            assertEquals(c.restrictedMean(), shuffled.restrictedMean());
            List<String> groupBad = new ArrayList<>();
            if (java.util.Arrays.stream(groups).distinct().count() < 2) {
                groupBad.add("at least two distinct groups");
            } else if (!twoGroupsAtRiskAtAnEvent(times, events, groups)) {
                groupBad.add("needs at least two groups at risk at an event time");
            }
            if (r.nextInt(20) == 0) {
                // A blank group is a label like any other; a null one is not.
                groups[r.nextInt(n)] = null;
                groupBad.add("groups[");
            }
            LogRankTest lr = outcome(() -> KaplanMeier.logRank(times, events, groups), groupBad);
            if (lr != null) {
                assertTrue(lr.chiSquare() >= 0 && Double.isFinite(lr.chiSquare()), lr.toString());
                assertTrue(lr.pValue() >= 0 && lr.pValue() <= 1, lr.toString());
                LogRankTest again = KaplanMeier.logRank(t2, e2, g2);
                assertEquals(lr.chiSquare(), again.chiSquare(), 1e-9 * Math.max(1, lr.chiSquare()));
            }
        });
    }

    /** Whether some event time has subjects of two groups at risk (time at or after it). */
    private static boolean twoGroupsAtRiskAtAnEvent(double[] times, boolean[] events, String[] groups) {
        for (int i = 0; i < times.length; i++) {
            if (events[i]) {
                java.util.Set<String> atRisk = new java.util.HashSet<>();
                for (int j = 0; j < times.length; j++) {
                    if (times[j] >= times[i]) {
                        atRisk.add(groups[j]);
                    }
                }
                if (atRisk.size() >= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void sbgDataFitsAndProjectionsAreFiniteOrNameTheInput() {
        Property.forAll("sBG adversary", 60, r -> {
            int n = Property.between(r, 1, 80);
            int[] periods = new int[n];
            boolean[] churned = new boolean[n];
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                churned[i] = r.nextBoolean();
                periods[i] = Property.between(r, churned[i] ? 1 : 0, 12);
                if (r.nextInt(40) == 0) {
                    periods[i] = new int[] {-1, Cohorts.MAX_OFFSETS + 1, Integer.MAX_VALUE}[r.nextInt(3)];
                    bad.add("periods[" + i + "]");
                }
            }
            SbgData data = outcome(() -> SbgData.ofDurations(periods, churned), bad);
            if (data == null) {
                return;
            }
            boolean fittable = false;
            boolean anyChurn = false;
            for (int i = 0; i < n; i++) {
                anyChurn |= churned[i];
                fittable |= !churned[i] && periods[i] > 0;
            }
            SbgModel m = outcome(() -> SbgFitter.withDefaults().fit(data),
                    fittable && anyChurn ? List.of() : List.of("need both churners and customers alive"));
            if (m == null) {
                return;
            }
            assertTrue(Double.isFinite(m.logLikelihood()) && m.logLikelihood() <= 0, m.toString());
            double[] alive = m.projectAlive(1e308, 100);
            for (int t = 1; t < alive.length; t++) {
                assertTrue(Double.isFinite(alive[t]) && alive[t] <= alive[t - 1], m.toString());
            }
        });
    }

    /** Horizons and durations sized the arrays by their value (Integer.MAX_VALUE overflowed to a negative size). */
    @Test
    void sbgArraysAreSizedByTheDataNotByAValue() {
        SbgModel m = SbgModel.of(0.668, 3.806);
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> m.projectAlive(1000, Integer.MAX_VALUE));
        assertTrue(h.getMessage().contains("horizon") && h.getMessage().contains("2147483647"), h.getMessage());
        assertEquals(Cohorts.MAX_OFFSETS + 1, m.projectAlive(1000, Cohorts.MAX_OFFSETS).length);
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> SbgData.ofDurations(new int[] {1, Integer.MAX_VALUE}, new boolean[] {true, false}));
        assertTrue(d.getMessage().contains("periods[1] = 2147483647"), d.getMessage());
    }

    /** Parameters at the double limits, and a discount rate too small for the lifetime series to converge. */
    @Test
    void sbgModelLimitsGiveFiniteResultsOrArgumentErrors() {
        SbgModel big = SbgModel.of(1e307, 1e307);
        assertEquals(0.5, big.retentionRate(1), 1e-15);
        assertEquals(0.25, big.survival(2), 1e-15);
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> SbgModel.of(1e308, 1e308));
        assertTrue(sum.getMessage().contains("alpha + beta"), sum.getMessage());
        SbgModel tiny = SbgModel.of(Double.MIN_VALUE, Double.MIN_VALUE);
        assertEquals(0.5, tiny.retentionRate(1), 0);
        // alpha <= 1: the undiscounted lifetime is infinite, and at d = 1e-300 the series cannot converge.
        SbgModel heavy = SbgModel.of(0.5, 2);
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> heavy.discountedExpectedLifetime(1e-300));
        assertTrue(rate.getMessage().contains("discountRate = 1.0E-300"), rate.getMessage());
        assertTrue(Double.isFinite(heavy.discountedExpectedLifetime(0.01)));
        // Fitted cohorts whose customers overflow a long are rejected by name.
        SbgData full = SbgData.ofSurvivors(Long.MAX_VALUE, Long.MAX_VALUE / 2);
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> SbgFitter.withDefaults().fit(List.of(full, full)));
        assertTrue(fit.getMessage().contains("customers of the cohorts"), fit.getMessage());
    }

    /** Durations near Double.MAX_VALUE overflowed the median midpoint and the restricted mean's variance. */
    @Test
    void survivalOfDurationsNearTheDoubleLimitIsFinite() {
        double[] times = {1e308, Double.MAX_VALUE, 1.5e308, 1.6e308};
        boolean[] events = {true, true, false, true};
        SurvivalCurve c = KaplanMeier.withDefaults().fit(times, events);
        RestrictedMean rm = c.restrictedMean();
        assertTrue(Double.isFinite(rm.estimate()) && Double.isFinite(rm.standardError()) && rm.standardError() > 0,
                rm.toString());
        // The same curve in units 2^-1000 smaller: every number scales exactly.
        double[] small = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            small[i] = Math.scalb(times[i], -1000);
        }
        RestrictedMean rs = KaplanMeier.withDefaults().fit(small, events).restrictedMean();
        assertEquals(Math.scalb(rs.estimate(), 1000), rm.estimate(), Math.ulp(rm.estimate()));
        assertEquals(Math.scalb(rs.standardError(), 1000), rm.standardError(), Math.ulp(rm.standardError()));
        // Two events at the top, the median flat at 0.5 between them.
        SurvivalCurve flat = KaplanMeier.withDefaults().fit(new double[] {1e308, Double.MAX_VALUE},
                new boolean[] {true, true});
        assertEquals(1e308 / 2 + Double.MAX_VALUE / 2, flat.median().estimate());
    }
}
