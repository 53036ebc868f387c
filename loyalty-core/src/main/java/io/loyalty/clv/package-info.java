/**
 * Customer lifetime value with buy-till-you-die models fitted by maximum likelihood.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.loyalty.clv.BetaGeoFitter} to {@link io.loyalty.clv.BetaGeoModel} (BG/NBD, Fader, Hardie and Lee
 *       2005), {@link io.loyalty.clv.ParetoNbdFitter} to {@link io.loyalty.clv.ParetoNbdModel} (Pareto/NBD,
 *       Schmittlein, Morrison and Colombo 1987), {@link io.loyalty.clv.ModifiedBetaGeoFitter} to
 *       {@link io.loyalty.clv.ModifiedBetaGeoModel} (MBG/NBD, Batislam et al. 2007): continuous-time purchase
 *       models, all {@link io.loyalty.clv.TransactionModel}s, on frequency x, recency t_x and age T; their
 *       fitters are all {@link io.loyalty.clv.TransactionModelFitter}s, so code that fits "any purchase model" takes
 *       one of those;</li>
 *   <li>{@link io.loyalty.clv.BetaGeoBetaBinomFitter} to {@link io.loyalty.clv.BetaGeoBetaBinomModel} (BG/BB,
 *       Fader, Hardie and Shang 2010) for discrete opportunities, on weighted patterns;</li>
 *   <li>{@link io.loyalty.clv.GammaGammaFitter} to {@link io.loyalty.clv.GammaGammaModel}: spend per
 *       transaction;</li>
 *   <li>{@link io.loyalty.clv.ClvCalculator}: discounted CLV from a purchase and a spend model;</li>
 *   <li>{@link io.loyalty.clv.HoldoutValidation}: calibration-vs-holdout comparison;</li>
 *   <li>{@link io.loyalty.clv.CustomerChunk}, {@link io.loyalty.clv.ChunkedCustomers} and
 *       {@link io.loyalty.clv.ChunkTask}: the same fits on customers held in chunks elsewhere (the partitions of a
 *       Spark dataset): the fitter keeps the optimizer and sends each likelihood evaluation to the chunks as one
 *       task; the array methods are the one-chunk case.</li>
 * </ul>
 *
 * <p>Every fitter is immutable ({@code withDefaults()} then {@code withPenalizer}, {@code withMaxIterations},
 * {@code withTolerance}, {@code withInitialParameters}) and takes primitive arrays or
 * {@link io.loyalty.data.CustomerSummaries}. Identical rows are merged into weighted rows; the objective is
 * lifetimes' (mean negative log-likelihood plus an L2 penalty on the parameters, time scaled so the largest T is
 * 10) minimized over log-parameters to a gradient below {@code 1e-9}; the result carries a
 * {@link io.loyalty.clv.FitSummary} with standard errors and 95% intervals from the observed information. A model
 * can be rebuilt from its parameters alone ({@code BetaGeoModel.of(r, alpha, a, b)}, or for any purchase model
 * {@code TransactionModel.of(name, parameters...)}). A fit that does not converge
 * throws {@link io.loyalty.stats.ConvergenceException}. Experimental: the API may change before 1.0.
 *
 * <pre>{@code
 * CalibrationHoldout split = Summarizer.of(PeriodRule.days().inUnitsOf(7), LocalDate.of(1998, 6, 30))
 *         .calibrationHoldout(transactions, LocalDate.of(1997, 9, 30));
 * BetaGeoModel purchases = BetaGeoFitter.withDefaults().fit(split.calibration());
 * GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(split.calibration());
 * HoldoutValidation check = HoldoutValidation.of(purchases, split, 7);
 * double[] clv = ClvCalculator.of(purchases, spend, 4.345).clv(x, tx, t, monetary);
 * }</pre>
 *
 * <p>References: P. S. Fader, B. G. S. Hardie and K. L. Lee (2005), Marketing Science 24(2), 275-284,
 * doi:10.1287/mksc.1040.0098; (2005) Journal of Marketing Research 42(4), 415-430, doi:10.1509/jmkr.2005.42.4.415;
 * P. S. Fader, B. G. S. Hardie and J. Shang (2010), Marketing Science 29(6), 1086-1108,
 * doi:10.1287/mksc.1100.0580; D. C. Schmittlein, D. G. Morrison and R. Colombo (1987), Management Science 33(1),
 * 1-24, doi:10.1287/mnsc.33.1.1; lifetimes (C. Davidson-Pilon, MIT licence), whose conventions are followed.
 *
 * @since 0.1
 */
package io.loyalty.clv;
