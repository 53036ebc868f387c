package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the Kano analysis on seeded random surveys. */
class KanoPropertiesTest {
    private static final Kano[] CONFIGS = {Kano.withDefaults(),
        Kano.withDefaults().withTable(EvaluationTable.qDiagonal()).withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT),
        Kano.withDefaults().withRule(ClassificationRule.TOP_TWO_WITHIN_MARGIN)};

    /**
     * Answer codes with a random skew per feature, some missing. The first two respondents always give both
     * answers, so that every feature (and every segment holding one of them) has answers to analyse: the
     * properties run on every trial, and input without answers is tested on its own
     * ({@link #aFeatureOrSegmentWithoutAnswersIsRejectedByName()}).
     */
    private static byte[][] codes(SplittableRandom r, int n) {
        byte[] f = new byte[n];
        byte[] d = new byte[n];
        int biasF = Property.between(r, 1, 5);
        int biasD = Property.between(r, 1, 5);
        for (int i = 0; i < n; i++) {
            boolean answered = i < 2 || r.nextInt(20) != 0;
            f[i] = (byte) (!answered && r.nextBoolean() ? 0 : r.nextBoolean() ? biasF : Property.between(r, 1, 5));
            d[i] = (byte) (!answered && f[i] != 0 ? 0 : r.nextBoolean() ? biasD : Property.between(r, 1, 5));
        }
        return new byte[][] {f, d};
    }

    private static KanoSurvey survey(SplittableRandom r, int n, int features) {
        List<FeatureAnswers> list = new ArrayList<>();
        for (int k = 0; k < features; k++) {
            byte[][] c = codes(r, n);
            byte[] imp = new byte[n];
            for (int i = 0; i < n; i++) {
                imp[i] = (byte) Property.between(r, 0, 9);
            }
            list.add(FeatureAnswers.ofCodes("F" + k, c[0], c[1]).withImportance(imp));
        }
        return KanoSurvey.of(list);
    }

    @Test
    void aFeatureOrSegmentWithoutAnswersIsRejectedByName() {
        Property.forAll("no answers", 50, r -> {
            int n = Property.between(r, 1, 50);
            byte[][] c = codes(r, n);
            // Feature "E" has no respondent with both answers: each row misses one answer or both.
            byte[] f = new byte[n];
            byte[] d = new byte[n];
            for (int i = 0; i < n; i++) {
                int which = r.nextInt(3);
                f[i] = (byte) (which == 0 ? 0 : Property.between(r, 1, 5));
                d[i] = (byte) (which == 0 ? Property.between(r, 0, 5) : 0);
            }
            KanoSurvey s = KanoSurvey.of(FeatureAnswers.ofCodes("F", Arrays.copyOf(c[0], n),
                    Arrays.copyOf(c[1], n)), FeatureAnswers.ofCodes("E", f, d));
            for (Kano kano : CONFIGS) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kano.analyze(s));
                assertTrue(e.getMessage().contains("'E'") && e.getMessage().contains(n + " missing"), e.getMessage());
            }
            // A segment made only of unanswered rows of feature "F".
            byte[] f2 = Arrays.copyOf(c[0], n + 1);
            byte[] d2 = Arrays.copyOf(c[1], n + 1);
            String[] seg = new String[n + 1];
            Arrays.fill(seg, "main");
            seg[n] = "empty";
            KanoSurvey withEmpty = KanoSurvey.of(FeatureAnswers.ofCodes("F", f2, d2)).withSegments(seg);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Kano.withDefaults().analyzeBySegment(withEmpty));
            assertTrue(e.getMessage().contains("'F'") && e.getMessage().contains("'empty'"), e.getMessage());
        });
    }

    @Test
    void sharesSumToOneAndCoefficientsStayInRange() {
        Property.forAll("shares and ranges", 200, r -> {
            KanoSurvey s = survey(r, Property.between(r, 30, 300), 3);
            for (Kano kano : CONFIGS) {
                for (FeatureResult f : kano.analyze(s).features()) {
                    double sum = 0;
                    for (Category c : Category.values()) {
                        sum += f.share(c);
                    }
                    assertEquals(1, sum, 1e-12);
                    assertTrue(f.better() >= 0 && f.better() <= 1);
                    assertTrue(f.worse() >= -1 && f.worse() <= 0);
                    assertTrue(f.totalStrength() >= 0 && f.totalStrength() <= 1);
                    assertEquals(s.respondents(), f.n() + f.missing(), 0);
                }
            }
        });
    }

    @Test
    void classificationDoesNotDependOnRespondentOrder() {
        Property.forAll("respondent order", 100, r -> {
            int n = Property.between(r, 10, 200);
            byte[][] c = codes(r, n);
            int[] p = Property.shuffledPermutation(r, n);
            byte[] f2 = new byte[n];
            byte[] d2 = new byte[n];
            for (int i = 0; i < n; i++) {
                f2[i] = c[0][p[i]];
                d2[i] = c[1][p[i]];
            }
            KanoSurvey a = KanoSurvey.of(FeatureAnswers.ofCodes("F", c[0], c[1]));
            KanoSurvey b = KanoSurvey.of(FeatureAnswers.ofCodes("F", f2, d2));
            for (Kano kano : CONFIGS) {
                FeatureResult x = kano.analyze(a).feature("F");
                FeatureResult y = kano.analyze(b).feature("F");
                assertEquals(x.category(), y.category());
                assertEquals(x.counts(), y.counts());
                assertEquals(x.continuous().orElseThrow().functionalMean(),
                        y.continuous().orElseThrow().functionalMean(), 1e-12);
            }
        });
    }

    @Test
    void aRespondentInQuestionableCellsChangesOnlyTheQuestionableCount() {
        Property.forAll("all-Q respondent", 100, r -> {
            int n = Property.between(r, 10, 100);
            byte[][] c = codes(r, n);
            // like/like and dislike/dislike are Q in both built-in tables.
            byte q = (byte) (r.nextBoolean() ? 1 : 5);
            byte[] f2 = java.util.Arrays.copyOf(c[0], n + 1);
            byte[] d2 = java.util.Arrays.copyOf(c[1], n + 1);
            f2[n] = q;
            d2[n] = q;
            for (Kano kano : CONFIGS) {
                CategoryCounts x = kano.analyze(KanoSurvey.of(FeatureAnswers.ofCodes("F", f2, d2))).feature("F")
                        .counts();
                CategoryCounts plain = kano.analyze(KanoSurvey.of(FeatureAnswers.ofCodes("F", c[0], c[1])))
                        .feature("F").counts();
                assertEquals(plain.questionable() + 1, x.questionable(), 0);
                for (Category cat : new Category[] {Category.ATTRACTIVE, Category.ONE_DIMENSIONAL, Category.MUST_BE,
                    Category.INDIFFERENT, Category.REVERSE}) {
                    assertEquals(plain.get(cat), x.get(cat), 0);
                }
            }
        });
    }

    @Test
    void continuousScoresMatchTheDirectDefinition() {
        Property.forAll("DuMouchel", 100, r -> {
            int n = Property.between(r, 2, 200);
            byte[][] c = codes(r, n);
            double sf = 0;
            double sd = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (c[0][i] != 0 && c[1][i] != 0) {
                    sf += ContinuousScores.FUNCTIONAL[c[0][i]];
                    sd += ContinuousScores.DYSFUNCTIONAL[c[1][i]];
                    m++;
                }
            }
            assertTrue(m >= 2, "the generator answers the first two rows");
            double mf = sf / m;
            double md = sd / m;
            double vf = 0;
            for (int i = 0; i < n; i++) {
                if (c[0][i] != 0 && c[1][i] != 0) {
                    double e = ContinuousScores.FUNCTIONAL[c[0][i]] - mf;
                    vf += e * e;
                }
            }
            ContinuousScores s = Kano.withDefaults().analyze(KanoSurvey.of(FeatureAnswers.ofCodes("F", c[0], c[1])))
                    .feature("F").continuous().orElseThrow();
            assertEquals(mf, s.functionalMean(), 1e-12);
            assertEquals(md, s.dysfunctionalMean(), 1e-12);
            assertEquals(Math.sqrt(vf / (m - 1)), s.functionalSd(), 1e-12);
            assertEquals(m, s.n());
        });
    }

    @Test
    void segmentCountsAddUpToTheWhole() {
        Property.forAll("segments partition", 50, r -> {
            int n = Property.between(r, 60, 300);
            KanoSurvey s = survey(r, n, 2);
            String[] seg = new String[n];
            for (int i = 0; i < n; i++) {
                // Rows 0 and 1 (always answered) open one segment each.
                seg[i] = "s" + (i < 2 ? i : r.nextInt(2));
            }
            s = s.withSegments(seg);
            KanoAnalysis all = Kano.withDefaults().analyze(s);
            java.util.Map<String, KanoAnalysis> by = Kano.withDefaults().analyzeBySegment(s);
            assertEquals(2, by.size());
            for (FeatureResult f : all.features()) {
                double total = 0;
                long missing = 0;
                for (KanoAnalysis a : by.values()) {
                    total += a.feature(f.feature()).n();
                    missing += a.feature(f.feature()).missing();
                }
                assertEquals(f.n(), total, 0);
                assertEquals(f.missing(), missing);
            }
        });
    }

    @Test
    void aTallyFedRowByRowAndInPartsEqualsTheWholeSurvey() {
        Property.forAll("tally merge", 50, r -> {
            int n = Property.between(r, 30, 200);
            KanoSurvey s = survey(r, n, 3);
            List<String> names = s.features().stream().map(FeatureAnswers::name).toList();
            KanoAccumulator left = KanoAccumulator.create(names);
            KanoAccumulator right = KanoAccumulator.create(names);
            int cut = r.nextInt(n + 1);
            for (int i = 0; i < n; i++) {
                int[] f = new int[3];
                int[] d = new int[3];
                int[] imp = new int[3];
                for (int j = 0; j < 3; j++) {
                    f[j] = s.features().get(j).functionalCodes()[i];
                    d[j] = s.features().get(j).dysfunctionalCodes()[i];
                    imp[j] = s.features().get(j).importanceCodes()[i];
                }
                (i < cut ? left : right).add(f, d, imp);
            }
            KanoAnalysis whole = Kano.withDefaults().analyze(s);
            KanoAnalysis merged = Kano.withDefaults().analyze(left.combine(right).snapshot());
            KanoAnalysis bulk = Kano.withDefaults().analyze(KanoAccumulator.create(names).addAll(s).snapshot());
            assertEquals(whole.features(), merged.features());
            assertEquals(whole.features(), bulk.features());
            assertEquals(n, merged.respondents());
        });
    }
}
