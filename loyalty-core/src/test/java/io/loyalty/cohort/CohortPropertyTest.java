package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices.Measure;
import io.loyalty.stats.Interval;
import io.loyalty.testkit.Property;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded invariants of cohort matrices, churn durations and Kaplan-Meier curves. */
class CohortPropertyTest {
    private static final long START = 1_600_000_000L;

    /** Random transactions: dense ids, times over about two years, whole amounts (so sums are exact). */
    private static final class Data {
        final int[] cust;
        final long[] sec;
        final double[] amt;

        Data(SplittableRandom r) {
            int n = Property.between(r, 1, 300);
            int m = Property.between(r, 1, 40);
            cust = new int[n];
            sec = new long[n];
            amt = new double[n];
            for (int i = 0; i < n; i++) {
                cust[i] = r.nextInt(m);
                sec[i] = START + r.nextLong(730L * 86_400);
                amt[i] = r.nextInt(100);
            }
        }

        Data permuted(int[] p) {
            Data d = new Data(new SplittableRandom(0));
            return d.fill(this, p);
        }

        private Data fill(Data from, int[] p) {
            int[] c = new int[p.length];
            long[] s = new long[p.length];
            double[] a = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                c[i] = from.cust[p[i]];
                s[i] = from.sec[p[i]];
                a[i] = from.amt[p[i]];
            }
            return new Data(c, s, a);
        }

        Data(int[] c, long[] s, double[] a) {
            cust = c;
            sec = s;
            amt = a;
        }
    }

    @Test
    void retentionMatricesHoldTheirInvariants() {
        Property.forAll("cohort matrices", 200, r -> {
            Data d = new Data(r);
            CohortPeriod period = CohortPeriod.values()[r.nextInt(4)];
            ZoneId zone = r.nextBoolean() ? ZoneId.of("UTC") : ZoneId.of("America/New_York");
            Cohorts cohorts = Cohorts.of(period, zone).withBrackets(Bracket.of(1, 1), Bracket.of(2, 5));
            int[] before = d.cust.clone();
            CohortMatrices m = cohorts.matrices(d.cust, d.sec, d.amt);
            assertArrayEquals(before, d.cust, "input mutated");
            double[][] on = m.matrix(Measure.RETURN_ON_SHARE);
            double[][] after = m.matrix(Measure.RETURN_ON_OR_AFTER_SHARE);
            double[][] cum = m.matrix(Measure.CUMULATIVE_REVENUE_PER_CUSTOMER);
            long total = 0;
            for (int c = 0; c < m.cohortCount(); c++) {
                total += m.sizes()[c];
                assertEquals(1.0, on[c][0], "offset 0 of cohort " + c);
                assertEquals(1.0, after[c][0]);
                for (int k = 0; k < on[c].length; k++) {
                    assertTrue(after[c][k] >= on[c][k], "on-or-after >= on at " + c + "," + k);
                    assertTrue(on[c][k] >= 0 && on[c][k] <= 1);
                    if (k > 0) {
                        assertTrue(after[c][k] <= after[c][k - 1], "on-or-after non-increasing");
                        assertTrue(cum[c][k] >= cum[c][k - 1], "cumulative revenue non-decreasing");
                    }
                }
                double[] br = m.bracketMatrix(true)[c];
                for (double v : br) {
                    assertTrue(v >= 0 && v <= 1);
                }
            }
            assertEquals(Arrays.stream(d.cust).distinct().count(), total, "every customer in one cohort");
            int[] p = Property.shuffledPermutation(r, d.cust.length);
            Data q = d.permuted(p);
            CohortMatrices m2 = cohorts.matrices(q.cust, q.sec, q.amt);
            for (Measure measure : Measure.values()) {
                assertTrue(Arrays.deepEquals(m.matrix(measure), m2.matrix(measure)), "order changed " + measure);
            }
            assertTrue(Arrays.deepEquals(m.bracketMatrix(false), m2.bracketMatrix(false)));
            assertEquals(m.labels(), m2.labels());
        });
    }

    @Test
    void kaplanMeierIsAMonotoneCurveInsideItsLimits() {
        Property.forAll("kaplan-meier", 200, r -> {
            int n = Property.between(r, 1, 200);
            double[] t = new double[n];
            boolean[] e = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(30);
                e[i] = r.nextDouble() < 0.7;
            }
            KaplanMeier km = KaplanMeier.withDefaults().withConfidenceType(
                    KaplanMeier.ConfidenceType.values()[r.nextInt(3)]);
            SurvivalCurve c = km.fit(t, e);
            double[] s = c.survival();
            double[] lo = c.lower();
            double[] hi = c.upper();
            long events = 0;
            for (int i = 0; i < s.length; i++) {
                assertTrue(s[i] >= 0 && s[i] <= 1);
                assertTrue(i == 0 || s[i] <= s[i - 1], "non-increasing");
                if (!Double.isNaN(lo[i])) {
                    assertTrue(lo[i] <= s[i] + 1e-15 && s[i] <= hi[i] + 1e-15, "interval contains the estimate");
                    assertTrue(lo[i] >= 0 && hi[i] <= 1);
                } else {
                    assertEquals(0.0, s[i], "limits are NaN only where the curve reached 0");
                }
                events += c.events()[i] + c.censored()[i];
            }
            assertEquals(n, events, "every subject leaves once");
            Interval med = c.median();
            assertTrue(med.lower() <= med.estimate() && med.estimate() <= med.upper(), med.toString());
            int[] p = Property.shuffledPermutation(r, n);
            double[] t2 = new double[n];
            boolean[] e2 = new boolean[n];
            for (int i = 0; i < n; i++) {
                t2[i] = t[p[i]];
                e2[i] = e[p[i]];
            }
            SurvivalCurve c2 = km.fit(t2, e2);
            assertArrayEquals(s, c2.survival());
            assertArrayEquals(c.standardError(), c2.standardError());
        });
    }

    @Test
    void churnDurationsAreOrderFreeAndBoundedByTheData() {
        Property.forAll("churn durations", 100, r -> {
            Data d = new Data(r);
            String[] ids = new String[d.cust.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = "c" + d.cust[i];
            }
            ChurnRule rule = ChurnRule.inactivityDays(Property.between(r, 1, 120), ZoneId.of("UTC"));
            ChurnDurations a = rule.apply(ids, d.sec);
            int[] p = Property.shuffledPermutation(r, ids.length);
            String[] ids2 = new String[ids.length];
            long[] sec2 = new long[ids.length];
            for (int i = 0; i < p.length; i++) {
                ids2[i] = ids[p[i]];
                sec2[i] = d.sec[p[i]];
            }
            ChurnDurations b = rule.apply(ids2, sec2);
            List<String> ia = a.ids();
            for (int i = 0; i < ia.size(); i++) {
                int j = b.ids().indexOf(ia.get(i));
                assertEquals(a.durations()[i], b.durations()[j], "duration of " + ia.get(i));
                assertEquals(a.churned()[i], b.churned()[j]);
                long span = a.lastDay().toEpochDay() - a.firstPurchaseDays()[i].toEpochDay();
                assertTrue(a.durations()[i] >= 0 && a.durations()[i] <= span);
            }
        });
    }
}
