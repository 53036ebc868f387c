package io.loyalty.spark;

import io.loyalty.internal.Checks;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of a touch-event {@code Dataset<Row>} hold the user id, the event time, the channel, the conversion
 * marker and (optionally) the conversion value, and what to do with rows where a required cell is null.
 *
 * <p>Each row is one event: a <b>touch</b> (marker false or 0) of its channel, or a <b>conversion</b> (marker true or
 * non-zero) worth its value; a conversion row's channel is not read (it may be null). These are the core's two event
 * sets, touches and conversions, of {@link io.loyalty.attribution.JourneyBuilder}.
 * <ul>
 *   <li>user id: a string or an integral column (integral ids are read as their decimal string);</li>
 *   <li>time: a {@code timestamp} column (truncated to whole seconds) or a {@code date} column (its midnight UTC);</li>
 *   <li>channel: a string column; names are trimmed as the core trims them, and must not be blank on a touch;</li>
 *   <li>conversion marker: a boolean or an integral column;</li>
 *   <li>value: any numeric column, finite and {@code >= 0} on conversion rows; without it every conversion is
 *       worth 0.</li>
 * </ul>
 * Required: user id, time and marker on every row, the channel on touch rows, the value (when named) on conversion
 * rows.
 *
 * <pre>{@code
 * TouchSchema schema = TouchSchema.of("user", "time", "channel", "converted").withValue("revenue");
 * }</pre>
 *
 * @since 0.1
 */
public final class TouchSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The column of user ids. */
    private final String user;
    /** The column of touch times. */
    private final String time;
    /** The column of channels. */
    private final String channel;
    /** The column that flags a conversion. */
    private final String conversion;
    /** The column of conversion values, or null when there is none. */
    private final String value;
    /** What a row with a null in a required column does. */
    private final NullPolicy nulls;

    private TouchSchema(String user, String time, String channel, String conversion, String value,
            NullPolicy nulls) {
        this.user = user;
        this.time = time;
        this.channel = channel;
        this.conversion = conversion;
        this.value = value;
        this.nulls = nulls;
    }

    /**
     * Names the four event columns; conversions are worth 0 and rows with a required null cell are rejected.
     *
     * @param user the user-id column
     * @param time the event-time column
     * @param channel the channel column
     * @param conversion the conversion-marker column
     * @return the schema
     */
    public static TouchSchema of(String user, String time, String channel, String conversion) {
        return new TouchSchema(Checks.notBlank(user, "user"), Checks.notBlank(time, "time"),
                Checks.notBlank(channel, "channel"), Checks.notBlank(conversion, "conversion"), null,
                NullPolicy.REJECT);
    }

    /**
     * The same columns, with each conversion worth the value in {@code column}.
     *
     * @param column the conversion-value column
     * @return a new schema
     */
    public TouchSchema withValue(String column) {
        return new TouchSchema(user, time, channel, conversion, Checks.notBlank(column, "column"), nulls);
    }

    /**
     * The same columns, with rows that miss a required cell (a null user, time or marker, a null or blank channel
     * on a touch, a null or NaN value on a conversion) left out. Negative or infinite values are still rejected.
     *
     * @return a schema that drops incomplete rows
     */
    public TouchSchema droppingNulls() {
        return new TouchSchema(user, time, channel, conversion, value, NullPolicy.DROP);
    }

    /** @return the user-id column name */
    public String user() {
        return user;
    }

    /** @return the event-time column name */
    public String time() {
        return time;
    }

    /** @return the channel column name */
    public String channel() {
        return channel;
    }

    /** @return the conversion-marker column name */
    public String conversion() {
        return conversion;
    }

    /** @return the conversion-value column name, or empty when conversions are worth 0 */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** @return what happens to rows with a required null cell */
    public NullPolicy nulls() {
        return nulls;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TouchSchema s && s.user.equals(user) && s.time.equals(time)
                && s.channel.equals(channel) && s.conversion.equals(conversion) && Objects.equals(s.value, value)
                && s.nulls == nulls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, time, channel, conversion, value, nulls);
    }

    @Override
    public String toString() {
        return "TouchSchema[user=" + user + ", time=" + time + ", channel=" + channel + ", conversion=" + conversion
                + ", value=" + (value == null ? "none" : value) + ", nulls=" + nulls + "]";
    }
}
