/**
 * Experiments: A/B tests that decide whether a loyalty strategy worked. Experimental (0.x) API.
 *
 * <h2>One call per metric</h2>
 * {@link io.loyalty.experiment.Proportions#readout} ({@link io.loyalty.experiment.RateReadout}) reads a binary
 * metric and {@link io.loyalty.experiment.Means#readout} ({@link io.loyalty.experiment.MeanReadout}) a continuous
 * one, every interval and test in one immutable result whose {@code toString} a marketer can read;
 * {@code io.loyalty.tablesaw.ExperimentTables.rateReadout} and {@code meanReadout} slice the arms from a table.
 *
 * <h2>Argument order and conventions</h2>
 * <ul>
 * <li>Treatment first, control second, everywhere: {@code (x1, n1, x2, n2)} is (treatment successes, treatment
 * trials, control successes, control trials), {@code (x, y)} is (treatment values, control values), and every
 * difference is treatment minus control, every lift treatment / control - 1. {@code BetaBinomial.readout} calls the
 * treatment B and the control A, so P(B &gt; A) is the probability that the treatment is better.</li>
 * <li>Counts are {@code long}: successes and trials are integers, so streamed totals are exact.</li>
 * <li>Intervals take a {@code confidence} level (0.95), never a significance level; the decision of a readout is
 * taken at {@code 1 - confidence}. Only designs ({@link io.loyalty.experiment.Power},
 * {@link io.loyalty.experiment.GroupSequential}) take the significance level {@code alpha} they are planned at.</li>
 * </ul>
 *
 * <h2>Entry points</h2>
 * <ul>
 * <li>{@link io.loyalty.experiment.Assignment}: stable hash assignment of ids to weighted arms (FNV-1a 64 +
 * SplitMix64 finalizer) and the sample-ratio-mismatch check ({@link io.loyalty.experiment.SampleRatioCheck},
 * chi-square goodness of fit, flagged below p = 0.001).</li>
 * <li>{@link io.loyalty.experiment.Proportions}: Wilson interval; Newcombe hybrid-score and Wald intervals of a
 * difference; pooled z-test; Fisher's exact test (R's two-sided rule, relative tolerance 1e-7); relative lift
 * with a delta-method interval.</li>
 * <li>Configured tests, as in Commons Statistics ({@code withDefaults().with(alternative)...test(...)} returning a
 * {@code Result}): {@link io.loyalty.experiment.PropTest} (R {@code prop.test}, two groups),
 * {@link io.loyalty.experiment.FisherTest} (R {@code fisher.test}), {@link io.loyalty.experiment.ChiSquareTest}
 * (2 x k tables with or without Yates, goodness of fit) and {@link io.loyalty.experiment.TTest} (Welch and
 * Student, from raw values or {@link io.loyalty.experiment.ArmSummary}: n, mean, variance).</li>
 * <li>{@link io.loyalty.experiment.Means}: relative lift of means and the readout;
 * {@link io.loyalty.experiment.RankSum}: Wilcoxon
 * rank-sum with mid-ranks, tie-corrected variance and continuity correction, or exact for small samples;
 * {@link io.loyalty.experiment.Bootstrap}: seeded percentile and BCa intervals;
 * {@link io.loyalty.experiment.Cuped}: CUPED variance reduction.</li>
 * <li>{@link io.loyalty.experiment.Power}: R {@code power.prop.test} and {@code power.t.test} (noncentral t by
 * AS 243), any allocation ratio.</li>
 * <li>{@link io.loyalty.experiment.Adjustment}: the six methods of R {@code p.adjust}.</li>
 * <li>{@link io.loyalty.experiment.GroupSequential}: Lan-DeMets O'Brien-Fleming / Pocock spending and the
 * classical boundaries (one-sided, as rpact); {@link io.loyalty.experiment.Msprt}: always-valid p-values.</li>
 * <li>{@link io.loyalty.experiment.BetaBinomial}: P(B &gt; A), expected loss, credible interval of the lift.</li>
 * <li>{@link io.loyalty.experiment.SegmentedSummaries}: the one-pass reduction of (arm, segment, value) rows;
 * {@link io.loyalty.experiment.Comparison}: the readout a marketer reads.</li>
 * </ul>
 *
 * <h2>Formulas</h2>
 * <pre>
 * Wilson:    (p + z^2/2n +- z sqrt(p q / n + z^2 / 4n^2)) / (1 + z^2 / n)
 * Newcombe:  d - sqrt((p1 - l1)^2 + (u2 - p2)^2)  to  d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * z-test:    (p1 - p2) / sqrt(pbar (1 - pbar) (1/n1 + 1/n2))
 * prop.test: X^2 = sum (|O - E| - c)^2 / E,  c = min(0.5, |p1 - p2| / (1/n1 + 1/n2)) with Yates, k = 2
 * Welch:     t = (m1 - m2) / sqrt(v1/n1 + v2/n2),  df = Welch-Satterthwaite
 * Wilcoxon:  z = (W - n1 n2 / 2 - c) / sqrt(n1 n2 / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1))))
 * CUPED:     theta = cov(Y, X) / var(X),  Y' = Y - theta (X - mean X)
 * lift:      p1/p2 - 1 +- z sqrt(v1 / p2^2 + p1^2 v2 / p2^4)
 * mSPRT:     Lambda_n = sqrt(2s^2 / (2s^2 + n tau^2)) exp(n^2 tau^2 (yB - yA - theta0)^2 / (4 s^2 (2s^2 + n tau^2)))
 * spending:  OBF 2 - 2 Phi(z_{1-alpha/2} / sqrt t),  Pocock alpha ln(1 + (e - 1) t)
 * P(B &gt; A):  sum_{i &lt; aB} B(aA + i, bA + bB) / ((bB + i) B(1 + i, bB) B(aA, bA))
 * </pre>
 *
 * <h2>References</h2>
 * <ul>
 * <li>E. B. Wilson (1927), JASA 22:209-212; R. G. Newcombe (1998), Statistics in Medicine 17:873-890,
 * doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;873::AID-SIM779&gt;3.0.CO;2-I.</li>
 * <li>R. V. Lenth (1989), Algorithm AS 243, Applied Statistics 38:185-189, doi:10.2307/2347693.</li>
 * <li>Y. Benjamini and Y. Hochberg (1995), JRSS-B 57:289-300; Y. Benjamini and D. Yekutieli (2001), Annals of
 * Statistics 29:1165-1188; G. Hommel (1988), Biometrika 75:383-386.</li>
 * <li>K. K. G. Lan and D. L. DeMets (1983), Biometrika 70:659-663; P. C. O'Brien and T. R. Fleming (1979),
 * Biometrics 35:549-556; S. J. Pocock (1977), Biometrika 64:191-199; C. Jennison and B. W. Turnbull (2000),
 * Group Sequential Methods, chapter 19.</li>
 * <li>R. Johari, P. Koomen, L. Pekelis and D. Walsh (2017), "Peeking at A/B tests", KDD,
 * doi:10.1145/3097983.3097992.</li>
 * <li>A. Deng, Y. Xu, R. Kohavi and T. Walker (2013), WSDM, doi:10.1145/2433396.2433413.</li>
 * <li>B. Efron (1987), JASA 82:171-185 (BCa); E. Miller (2015), "Formulas for Bayesian A/B testing".</li>
 * </ul>
 *
 * @since 0.1
 */
package io.loyalty.experiment;
