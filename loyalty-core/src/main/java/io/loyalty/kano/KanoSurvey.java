package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Kano survey: the answers to several features from the same respondents, and optionally a segment per
 * respondent. Immutable; build it with {@link #of(List)} and {@link #withSegments(String[])}.
 *
 * @since 0.1
 */
public final class KanoSurvey {
    private final List<FeatureAnswers> features;
    private final int respondents;
    /** Distinct segment labels in sorted order; empty without segments. */
    private final List<String> segments;
    /** Index into {@link #segments} per respondent; null without segments. */
    private final int[] segmentOf;

    private KanoSurvey(List<FeatureAnswers> features, int respondents, List<String> segments, int[] segmentOf) {
        this.features = features;
        this.respondents = respondents;
        this.segments = segments;
        this.segmentOf = segmentOf;
    }

    /**
     * A survey of the given features.
     *
     * @param features the features' answers, all from the same respondents in the same order
     * @return the survey
     * @throws IllegalArgumentException if there are no features, two share a name, or their respondent counts
     *     differ
     */
    public static KanoSurvey of(List<FeatureAnswers> features) {
        Checks.notNull(features, "features");
        Checks.require(!features.isEmpty(), "features must not be empty");
        Set<String> names = new HashSet<>();
        int n = Checks.notNull(features.get(0), "features[0]").respondents();
        for (int k = 0; k < features.size(); k++) {
            FeatureAnswers f = Checks.notNull(features.get(k), "features[" + k + "]");
            Checks.require(names.add(f.name()), "two features are named '%s'", f.name());
            Checks.require(f.respondents() == n, "feature '%s' has %d respondents but feature '%s' has %d", f.name(),
                    f.respondents(), features.get(0).name(), n);
        }
        return new KanoSurvey(List.copyOf(features), n, List.of(), null);
    }

    /**
     * A survey of the given features.
     *
     * @param features the features' answers, all from the same respondents in the same order
     * @return the survey
     */
    public static KanoSurvey of(FeatureAnswers... features) {
        return of(List.of(Checks.notNull(features, "features")));
    }

    /**
     * This survey with a segment label per respondent, for {@link Kano#analyzeBySegment(KanoSurvey)}.
     *
     * @param segmentOfRespondent the segment of each respondent, in the features' row order
     * @return a new survey
     * @throws IllegalArgumentException if the length differs from the respondents or a label is null or blank
     *     (naming the row)
     */
    public KanoSurvey withSegments(String[] segmentOfRespondent) {
        Checks.notNull(segmentOfRespondent, "segmentOfRespondent");
        Checks.sameLength(respondents, segmentOfRespondent.length, "segmentOfRespondent");
        TreeMap<String, Integer> index = new TreeMap<>();
        for (int row = 0; row < respondents; row++) {
            String s = segmentOfRespondent[row];
            Checks.require(s != null && !s.isBlank(), "segment at row %d must not be null or blank, got %s", row,
                    s == null ? "null" : "'" + s + "'");
            index.put(s, 0);
        }
        List<String> labels = new ArrayList<>(index.keySet());
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int[] of = new int[respondents];
        for (int row = 0; row < respondents; row++) {
            of[row] = index.get(segmentOfRespondent[row]);
        }
        return new KanoSurvey(features, respondents, List.copyOf(labels), of);
    }

    /**
     * This survey with the features renamed, in order (e.g. from ids such as {@code F6_} to labels).
     *
     * @param names one new name per feature
     * @return a new survey
     */
    public KanoSurvey withFeatureNames(List<String> names) {
        Checks.notNull(names, "names");
        Checks.sameLength(features.size(), names.size(), "names");
        List<FeatureAnswers> renamed = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            renamed.add(features.get(k).withName(names.get(k)));
        }
        KanoSurvey s = of(renamed);
        return new KanoSurvey(s.features, respondents, segments, segmentOf);
    }

    /**
     * The features, in input order.
     *
     * @return an unmodifiable list
     */
    public List<FeatureAnswers> features() {
        return features;
    }

    /**
     * The number of respondents.
     *
     * @return the number of respondents
     */
    public int respondents() {
        return respondents;
    }

    /**
     * The distinct segments in sorted order; empty when the survey has none.
     *
     * @return an unmodifiable list
     */
    public List<String> segments() {
        return segments;
    }

    int[] segmentIndex() {
        return segmentOf;
    }

    /**
     * The size of the survey.
     *
     * @return e.g. {@code KanoSurvey[6 features, 358 respondents, 3 segments]}
     */
    @Override
    public String toString() {
        return Checks.format("KanoSurvey[%d features, %d respondents%s]", features.size(), respondents,
                segments.isEmpty() ? "" : ", " + segments.size() + " segments");
    }
}
