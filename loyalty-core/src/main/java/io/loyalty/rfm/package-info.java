/**
 * RFM: recency, frequency and monetary scores, named segments, k-means++ clusters and segment movement.
 *
 * <p>Entry points: {@link io.loyalty.rfm.RfmScorer} (scores and segments, result {@link io.loyalty.rfm.RfmScores}
 * with its {@link io.loyalty.rfm.SegmentSummary}), {@link io.loyalty.rfm.RfmClusterer} (clusters, result
 * {@link io.loyalty.rfm.RfmClusters}) and {@link io.loyalty.rfm.SegmentMovement} (transitions between two
 * snapshots). Tables in and out: {@code io.loyalty.tablesaw.RfmTables}.
 *
 * <h2>Measures</h2>
 * Per customer, for an analysis date D: recency {@code R = D - last purchase date} in days; frequency
 * {@code F} = the number of orders (rows) passed in; monetary {@code M} = the total revenue (or, optionally, the
 * revenue per order).
 *
 * <h2>Scores (n bins, default 5)</h2>
 * <ul>
 * <li>{@link io.loyalty.rfm.ScoringMethod#R_RFM}, exactly as the R package rfm 0.3.0: with {@code x} sorted and
 * {@code N} values, R's type-7 quantile at p is
 * <pre>
 *   h = (N - 1) p + 1,  lo = floor(h),  Q(p) = (1 - (h - lo)) x[lo] + (h - lo) x[lo + 1]
 * </pre>
 * taken at {@code p_i = i (1/n)}, i = 1..n-1; the cut points are {@code c_i = Q(p_i) + 1}; bin i is
 * {@code [c_{i-1}, c_i)} with {@code c_0 = min x} and {@code c_n = max x + 1}. A value's bin is
 * {@code 1 + #{i : c_i <= x}}. Tied values always share a bin; equal cut points leave a bin empty.</li>
 * <li>{@link io.loyalty.rfm.ScoringMethod#NTILE}: SQL {@code ntile(n)} over the customers ordered by the measure,
 * with a tied run taking the bucket of its first position.</li>
 * <li>{@link io.loyalty.rfm.ScoringMethod#FIXED}: caller-given cut points, used as given.</li>
 * </ul>
 * Frequency and monetary bin i scores i; recency is reversed, bin i scores {@code n + 1 - i} (most recent = n).
 * The combined score is {@code 100 R + 10 F + M}.
 *
 * <h2>Segments</h2>
 * An ordered list of inclusive score ranges; the first segment containing a customer's (R, F, M) wins, no match
 * gives "Others". The default is rfm's ten-segment map (Champions ... Lost).
 *
 * <h2>Clusters</h2>
 * Standardized {@code log(1 + x)} of R, F and M (mean 0, standard deviation 1), clustered by Commons Math's
 * {@code KMeansPlusPlusClusterer} (Arthur and Vassilvitskii 2007) with a caller seed; k given or chosen by the mean
 * silhouette (Rousseeuw 1987). Centroids are mapped back to original units.
 *
 * <p>References: A. Hebbali, <i>rfm: RFM Analysis</i>, R package 0.3.0 (2024),
 * https://github.com/rsquaredacademy/rfm; R Core Team, {@code quantile} type 7 (Hyndman and Fan 1996,
 * doi:10.1080/00031305.1996.10473566); A. M. Hughes, <i>Strategic Database Marketing</i> (1994) for RFM; D. Arthur
 * and S. Vassilvitskii, k-means++: the advantages of careful seeding, SODA 2007; P. J. Rousseeuw, Silhouettes,
 * J. Comput. Appl. Math. 20 (1987) 53-65, doi:10.1016/0377-0427(87)90125-7.
 *
 * <p>Experimental.
 */
package io.loyalty.rfm;
