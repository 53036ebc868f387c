/**
 * The churn early-warning list: CLV models and RFM monitoring combined into the ranked list a retention team works
 * from.
 *
 * <p>{@link io.loyalty.churn.ChurnWarning} takes customer summaries (and optionally the previous snapshot's RFM
 * scores), fits BG/NBD and Gamma-Gamma (or takes fitted models), and returns a {@link io.loyalty.churn.WarningList}:
 * per listed customer ({@link io.loyalty.churn.AtRiskCustomer}) P(alive) with its parametric-bootstrap interval
 * ({@link io.loyalty.clv.ClvBootstrap}), expected purchases and CLV if retained, value at risk
 * {@code (1 - P(alive)) CLV if retained}, days since the last purchase against the customer's own expected time
 * between purchases, the RFM segment now and before, and the {@link io.loyalty.churn.Reason}s. When the fit is
 * degenerate ({@link io.loyalty.clv.Diagnostics#degenerate()}) the list falls back to recency and RFM signals and
 * says so. {@link io.loyalty.churn.ChurnWarning#evaluate} measures a list on a calibration/holdout split
 * ({@link io.loyalty.churn.WarningEvaluation}: precision, recall, lift and AUC beside the recency baseline).
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "Counting your customers the easy way",
 * Marketing Science 24(2), 275-284, doi:10.1287/mksc.1040.0098 (P(alive), conditional expectations);
 * P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), "RFM and CLV: using iso-value curves for customer base
 * analysis", Journal of Marketing Research 42(4), 415-430, doi:10.1509/jmkr.2005.42.4.415.
 *
 * @since 0.2
 */
package io.loyalty.churn;
