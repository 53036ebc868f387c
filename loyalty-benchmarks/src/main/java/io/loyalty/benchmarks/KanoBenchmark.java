package io.loyalty.benchmarks;

import io.loyalty.kano.AnswerVocabulary;
import io.loyalty.kano.FeatureAnswers;
import io.loyalty.kano.Kano;
import io.loyalty.kano.KanoAnalysis;
import io.loyalty.kano.KanoSurvey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kano classification at survey scale (issue target: 1,000,000 respondents x 20 features in under 2 s). The
 * survey is seeded synthetic data: per feature a skewed answer distribution, 2 % missing answers, importance
 * 1..9, five segments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KanoBenchmark {
    private static final String[] LABELS = {"I like it", "I expect it", "I am neutral", "I can tolerate it",
        "I dislike it"};

    /** Respondents. */
    @Param("1000000")
    public int respondents;

    /** Features. */
    @Param("20")
    public int features;

    private KanoSurvey survey;
    private String[] functionalLabels;
    private String[] dysfunctionalLabels;

    /** Builds the seeded survey. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261124L);
        List<FeatureAnswers> list = new ArrayList<>();
        for (int k = 0; k < features; k++) {
            byte[] f = new byte[respondents];
            byte[] d = new byte[respondents];
            byte[] imp = new byte[respondents];
            int biasF = 1 + r.nextInt(5);
            int biasD = 1 + r.nextInt(5);
            for (int i = 0; i < respondents; i++) {
                f[i] = (byte) (r.nextInt(50) == 0 ? 0 : r.nextBoolean() ? biasF : 1 + r.nextInt(5));
                d[i] = (byte) (r.nextInt(50) == 0 ? 0 : r.nextBoolean() ? biasD : 1 + r.nextInt(5));
                imp[i] = (byte) (1 + r.nextInt(9));
            }
            list.add(FeatureAnswers.ofCodes("F" + k, f, d).withImportance(imp));
        }
        String[] segment = new String[respondents];
        functionalLabels = new String[respondents];
        dysfunctionalLabels = new String[respondents];
        for (int i = 0; i < respondents; i++) {
            segment[i] = "segment-" + r.nextInt(5);
            functionalLabels[i] = LABELS[r.nextInt(5)];
            dysfunctionalLabels[i] = LABELS[r.nextInt(5)];
        }
        survey = KanoSurvey.of(list).withSegments(segment);
    }

    /**
     * Classifies every feature: counts, categories, strengths, Fong, Better/Worse, importance, DuMouchel.
     *
     * @return the analysis
     */
    @Benchmark
    public KanoAnalysis classifyAllFeatures() {
        return Kano.withDefaults().analyze(survey);
    }

    /**
     * The same per segment (five segments).
     *
     * @return the analyses
     */
    @Benchmark
    public Map<String, KanoAnalysis> classifyBySegment() {
        return Kano.withDefaults().analyzeBySegment(survey);
    }

    /**
     * Maps one feature's answer labels (1,000,000 pairs of strings) to codes through the standard vocabulary.
     *
     * @return the coded answers
     */
    @Benchmark
    public FeatureAnswers labelsToCodesOneFeature() {
        return FeatureAnswers.ofLabels("F", functionalLabels, dysfunctionalLabels, AnswerVocabulary.standard());
    }
}
