package io.loyalty.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.AttributionComparison;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.HoldoutValidation;
import io.loyalty.clv.ModifiedBetaGeoModel;
import io.loyalty.clv.ParetoNbdModel;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.cohort.KaplanMeier;
import io.loyalty.cohort.SbgModel;
import io.loyalty.cohort.SurvivalCurve;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.experiment.ArmSummary;
import io.loyalty.experiment.Comparison;
import io.loyalty.experiment.Means;
import io.loyalty.experiment.Proportions;
import io.loyalty.kano.FeatureAnswers;
import io.loyalty.kano.Kano;
import io.loyalty.kano.KanoAnalysis;
import io.loyalty.kano.KanoSurvey;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.privacy.DpCohorts;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.stats.Interval;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every chart draws headless into a valid PNG of its size from small inputs built with the core's public API; bad
 * arguments are rejected with {@link IllegalArgumentException} naming them; SVG works; the digest follows the data.
 */
class ChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final LocalDate END = LocalDate.of(2024, 12, 31);
    private static final BetaGeoModel BG = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426);

    /** 300 customers over two years with seeded, uneven purchase rates. */
    private static List<Transaction> log() {
        SplittableRandom random = new SplittableRandom(7);
        List<Transaction> out = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(600));
            double rate = random.nextDouble() * 0.05;
            while (!day.isAfter(END)) {
                out.add(Transaction.of("c" + c, day, 5 + random.nextInt(200)));
                day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / Math.max(rate, 1e-3)));
            }
        }
        return out;
    }

    private static CustomerSummaries weekly() {
        return Summarizer.of(PeriodRule.days().withUnit(7), END).summarize(log());
    }

    private static RfmScores scores() {
        return RfmScorer.withDefaults().score(log(), END.plusDays(1));
    }

    private static CohortMatrices cohorts() {
        return Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2024, 12, 31)).matrices(log());
    }

    private static KanoAnalysis kano() {
        int[][] f = {{2, 2, 1, 3, 2, 4, 2, 2}, {1, 1, 1, 2, 1, 1, 3, 1}, {3, 3, 3, 3, 2, 3, 3, 4}};
        int[][] d = {{5, 5, 4, 5, 5, 3, 5, 5}, {5, 4, 5, 5, 5, 5, 3, 4}, {3, 3, 3, 4, 5, 3, 3, 3}};
        List<FeatureAnswers> features = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            features.add(FeatureAnswers.ofCodes("feature " + i, f[i], d[i]));
        }
        return Kano.withDefaults().analyze(KanoSurvey.of(features));
    }

    private static NpsBreakdown nps(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] quarter = new String[400];
        int[] answers = new int[400];
        for (int i = 0; i < answers.length; i++) {
            quarter[i] = "2024-Q" + (1 + i % 4);
            answers[i] = random.nextInt(11);
        }
        return NpsCalculator.withDefaults().bySegment("quarter", quarter, answers);
    }

    private static List<Comparison> comparisons() {
        return List.of(Proportions.compare("A vs control", "visit rate", 120, 1000, 100, 1000, 0.95),
                Proportions.compare("B vs control", "visit rate", 180, 1000, 100, 1000, 0.95),
                Proportions.compare("C vs control", "visit rate", 95, 1000, 100, 1000, 0.95));
    }

    private static Map<String, Supplier<Chart>> everyChart() {
        Map<String, Supplier<Chart>> charts = new LinkedHashMap<>();
        charts.put("rfm heatmap", () -> RfmCharts.heatmap(scores()));
        charts.put("rfm segment bars", () -> RfmCharts.segmentBars(scores().summary()));
        charts.put("rfm segment shares", () -> RfmCharts.segmentShares(scores().summary()));
        for (RfmCharts.Measure m : RfmCharts.Measure.values()) {
            charts.put("rfm histogram " + m, () -> RfmCharts.histogram(scores(), m));
        }
        charts.put("clv expected purchases", () -> ClvCharts.expectedPurchasesMatrix(BG, 52, 78, 20));
        charts.put("clv p alive", () -> ClvCharts.probabilityAliveMatrix(BG, 78, 20));
        charts.put("clv period transactions", () -> ClvCharts.periodTransactions(BG, weekly(), 7));
        charts.put("clv period transactions pareto", () -> ClvCharts.periodTransactions(
                ParetoNbdModel.of(0.55, 10.58, 0.61, 11.67), weekly(), 7));
        charts.put("clv period transactions mbg", () -> ClvCharts.periodTransactions(
                ModifiedBetaGeoModel.of(0.25, 4.4, 0.8, 2.4), weekly(), 7));
        charts.put("clv holdout", () -> {
            CustomerSummaries s = weekly();
            double[] holdout = new double[s.size()];
            Arrays.fill(holdout, 1);
            return ClvCharts.calibrationVsHoldout(HoldoutValidation.of(BG, s.frequencyAsDouble(), s.recency(),
                    s.t(), holdout, 26, 7));
        });
        charts.put("clv history", () -> ClvCharts.probabilityAliveHistory(BG, PeriodRule.days().withUnit(7),
                log().stream().filter(t -> t.customerId().equals("c3")).toList(), END.atStartOfDay()
                        .toInstant(ZoneOffset.UTC)));
        charts.put("churn p alive by recency", () -> ChurnCharts.probabilityAliveByRecency(
                io.loyalty.churn.ChurnWarning.withDefaults().withModels(BG, io.loyalty.clv.GammaGammaModel.of(6.25,
                        3.74, 15.44)).list(weekly())));
        charts.put("cohort heatmap", () -> CohortCharts.retentionHeatmap(cohorts(), 12));
        charts.put("cohort curves", () -> CohortCharts.retentionCurves(cohorts(), 12));
        double[] times = {3, 5, 5, 8, 12, 13, 20, 21, 30, 31};
        boolean[] events = {true, true, false, true, true, false, true, false, true, false};
        String[] groups = {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b"};
        charts.put("km one", () -> CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fit(times, events)));
        charts.put("km groups", () -> CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fitByGroup(times, events,
                groups), KaplanMeier.logRank(times, events, groups)));
        charts.put("sbg", () -> CohortCharts.sbgProjection(Map.of("high end", SbgModel.of(0.668, 3.806)),
                Map.of("high end", new long[] {1000, 869, 743, 653, 593, 551, 517, 491, 468}), 8));
        charts.put("attribution", () -> AttributionCharts.comparison(AttributionComparison.of(List.of(
                Attribution.of("first touch", List.of("email", "search"), new double[] {3, 7}, new double[] {30, 70}),
                Attribution.of("last touch", List.of("email", "search"), new double[] {6, 4},
                        new double[] {60, 40})))));
        charts.put("kano", () -> KanoCharts.betterWorse(kano()));
        charts.put("nps one", () -> NpsCharts.trend(nps(1)));
        charts.put("nps segments", () -> {
            Map<String, NpsBreakdown> m = new LinkedHashMap<>();
            m.put("north", nps(1));
            m.put("south", nps(2));
            return NpsCharts.trend(m);
        });
        charts.put("forest", () -> ExperimentCharts.forest(comparisons()));
        return charts;
    }

    @Test
    void everyChartDrawsHeadlessIntoAValidPngOfItsSize() throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless(), "the tests run as a server would, without a display");
        for (Map.Entry<String, Supplier<Chart>> e : everyChart().entrySet()) {
            Chart chart = e.getValue().get();
            byte[] png = chart.toPng();
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), e.getKey() + ": PNG signature");
            // IHDR: width and height are the first two big-endian ints after the 8-byte signature and 8-byte header.
            ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
            assertEquals(800, header.getInt(), e.getKey() + ": width");
            assertEquals(500, header.getInt(), e.getKey() + ": height");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(800, image.getWidth(), e.getKey());
            assertTrue(png.length > 5_000, e.getKey() + ": an almost empty image, " + png.length + " bytes");
            assertEquals(64, chart.dataDigest().length(), e.getKey());
        }
    }

    @Test
    void anEmptyWarningListIsRejectedNamingIt() {
        io.loyalty.churn.WarningList empty = io.loyalty.churn.ChurnWarning.withDefaults()
                .withModels(BG, io.loyalty.clv.GammaGammaModel.of(6.25, 3.74, 15.44))
                .withReasons(java.util.EnumSet.of(io.loyalty.churn.Reason.LOW_P_ALIVE)).withAliveThreshold(0)
                .list(weekly());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnCharts.probabilityAliveByRecency(empty));
        assertTrue(e.getMessage().startsWith("list must hold at least one row"), e.getMessage());
    }

    @Test
    void edgeInputsStillDraw() {
        Map<String, Supplier<Chart>> charts = new LinkedHashMap<>();
        RfmScores one = RfmScorer.withDefaults().score(new String[] {"only"}, new double[] {3}, new double[] {1},
                new double[] {10});
        charts.put("one customer heatmap", () -> RfmCharts.heatmap(one));
        charts.put("one customer histogram", () -> RfmCharts.histogram(one, RfmCharts.Measure.MONETARY));
        RfmScores extreme = RfmScorer.withDefaults().withMethod(io.loyalty.rfm.ScoringMethod.NTILE).score(
                new String[] {"a", "b", "c"}, new double[] {0, 1, 2}, new double[] {1, 2, 3},
                new double[] {1e-300, 1e300, 1.7e308});
        charts.put("extreme monetary histogram", () -> RfmCharts.histogram(extreme, RfmCharts.Measure.MONETARY));
        charts.put("all censored", () -> CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fit(new double[] {1, 2},
                new boolean[] {false, false})));
        charts.put("everyone churns at once", () -> CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fit(
                new double[] {4, 4, 4}, new boolean[] {true, true, true})));
        charts.put("first period only", () -> CohortCharts.retentionHeatmap(cohorts(), 0));
        charts.put("one purchase", () -> ClvCharts.probabilityAliveHistory(BG, PeriodRule.days(),
                List.of(Transaction.of("a", END, 1)), END.atStartOfDay().toInstant(ZoneOffset.UTC)));
        charts.put("one row", () -> ExperimentCharts.forest(comparisons().subList(0, 1)));
        charts.put("no difference", () -> ExperimentCharts.forest(List.of(new Comparison("A vs control",
                "visit rate", true, 0.1, 0.1, Interval.of(0, 0, 0, 0.95, "none"), 1, 0.95, "none"))));
        for (Map.Entry<String, Supplier<Chart>> e : charts.entrySet()) {
            byte[] png = e.getValue().get().toPng();
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), e.getKey());
        }
    }

    @Test
    void svgIsWrittenHeadlessToo(@TempDir Path dir) throws IOException {
        Path file = RfmCharts.heatmap(scores()).writeSvg(dir.resolve("heatmap.svg"));
        String svg = Files.readString(file);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.trim().endsWith("</svg>"), svg.substring(0,
                Math.min(200, svg.length())));
        assertTrue(svg.contains("width=\"800px\"") && svg.contains("<path"), "drawn at its size, with outlines");
        Path png = ExperimentCharts.forest(comparisons()).withSize(400, 300).writePng(dir.resolve("forest.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void kaplanMeierTimeAxisNamesTheUnitWhenKnown() {
        double[] times = {3, 5, 5, 8, 12, 13, 20, 21};
        boolean[] events = {true, true, false, true, true, false, true, false};
        String[] groups = {"a", "b", "a", "b", "a", "b", "a", "b"};
        io.loyalty.cohort.ChurnDurations churn = io.loyalty.cohort.ChurnRule.inactivityDays(30, ZoneOffset.UTC)
                .apply(new String[] {"x", "y", "x", "z"}, new long[] {0, 86_400, 40 * 86_400L, 50 * 86_400L});
        Chart days = CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fit(churn));
        assertEquals("days since first purchase", days.xchart().getXAxisTitle(), "axis of a churn-duration curve");
        Chart weeks = CohortCharts.kaplanMeier(KaplanMeier.withDefaults().withTimeUnit("weeks").fit(times, events));
        assertEquals("time (weeks)", weeks.xchart().getXAxisTitle(), "axis of raw times in a named unit");
        Chart bare = CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fit(times, events));
        assertEquals("time", bare.xchart().getXAxisTitle(), "no unit when the caller named none");
        assertNotEquals(bare.dataDigest(), weeks.dataDigest(), "the axis title is part of what the chart shows");
        Chart grouped = CohortCharts.kaplanMeier(KaplanMeier.withDefaults().fitByGroup(churn,
                new String[] {"g", "h", "g"}), KaplanMeier.logRank(churn.durations(), churn.churned(),
                        new String[] {"g", "h", "g"}));
        assertEquals("days since first purchase", grouped.xchart().getXAxisTitle(), "axis of grouped churn curves");
        Chart mixed = CohortCharts.kaplanMeier(List.of(KaplanMeier.withDefaults().fit(churn),
                KaplanMeier.withDefaults().withTimeUnit("weeks").fit(times, events)), KaplanMeier.logRank(times,
                        events, groups));
        assertEquals("time", mixed.xchart().getXAxisTitle(), "curves in different units");
    }

    @Test
    void theDigestFollowsTheDataAndTheTitleNotTheSize() {
        Chart a = ExperimentCharts.forest(comparisons());
        assertEquals(a.dataDigest(), ExperimentCharts.forest(comparisons()).dataDigest(), "same data, same digest");
        assertEquals(a.dataDigest(), a.withSize(1000, 600).dataDigest());
        assertNotEquals(a.dataDigest(), a.withTitle("Another title").dataDigest());
        assertEquals("Another title", a.withTitle("Another title").title());
        List<Comparison> changed = new ArrayList<>(comparisons());
        changed.set(2, Proportions.compare("C vs control", "visit rate", 96, 1000, 100, 1000, 0.95));
        assertNotEquals(a.dataDigest(), ExperimentCharts.forest(changed).dataDigest(), "one count changed");
        assertNotEquals(ClvCharts.probabilityAliveMatrix(BG, 78, 20).dataDigest(),
                ClvCharts.probabilityAliveMatrix(BetaGeoModel.of(0.243, 4.414, 0.793, 2.5), 78, 20).dataDigest());
    }

    @Test
    void nullAndEmptyInputsAreRejectedNamingTheArgument() {
        expect("scores", () -> RfmCharts.heatmap(null));
        expect("scores", () -> RfmCharts.histogram(null, RfmCharts.Measure.MONETARY));
        expect("measure", () -> RfmCharts.histogram(scores(), null));
        expect("summary", () -> RfmCharts.segmentBars(null));
        expect("summary", () -> RfmCharts.segmentShares(null));
        expect("model", () -> ClvCharts.expectedPurchasesMatrix(null, 52, 78, 20));
        expect("horizon", () -> ClvCharts.expectedPurchasesMatrix(BG, Double.NaN, 78, 20));
        expect("age", () -> ClvCharts.probabilityAliveMatrix(BG, 0, 20));
        expect("maxFrequency", () -> ClvCharts.probabilityAliveMatrix(BG, 78, 0));
        expect("maxFrequency", () -> ClvCharts.probabilityAliveMatrix(BG, 78, Integer.MAX_VALUE));
        expect("customers", () -> ClvCharts.periodTransactions(BG, null, 7));
        expect("model", () -> ClvCharts.periodTransactions((BetaGeoModel) null, weekly(), 7));
        expect("validation", () -> ClvCharts.calibrationVsHoldout(null));
        expect("purchases", () -> ClvCharts.probabilityAliveHistory(BG, PeriodRule.days(), List.of(),
                END.atStartOfDay().toInstant(ZoneOffset.UTC)));
        expect("purchases at row 1", () -> ClvCharts.probabilityAliveHistory(BG, PeriodRule.days(),
                List.of(Transaction.of("a", END, 1), Transaction.of("b", END, 1)),
                END.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        expect("end", () -> ClvCharts.probabilityAliveHistory(BG, PeriodRule.days(),
                List.of(Transaction.of("a", END, 1)), null));
        expect("matrices", () -> CohortCharts.retentionHeatmap(null, 12));
        expect("shares", () -> CohortCharts.dpRetentionHeatmap(null, 12));
        expect("maxOffset", () -> CohortCharts.dpRetentionHeatmap(dpShares(), -1));
        expect("maxOffset", () -> CohortCharts.retentionCurves(cohorts(), -1));
        expect("curve", () -> CohortCharts.kaplanMeier(null));
        expect("curves", () -> CohortCharts.kaplanMeier(List.of(), KaplanMeier.logRank(new double[] {1, 2},
                new boolean[] {true, true}, new String[] {"a", "b"})));
        expect("test", () -> CohortCharts.kaplanMeier(List.<SurvivalCurve>of(), null));
        expect("models", () -> CohortCharts.sbgProjection(Map.of(), Map.of(), 8));
        expect("survivors", () -> CohortCharts.sbgProjection(Map.of("a", SbgModel.of(1, 1)), Map.of(), 8));
        expect("comparison", () -> AttributionCharts.comparison(null));
        expect("analysis", () -> KanoCharts.betterWorse(null));
        expect("byPeriod", () -> NpsCharts.trend((NpsBreakdown) null));
        expect("bySegment", () -> NpsCharts.trend(Map.of()));
        expect("comparisons", () -> ExperimentCharts.forest(List.of()));
        expect("comparisons", () -> ExperimentCharts.forest(null));
        expect("comparisons at row 1", () -> ExperimentCharts.forest(List.of(comparisons().get(0),
                Means.compare("A vs control", "spend", ArmSummary.of(new double[] {1, 2, 3}),
                        ArmSummary.of(new double[] {1, 1, 2}), 0.95))));
        Chart chart = ExperimentCharts.forest(comparisons());
        expect("newWidth", () -> chart.withSize(Chart.MAX_SIDE + 1, 500));
        expect("newHeight", () -> chart.withSize(800, 0));
        expect("newTitle", () -> chart.withTitle(" "));
        expect("file", () -> chart.writePng(null));
        expect("file", () -> chart.writeSvg(null));
    }

    private static void expect(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage() != null && e.getMessage().contains(argument),
                "the message names " + argument + ": " + e.getMessage());
    }

    /** DP retention shares of three customers over three months (noisy: the release draws its own noise). */
    private static DpTable dpShares() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        long t = from.getEpochSecond();
        return DpCohorts.shares(DpCohorts.retention(
                new String[] {"a", "a", "b", "c"}, new long[] {t, t + 40 * 86_400L, t + 35 * 86_400L, t + 70 * 86_400L},
                PeriodRule.months(), from, Instant.parse("2024-03-31T23:59:59Z"), 2,
                PrivacyCost.laplace(1), PrivacyBudget.of(1, 0)));
    }

    @Test
    void dpRetentionHeatmapDrawsEveryReleasedCell() {
        DpTable shares = dpShares();
        Chart chart = CohortCharts.dpRetentionHeatmap(shares, 5);
        assertTrue(chart.toPng().length > 1000);
        assertTrue(chart.title().contains("differentially private"), chart.title());
    }

    /** Issue 19: the DP heatmap leaves a period not yet ended blank, as the exact heatmap does. */
    @Test
    void dpRetentionHeatmapLeavesIncompletePeriodsBlank() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        long t = from.getEpochSecond();
        DpTable shares = DpCohorts.shares(DpCohorts.retention(
                new String[] {"a", "a", "b", "c"}, new long[] {t, t + 40 * 86_400L, t + 35 * 86_400L, t + 70 * 86_400L},
                PeriodRule.months(), from, Instant.parse("2024-03-15T12:00:00Z"), 2,
                PrivacyCost.laplace(1), PrivacyBudget.of(1, 0)));
        assertTrue(shares.isIncomplete(0, 2) && shares.isIncomplete(2, 0) && !shares.isIncomplete(0, 1));
        Chart chart = CohortCharts.dpRetentionHeatmap(shares, 5);
        assertTrue(chart.title().contains("incomplete periods blank"), chart.title());
        assertTrue(chart.toPng().length > 1000);
        assertFalse(CohortCharts.dpRetentionHeatmap(dpShares(), 5).title().contains("incomplete"));
    }
}
