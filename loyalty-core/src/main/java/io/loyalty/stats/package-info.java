/**
 * The vocabulary every metric family shares: one confidence {@link io.loyalty.stats.Interval} type and one
 * {@link io.loyalty.stats.Accumulator} contract for mergeable statistics. A family returns these types rather than
 * its own shapes, so an interval reads the same whether it comes from an NPS, a CSAT share or a survival curve, and
 * every accumulator is streamed, split and merged the same way.
 *
 * @since 0.2
 */
package io.loyalty.stats;
