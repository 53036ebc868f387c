package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Rule-based attribution: first touch, last touch, last non-direct touch, linear, position-based and time decay.
 * Each journey's conversions (and value) are split over its touches by fixed weights that sum to 1, so credits are
 * {@code >= 0} and sum to the totals.
 *
 * <ul>
 *   <li>first / last touch: weight 1 on the first / last touch;</li>
 *   <li>last non-direct: weight 1 on the last touch whose channel is not the "direct" channel (the last touch
 *       when every touch is direct);</li>
 *   <li>linear: 1/n on each of the n touches, so {@code A > A > B} gives A 2/3 (as ChannelAttribution);</li>
 *   <li>position-based (U-shaped): {@code first} on the first touch, {@code last} on the last, the rest
 *       {@code 1 - first - last} shared equally by the middle touches; one touch gets 1, two touches
 *       {@code first/(first+last)} and {@code last/(first+last)} (50/50 with the default 40/20/40);</li>
 *   <li>time decay: weight {@code 2^(-(t_conversion - t_touch) / halfLife)}, normalised over the journey
 *       (needs touch times, so it takes {@link TimedJourneys}).</li>
 * </ul>
 * Immutable; configure with the {@code withX} methods, each returning a new instance. Serializable, so that a
 * distributed job can ship the configuration to where the journeys are.
 *
 * @since 0.1
 */
public final class HeuristicAttribution implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final HeuristicAttribution DEFAULTS = new HeuristicAttribution("direct", 0.4, 0.4,
            Duration.ofDays(7));

    /** The channel that last non-direct attribution skips. */
    private final String directChannel;
    /** The position-based rule's share of the first touch. */
    private final double firstWeight;
    /** The position-based rule's share of the last touch. */
    private final double lastWeight;
    /** The time-decay rule's half-life. */
    private final Duration halfLife;

    private HeuristicAttribution(String directChannel, double firstWeight, double lastWeight, Duration halfLife) {
        this.directChannel = directChannel;
        this.firstWeight = firstWeight;
        this.lastWeight = lastWeight;
        this.halfLife = halfLife;
    }

    /**
     * Direct channel "direct", position weights 40/20/40, time-decay half-life 7 days.
     *
     * @return the default configuration
     */
    public static HeuristicAttribution withDefaults() {
        return DEFAULTS;
    }

    /**
     * The channel that last non-direct attribution skips.
     *
     * @param channel its name
     * @return a new configuration
     */
    public HeuristicAttribution withDirectChannel(String channel) {
        return new HeuristicAttribution(Checks.notBlank(channel, "channel").trim(), firstWeight, lastWeight, halfLife);
    }

    /**
     * Position-based weights of the first and last touch; the middle touches share the rest.
     *
     * @param first the first touch's weight, in [0, 1]
     * @param last the last touch's weight, in [0, 1], with {@code first + last <= 1} and {@code first + last > 0}
     * @return a new configuration
     */
    public HeuristicAttribution withPositionWeights(double first, double last) {
        Checks.unit(first, "first");
        Checks.unit(last, "last");
        Checks.require(first + last <= 1 && first + last > 0, "first + last must lie in (0, 1], got %s + %s", first,
                last);
        return new HeuristicAttribution(directChannel, first, last, halfLife);
    }

    /**
     * The time-decay half-life.
     *
     * @param halfLife a positive duration
     * @return a new configuration
     */
    public HeuristicAttribution withHalfLife(Duration halfLife) {
        Checks.notNull(halfLife, "halfLife");
        Checks.require(!halfLife.isNegative() && !halfLife.isZero(), "halfLife must be > 0, got %s", halfLife);
        return new HeuristicAttribution(directChannel, firstWeight, lastWeight, halfLife);
    }

    /**
     * First-touch attribution.
     *
     * @param journeys the journeys
     * @return the credits
     */
    public Attribution firstTouch(Journeys journeys) {
        return single(journeys, "first touch", false, -1);
    }

    /**
     * Last-touch attribution.
     *
     * @param journeys the journeys
     * @return the credits
     */
    public Attribution lastTouch(Journeys journeys) {
        return single(journeys, "last touch", true, -1);
    }

    /**
     * Last non-direct touch attribution (see {@link #withDirectChannel(String)}).
     *
     * @param journeys the journeys
     * @return the credits
     */
    public Attribution lastNonDirectTouch(Journeys journeys) {
        int direct = Checks.notNull(journeys, "journeys").channels().indexOf(directChannel);
        return single(journeys, "last non-direct", true, direct);
    }

    /**
     * Linear attribution: every touch counts equally.
     *
     * @param journeys the journeys
     * @return the credits
     */
    public Attribution linear(Journeys journeys) {
        return byPosition(journeys, "linear", (n, k) -> 1.0 / n);
    }

    /**
     * Position-based (U-shaped) attribution (see {@link #withPositionWeights(double, double)}).
     *
     * @param journeys the journeys
     * @return the credits
     */
    public Attribution positionBased(Journeys journeys) {
        return byPosition(journeys, Checks.format("position %.0f/%.0f/%.0f", 100 * firstWeight,
                100 * (1 - firstWeight - lastWeight), 100 * lastWeight), this::positionWeight);
    }

    /** One touch takes all; two split first:last; more get the first and last weights and share the rest. */
    private double positionWeight(int length, int position) {
        if (length == 1) {
            return 1;
        }
        if (length == 2) {
            double wf = firstWeight / (firstWeight + lastWeight);
            return position == 0 ? wf : 1 - wf;
        }
        return position == 0 ? firstWeight : position == length - 1 ? lastWeight
                : (1 - firstWeight - lastWeight) / (length - 2);
    }

    /** The weight of the touch at {@code position} of a path of {@code length} touches; weights sum to 1. */
    @FunctionalInterface
    private interface PositionWeight {
        double of(int length, int position);
    }

    /** Credits each converting path's conversions and value to its touches by their position weights. */
    private static Attribution byPosition(Journeys journeys, String name, PositionWeight weight) {
        Checks.notNull(journeys, "journeys");
        int[] st = journeys.starts();
        int[] t = journeys.touches();
        double[] conv = new double[journeys.channels().size()];
        double[] val = new double[conv.length];
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        for (int i = 0; i < journeys.size(); i++) {
            if (pc[i] > 0) {
                int n = st[i + 1] - st[i];
                for (int k = 0; k < n; k++) {
                    double w = weight.of(n, k);
                    conv[t[st[i] + k]] += pc[i] * w;
                    val[t[st[i] + k]] += pv[i] * w;
                }
            }
        }
        return Attribution.of(name, journeys.channels(), conv, val);
    }

    /**
     * Time-decay attribution: touch weight {@code 2^(-age / halfLife)}, age = conversion time minus touch time,
     * normalised over each journey.
     *
     * @param journeys journeys with touch times
     * @return the credits
     */
    public Attribution timeDecay(TimedJourneys journeys) {
        Checks.notNull(journeys, "journeys");
        int[] st = journeys.starts();
        int[] t = journeys.touchChannels();
        long[] times = journeys.touchSeconds();
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        double[] conv = new double[journeys.channels().size()];
        double[] val = new double[conv.length];
        // The half-life in seconds, rounded once from the exact duration (toMillis() would overflow for long ones).
        double seconds = new BigDecimal(halfLife.getSeconds()).add(BigDecimal.valueOf(halfLife.getNano(), 9))
                .doubleValue();
        double rate = Math.log(2) / seconds;
        for (int i = 0; i < journeys.size(); i++) {
            if (pc[i] > 0) {
                // Ages from the latest touch: the normalised weights are the same and old journeys cannot underflow to 0/0.
                long newest = times[st[i + 1] - 1];
                double sum = 0;
                for (int k = st[i]; k < st[i + 1]; k++) {
                    sum += Math.exp(-rate * age(newest, times[k]));
                }
                for (int k = st[i]; k < st[i + 1]; k++) {
                    double w = Math.exp(-rate * age(newest, times[k])) / sum;
                    conv[t[k]] += pc[i] * w;
                    val[t[k]] += pv[i] * w;
                }
            }
        }
        return Attribution.of(Checks.format("time decay %s", halfLife), journeys.channels(), conv, val);
    }

    /** newest - time as a double; touches are in time order, so the difference is unsigned even if it overflows. */
    private static double age(long newest, long time) {
        long d = newest - time;
        return d >= 0 ? d : (double) (d >>> 1) * 2 + (d & 1);
    }

    private static Attribution single(Journeys journeys, String model, boolean last, int skip) {
        Checks.notNull(journeys, "journeys");
        int[] st = journeys.starts();
        int[] t = journeys.touches();
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        double[] conv = new double[journeys.channels().size()];
        double[] val = new double[conv.length];
        for (int i = 0; i < journeys.size(); i++) {
            int c;
            if (!last) {
                c = t[st[i]];
            } else {
                int k = st[i + 1] - 1;
                while (k > st[i] && t[k] == skip) {
                    k--;
                }
                c = t[k];
            }
            conv[c] += pc[i];
            val[c] += pv[i];
        }
        return Attribution.of(model, journeys.channels(), conv, val);
    }

    @Override
    public String toString() {
        return Checks.format("HeuristicAttribution[direct=%s, position=%s/%s, halfLife=%s]", directChannel,
                firstWeight, lastWeight, halfLife);
    }

    /**
     * Serialized through {@link Proxy}, so that a stream is read back through the checking {@code withX} methods.
     *
     * @return the proxy
     */
    private Object writeReplace() {
        return new Proxy(this);
    }

    /**
     * Refuses a stream that bypasses the serialization proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("HeuristicAttribution is read through its serialization proxy");
    }

    /** The serialized form: the configuration, rebuilt through the public checks on reading. */
    private static final class Proxy implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String directChannel;
        private final double firstWeight;
        private final double lastWeight;
        private final Duration halfLife;

        Proxy(HeuristicAttribution h) {
            directChannel = h.directChannel;
            firstWeight = h.firstWeight;
            lastWeight = h.lastWeight;
            halfLife = h.halfLife;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return withDefaults().withDirectChannel(directChannel).withPositionWeights(firstWeight, lastWeight)
                        .withHalfLife(halfLife);
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid HeuristicAttribution: "
                        + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }
}
