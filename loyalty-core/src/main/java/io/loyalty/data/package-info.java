/**
 * The customer data model every metric family stands on: {@link io.loyalty.data.Transaction}s in, per-customer
 * {@link io.loyalty.data.CustomerSummaries} out.
 *
 * <p>For a {@link io.loyalty.data.PeriodRule} (day, week, month or a fixed duration, expressed in a chosen unit)
 * and an observation end, customer <i>i</i>'s summary in the buy-till-you-die convention is
 * <ul>
 *   <li>{@code frequency} <i>x</i> = (number of distinct periods with a purchase) &minus; 1;</li>
 *   <li>{@code recency} <i>t<sub>x</sub></i> = (last purchase period &minus; first purchase period) / unit;</li>
 *   <li>{@code T} = (period of the observation end &minus; first purchase period) / unit;</li>
 *   <li>{@code monetary} = (sum of the values of the repeat periods) / <i>x</i>, same-period purchases summed and
 *       the first period left out; 0 when <i>x</i> = 0,</li>
 * </ul>
 * which is the definition of lifetimes' {@code summary_data_from_transaction_data} (Fader, Hardie &amp; Lee 2005,
 * "Counting Your Customers the Easy Way", Marketing Science 24(2), 275&ndash;284, for x, t<sub>x</sub>, T;
 * Fader, Hardie &amp; Lee 2005, "RFM and CLV", Journal of Marketing Research 42(4), 415&ndash;430, for the mean
 * repeat spend).
 *
 * <p>Input comes as objects ({@link io.loyalty.data.Transaction}, iterables and streams), as primitive columns
 * ({@link io.loyalty.data.TransactionColumns}) or, through {@code io.loyalty.tablesaw}, as a Tablesaw table. A
 * {@link io.loyalty.data.SummaryAccumulator} merges partial states so that the result does not depend on input
 * order or on how the input was split.
 */
package io.loyalty.data;
