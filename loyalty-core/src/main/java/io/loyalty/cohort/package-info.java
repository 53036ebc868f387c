/**
 * Cohort retention: cohort matrices, churn by inactivity, Kaplan-Meier survival and the sBG projection.
 *
 * <h2>Cohort matrices ({@link io.loyalty.cohort.Cohorts}, {@link io.loyalty.cohort.CohortMatrices})</h2>
 * Customers are grouped by the calendar period of their first purchase ({@link io.loyalty.cohort.CohortPeriod}:
 * day, ISO week, month, quarter, in an explicit time zone) or by a caller-given
 * {@link io.loyalty.cohort.CohortKey}. For cohort c of size N<sub>c</sub> and period offset k:
 * <pre>
 *   return on(c, k)          = #{customers of c active in offset k}                / N_c
 *   return on or after(c, k) = #{customers of c active in some offset j &gt;= k}      / N_c
 *   bracket(c, [a, b])       = #{customers of c active in some offset a &lt;= j &lt;= b} / N_c
 *   revenue(c, k)            = sum of the amounts of c in offset k
 *   cumulative per customer  = sum_{j &lt;= k} revenue(c, j) / N_c        (empirical LTV curve)
 *   net revenue retention    = revenue(c, k) / revenue(c, 0)
 * </pre>
 * Cells past the data end are absent (ragged rows); the last cell is flagged when the data end falls inside its
 * period. Revenue is summed exactly and rounded once, so no cell depends on the order of the transactions. The
 * counts are mergeable: a {@link io.loyalty.cohort.CohortAccumulator} per part of whole customers (a stream, a
 * Spark partition by customer), combined in any order, gives the same matrices.
 *
 * <h2>Churn ({@link io.loyalty.cohort.ChurnRule})</h2>
 * A customer churns at the first purchase day followed by g days without a purchase, if those days end on or
 * before the last day of the data; otherwise the customer is censored at the last day. The duration counts days
 * from the first purchase.
 *
 * <h2>Kaplan-Meier ({@link io.loyalty.cohort.KaplanMeier})</h2>
 * <pre>
 *   S(t) = prod_{t_i &lt;= t} (1 - d_i / n_i),   Var H(t) = sum_{t_i &lt;= t} d_i / (n_i (n_i - d_i))   (Greenwood)
 *   se S(t) = S(t) sqrt(Var H(t)),   95% log CI: S(t) exp(-+ 1.96 sqrt(Var H(t))), capped at 1
 * </pre>
 * as R's {@code survival::survfit}; median with its interval, restricted mean, and the log-rank test
 * ({@link io.loyalty.cohort.LogRankTest}, R's {@code survdiff}). Kaplan, E. L. &amp; Meier, P. (1958), JASA 53,
 * 457-481, doi:10.1080/01621459.1958.10501452; Greenwood, M. (1926); Mantel, N. (1966), Cancer Chemotherapy
 * Reports 50(3), 163-170.
 *
 * <h2>sBG ({@link io.loyalty.cohort.SbgFitter}, {@link io.loyalty.cohort.SbgModel})</h2>
 * Each customer churns at each renewal with probability theta ~ beta(alpha, beta):
 * <pre>
 *   P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta),   S(t) = B(alpha, beta + t) / B(alpha, beta)
 *   r(t) = (beta + t - 1) / (alpha + beta + t - 1),   DEL(d) = 2F1(1, beta; alpha + beta; 1 / (1 + d))
 * </pre>
 * fitted by maximum likelihood on churners per period and the survivors at the last period (censored). Fader,
 * P. S. &amp; Hardie, B. G. S. (2007), How to project customer retention, Journal of Interactive Marketing 21(1),
 * 76-90, doi:10.1002/dir.20074; Fader &amp; Hardie (2010), Marketing Science 29(1), 85-93,
 * doi:10.1287/mksc.1080.0482 (DEL, DERL).
 *
 * <p>Experimental.
 */
package io.loyalty.cohort;
