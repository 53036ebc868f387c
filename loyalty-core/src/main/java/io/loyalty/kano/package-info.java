/**
 * Kano analysis: features classified from pairs of survey answers (Kano, Seraku, Takahashi &amp; Tsuji 1984,
 * "Attractive quality and must-be quality", Journal of the Japanese Society for Quality Control 14(2), 39&ndash;48;
 * the practice as set out by Berger et al. 1993, "Kano's methods for understanding customer-defined quality",
 * Center for Quality of Management Journal 2(4), 3&ndash;36).
 *
 * <p>Each respondent answers a functional question (how do you feel if the feature is present?) and a
 * dysfunctional one (... if it is absent?) with like, must-be, neutral, live-with or dislike
 * ({@link io.loyalty.kano.Answer}; labels mapped by meaning through an {@link io.loyalty.kano.AnswerVocabulary}).
 * An {@link io.loyalty.kano.EvaluationTable} turns the pair into a category: attractive A, one-dimensional O,
 * must-be M, indifferent I, reverse R or questionable Q. Per feature, with n the classified answers:
 * <pre>
 *   category          by a {@link io.loyalty.kano.ClassificationRule} (default: most frequent, ties M &gt; O &gt; A &gt; I &gt; R &gt; Q)
 *   total strength    (A + O + M) / n
 *   category strength top share &minus; second share (among A, O, M, I, R)
 *   Fong test         |a &minus; b| &lt; 1.65 &radic;((a + b)(2n &minus; a &minus; b) / (2n))  =&gt;  top two not significantly different
 *   Better            (A + O) / (A + O + M + I)                    (Timko, in Berger et al. 1993)
 *   Worse             &minus;(O + M) / (A + O + M + I)
 *   importance        mean of the self-stated importance 1..9
 *   continuous        means and sample SDs of the functional (4, 2, 0, &minus;1, &minus;2) and dysfunctional
 *                     (&minus;2, &minus;1, 0, 2, 4) scores, quadrant split at 2 (DuMouchel, in Berger et al. 1993)
 * </pre>
 * The Fong test is from Fong, D. (1996), "Using the self-stated importance questionnaire to interpret Kano
 * questionnaire results", Center for Quality of Management Journal 5(3), 21&ndash;24.
 *
 * <p>Entry points: {@link io.loyalty.kano.Kano} (configured with a table and a rule) analyses a
 * {@link io.loyalty.kano.KanoSurvey} of {@link io.loyalty.kano.FeatureAnswers} into a
 * {@link io.loyalty.kano.KanoAnalysis} of {@link io.loyalty.kano.FeatureResult}s, overall or per segment, and
 * orders features by a {@link io.loyalty.kano.PriorityOrder}; {@link io.loyalty.kano.Kano#evaluate} evaluates
 * published category counts; a {@link io.loyalty.kano.KanoAccumulator} gathers answers one respondent at a time and
 * merges partial tallies. The counting kernel tallies the 5&times;5 answer grid of each feature on byte codes;
 * every statistic above derives from that grid. Tablesaw tables go in and out through
 * {@code io.loyalty.tablesaw.KanoTables}.
 *
 * <p>Experimental.
 */
package io.loyalty.kano;
