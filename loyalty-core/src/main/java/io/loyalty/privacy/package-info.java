/**
 * Privacy-safe loyalty analytics: keyed pseudonyms, small-cell suppression and customer-level differential
 * privacy for the aggregates of every family. The families do not depend on this package; it reads their results
 * through their public accessors, so publishing paths call it and never the other way round. Experimental.
 *
 * <h2>Pseudonyms and messages</h2>
 * {@link io.loyalty.privacy.Pseudonymizer}: {@code HMAC-SHA-256(key, UTF-8(id))}, optionally truncated to
 * {@code b} bits, with collision probability at most {@code n (n - 1) / 2^(b + 1)} for {@code n} ids;
 * {@code io.loyalty.tablesaw.PrivacyTables} applies it to Tablesaw tables. {@link io.loyalty.privacy.MessagePolicy}
 * keeps ids, amounts and dates out of exception messages library-wide.
 *
 * <h2>Small-cell suppression</h2>
 * {@link io.loyalty.privacy.SmallCellSuppression}: cells from fewer than {@code k} customers (default 10) are
 * suppressed, then further cells until no suppressed value is recoverable from the published margins (a rank test
 * on the margin equations); results are {@link io.loyalty.privacy.SuppressedTable}s.
 *
 * <h2>Differential privacy</h2>
 * Neighbouring data sets differ in all the rows of one customer. Every release
 * <ol>
 * <li>bounds each customer's contribution on the raw rows ({@link io.loyalty.privacy.ContributionBounds}: at most
 * {@code L0} partitions, {@code L∞} rows in each; {@link io.loyalty.privacy.ValueRange}: a customer's total clamped
 * to {@code [l, u]}), by a keyed hash drawn for the release, so the choice does not depend on row order;
 * <li>spends its cost from a {@link io.loyalty.privacy.PrivacyBudget} (refused, before any draw, with
 * {@link io.loyalty.privacy.BudgetExceededException} when it would overspend);
 * <li>adds exact integer noise once: discrete Laplace {@code P(x) ∝ exp(-|x| ε / Δ1)} for {@code ε}-DP, or
 * discrete Gaussian {@code P(x) ∝ exp(-x^2 / (2 σ^2))}, {@code σ^2 = Δ2^2 / (2 ρ)}, for {@code ρ}-zCDP, sampled on
 * rationals ({@link io.loyalty.privacy.DiscreteLaplace}, {@link io.loyalty.privacy.DiscreteGaussian}), so no
 * floating-point artefact reveals the true count (Mironov 2012);
 * <li>selects partitions not known in advance by a noisy threshold ({@link io.loyalty.privacy.Partitions});
 * <li>reports each value with the noise's standard deviation and a 95 % interval
 * ({@link io.loyalty.privacy.NoisyValue}), derived values (NPS, rates, means) with the noise and the sampling error
 * combined by the delta method.
 * </ol>
 * Entry points: {@link io.loyalty.privacy.DpAggregates} (segment counts, RFM segment summary, NPS, CSAT/CES ratings,
 * experiment arms and the A/B difference, attribution path counts), {@link io.loyalty.privacy.DpCohorts} (retention
 * matrices), and {@link io.loyalty.privacy.DpRelease} with {@link io.loyalty.privacy.BoundedTally} for engines that
 * bound where the data lives (loyalty-spark's {@code SparkPrivacy}).
 *
 * <p>Composition: pure-DP costs add; zCDP costs add and convert to {@code (ε, δ)} by
 * {@code ε = ρ + 2 sqrt(ρ ln(1/δ))}; partition selection adds its {@code (ε, δ)}.
 *
 * <p>References:
 * <ul>
 * <li>C. Dwork, F. McSherry, K. Nissim, A. Smith, "Calibrating Noise to Sensitivity in Private Data Analysis",
 * TCC 2006, doi:10.1007/11681878_14.
 * <li>C. L. Canonne, G. Kamath, T. Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS 2020,
 * arXiv:2004.00010.
 * <li>M. Bun, T. Steinke, "Concentrated Differential Privacy", TCC 2016, arXiv:1605.02065.
 * <li>I. Mironov, "On Significance of the Least Significant Bits for Differential Privacy", CCS 2012,
 * doi:10.1145/2382196.2382264.
 * <li>R. J. Wilson et al., "Differentially Private SQL with Bounded User Contribution", PoPETs 2020,
 * doi:10.2478/popets-2020-0025 (contribution bounding, as in Google's differential-privacy library).
 * <li>D. Desfontaines, J. Voss, B. Gipson, C. Mandayam, "Differentially private partition selection", PoPETs 2022,
 * doi:10.2478/popets-2022-0017.
 * <li>A. Hundepool et al., "Statistical Disclosure Control", Wiley 2012, doi:10.1002/9781118348239.
 * </ul>
 */
package io.loyalty.privacy;
