package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.testkit.Outcome;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's adversary for the Kano family: category counts from subnormal to beyond 1e307 (NaN, infinities,
 * negative zero, 2^53 + 1), answer codes off by one and at the int limits, blank, Unicode and duplicate feature
 * names, unknown and blank labels, mismatched lengths, empty and single-respondent surveys. Every call either
 * returns finite results in their documented ranges or throws an IllegalArgumentException naming the input; a
 * tally is the same however its answers were ordered or split.
 */
class KanoAdversarialTest {
    private static final double[] EDGE_COUNTS = {0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1, 2, 0x1p53 + 2,
        1e154, 1e300, 1e307, 1e308, Double.MAX_VALUE, -1, Double.NaN, Double.POSITIVE_INFINITY};
    private static final String[] ARGUMENTS = {"attractive (A)", "oneDimensional (O)", "mustBe (M)",
        "indifferent (I)", "reverse (R)", "questionable (Q)"};
    private static final Kano[] CONFIGS = {Kano.withDefaults(),
        Kano.withDefaults().withTable(EvaluationTable.qDiagonal()).withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT),
        Kano.withDefaults().withRule(ClassificationRule.TOP_TWO_WITHIN_MARGIN)};

    private static <T> T outcome(Supplier<T> call, List<String> expectedFragments) {
        return Outcome.of(call, expectedFragments);
    }

    private static void checkRanges(FeatureResult f) {
        double[] unit = {f.totalStrength(), f.categoryStrength(), f.better(), -f.worse(), f.chiSquarePValue()};
        for (double v : unit) {
            assertTrue(v >= 0 && v <= 1, f.toString());
        }
        assertTrue(f.chiSquare() >= 0 && Double.isFinite(f.chiSquare()), f.toString());
        assertTrue(f.fong().critical() >= 0 && Double.isFinite(f.fong().critical()), f.toString());
        assertTrue(Double.isFinite(f.fong().difference()), f.toString());
        double shares = 0;
        for (Category c : Category.values()) {
            double s = f.share(c);
            assertTrue(s >= 0 && s <= 1, f.toString());
            shares += s;
        }
        assertEquals(1, shares, 1e-12, f.toString());
    }

    @Test
    void categoryCountsAreFiniteResultsOrNamedRejections() {
        Property.forAll("Kano category counts adversary", 600, r -> {
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) {
                v[i] = r.nextInt(3) == 0 ? EDGE_COUNTS[r.nextInt(EDGE_COUNTS.length)] : r.nextInt(50);
            }
            List<String> bad = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < 6; i++) {
                if (!(v[i] >= 0 && v[i] < Double.POSITIVE_INFINITY)) {
                    bad.add(ARGUMENTS[i]);
                }
                total += v[i];
            }
            if (bad.isEmpty() && total > 1e307) {
                bad.add("must sum to at most");
            }
            CategoryCounts counts = outcome(() -> CategoryCounts.of(v[0], v[1], v[2], v[3], v[4], v[5]), bad);
            if (counts == null) {
                return;
            }
            for (Kano kano : CONFIGS) {
                FeatureResult f = outcome(() -> kano.evaluate("ü 特徴", counts),
                        total > 0 ? List.of() : List.of("has no answers"));
                if (f != null) {
                    checkRanges(f);
                    assertEquals(kano.classify(counts), f.category());
                }
            }
        });
    }

    @Test
    void surveysGiveFiniteResultsOrNameTheBadInput() {
        String[] labels = {"like", "I expect it", "neutral", "  live   with ", "DISLIKE", null, "", " ", "I\u2019m neutral",
            "J'aime", "好き"};
        Property.forAll("Kano survey adversary", 300, r -> {
            int n = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 1;
                default -> Property.between(r, 2, 60);
            };
            List<String> bad = new ArrayList<>();
            String name = r.nextInt(15) == 0 ? (r.nextBoolean() ? " " : "") : r.nextBoolean() ? "Zahlung 🙂" : "F";
            if (name.isBlank()) {
                bad.add("name");
            }
            FeatureAnswers feature;
            if (r.nextBoolean()) {
                int[] f = new int[n];
                int[] d = new int[r.nextInt(25) == 0 ? n + 1 : n];
                for (int i = 0; i < d.length; i++) {
                    if (i < n) {
                        f[i] = r.nextInt(30) == 0 ? new int[] {-1, 6, Integer.MIN_VALUE, Integer.MAX_VALUE}[r.nextInt(4)]
                                : Property.between(r, 0, 5);
                        if (f[i] < 0 || f[i] > 5) {
                            bad.add("functional of feature '" + name + "' must lie in 1..5 (0 = missing), got " + f[i]
                                    + " at row " + i);
                        }
                    }
                    d[i] = Property.between(r, 0, 5);
                }
                if (d.length != n) {
                    bad.add("has " + d.length + " rows but the first column has " + n);
                }
                if (name.isBlank()) {
                    bad.clear();
                    bad.add("name");
                }
                feature = outcome(() -> FeatureAnswers.ofCodes(name, f, d), bad);
            } else {
                String[] f = new String[n];
                String[] d = new String[n];
                for (int i = 0; i < n; i++) {
                    f[i] = labels[r.nextInt(labels.length)];
                    d[i] = labels[r.nextInt(labels.length)];
                    if (f[i] != null && (f[i].startsWith("J") || f[i].equals("好き"))) {
                        bad.add("unknown answer label '" + f[i] + "'");
                    }
                    if (d[i] != null && (d[i].startsWith("J") || d[i].equals("好き"))) {
                        bad.add("unknown answer label '" + d[i] + "'");
                    }
                }
                feature = outcome(() -> FeatureAnswers.ofLabels(name, f, d, AnswerVocabulary.standard()), bad);
            }
            if (feature == null) {
                return;
            }
            KanoSurvey survey = KanoSurvey.of(feature);
            long answered = 0;
            for (int i = 0; i < n; i++) {
                if (feature.functionalCodes()[i] != 0 && feature.dysfunctionalCodes()[i] != 0) {
                    answered++;
                }
            }
            for (Kano kano : CONFIGS) {
                KanoAnalysis a = outcome(() -> kano.analyze(survey),
                        answered > 0 ? List.of() : List.of("feature '" + name + "' has no respondent with both"));
                if (a != null) {
                    FeatureResult f = a.features().get(0);
                    checkRanges(f);
                    assertEquals(answered, (long) f.n());
                    assertEquals(n - answered, f.missing());
                }
            }
        });
    }

    @Test
    void featureNamesBlankOrRepeatedAreRejectedByName() {
        FeatureAnswers a = FeatureAnswers.ofCodes("Größe", new int[] {1}, new int[] {5});
        FeatureAnswers b = FeatureAnswers.ofCodes("Größe", new int[] {2}, new int[] {5});
        outcome(() -> KanoSurvey.of(a, b), List.of("two features are named 'Größe'"));
        outcome(() -> KanoAccumulator.create(List.of("x", "x")), List.of("two features are named 'x'"));
        outcome(() -> KanoAccumulator.create(Arrays.asList("x", " ")), List.of("feature name"));
        outcome(() -> KanoSurvey.of(a, FeatureAnswers.ofCodes("B", new int[] {1, 2}, new int[] {5, 5})),
                List.of("feature 'B' has 2 respondents but feature 'Größe' has 1"));
    }

    @Test
    void tallyIsTheSameShuffledAndSplit() {
        Property.forAll("Kano tally order and split invariance", 150, r -> {
            int k = Property.between(r, 1, 4);
            int n = Property.between(r, 1, 120);
            List<String> names = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                names.add("f" + j);
            }
            int[][] f = new int[n][k];
            int[][] d = new int[n][k];
            int[][] imp = new int[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    // Row 0 answers everything, so every feature has an answer to analyse.
                    f[i][j] = i == 0 ? Property.between(r, 1, 5) : Property.between(r, 0, 5);
                    d[i][j] = i == 0 ? Property.between(r, 1, 5) : Property.between(r, 0, 5);
                    imp[i][j] = Property.between(r, 0, 9);
                }
            }
            KanoAccumulator inOrder = KanoAccumulator.create(names);
            for (int i = 0; i < n; i++) {
                inOrder.add(f[i], d[i], imp[i]);
            }
            int parts = Property.between(r, 1, 5);
            KanoAccumulator[] part = new KanoAccumulator[parts];
            for (int p = 0; p < parts; p++) {
                part[p] = KanoAccumulator.create(names);
            }
            for (int i : Property.shuffledPermutation(r, n)) {
                part[r.nextInt(parts)].add(f[i], d[i], imp[i]);
            }
            KanoAccumulator merged = KanoAccumulator.create(names);
            for (int p : Property.shuffledPermutation(r, parts)) {
                merged.combine(part[p]);
            }
            assertEquals(inOrder.respondents(), merged.respondents());
            for (int j = 0; j < k; j++) {
                assertTrue(Arrays.equals(inOrder.snapshot().cells(j), merged.snapshot().cells(j)));
                assertTrue(Arrays.equals(inOrder.snapshot().importance(j), merged.snapshot().importance(j)));
            }
            for (Kano kano : CONFIGS) {
                // Records compare their doubles bitwise (Double.compare).
                assertEquals(kano.analyze(inOrder.snapshot()).features(), kano.analyze(merged.snapshot()).features());
            }
        });
    }
}
