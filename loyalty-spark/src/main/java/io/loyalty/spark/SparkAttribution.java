package io.loyalty.spark;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.attribution.JourneyBuilder;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.TimedJourneys;
import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;

import org.apache.spark.api.java.function.MapPartitionsFunction;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import static io.loyalty.spark.Inputs.quoted;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

/**
 * Multi-touch attribution on Spark: journeys built from touch events with window functions and aggregated by path
 * on the cluster; the distinct paths collected to the driver as the core's {@link Journeys}, which every model of
 * {@code io.loyalty.attribution} (heuristic, Markov removal effect of any order, Shapley) then solves.
 *
 * <p><b>Journeys</b> follow {@link JourneyBuilder} exactly (its lookback and session gap are read from the builder
 * given to {@link #withJourneys}). Per user, events are ordered by time; at equal times touches come before
 * conversions (a touch at a conversion's second is part of its journey), touches at the same second by channel
 * name (Spark's binary string order, the names' UTF-8 bytes: the core's Unicode code point order) and conversions
 * at the same second by value, largest first (it takes the touches; the others at that second count as
 * unattributed), so the journeys do not depend on the order of the rows. Conversion <i>j</i> takes the touches
 * after conversion <i>j&minus;1</i>, up to and including its time, and not older than the lookback; a conversion
 * without such a touch is unattributed (an empty path). The touches after the last conversion form one non-converting journey,
 * those within the lookback before its last touch. With a session gap, a touch of the same channel as the
 * journey's previous touch, at most the gap after it, is merged into it.
 *
 * <pre>{@code
 * SparkAttribution attribution = SparkAttribution.of(TouchSchema.of("user", "time", "channel", "converted")
 *         .withValue("revenue")).withJourneys(JourneyBuilder.withDefaults().withLookback(Duration.ofDays(14)));
 * PathCounts paths = SparkAttribution.collect(attribution.pathCounts(events));
 * MarkovResult markov = MarkovAttribution.withDefaults().withOrder(2).attribute(paths.journeys());
 * }</pre>
 *
 * <p>Time decay needs each touch's time, which path counts do not keep: {@link #timeDecay} runs the core's model on
 * the executors instead. Already aggregated paths (Data.csv) go through {@link #aggregatePaths}.
 *
 * <p>Channel names are trimmed as the core trims them ({@code String.trim}) and checked with the core's rules before
 * the job: a touch's channel must not be blank, contain {@code >}, {@code ;} or a line break, or be one of the Markov
 * states {@code (start)}, {@code (conversion)}, {@code (null)}. The path totals are summed exactly, as the core sums
 * them, so that they do not depend on how the cluster partitioned the journeys. Immutable.
 *
 * @since 0.1
 */
public final class SparkAttribution {
    /** The path column of {@link #pathCounts} and {@link #aggregatePaths} (Data.csv's header). */
    public static final String PATH = "path";
    /** The converting-journeys column of the path counts. */
    public static final String CONVERSIONS = "total_conversions";
    /** The conversion-value column of the path counts. */
    public static final String VALUE = "total_conversion_value";
    /** The non-converting-journeys column of the path counts. */
    public static final String NULLS = "total_null";

    private static final String USER = "__user";
    private static final String TIME = "__time";
    private static final String KIND = "__kind";
    private static final String CHANNEL = "__channel";
    private static final String AMOUNT = "__value";
    private static final String JOURNEY = "__journey";
    private static final String TOUCHES = "__touches";
    private static final String CONVERTED = "__converted";
    private static final String CONVERSION_TIME = "__conversionTime";

    /** What Java's {@code String.trim} removes: the characters up to U+0020 at either end. */
    private static final String TRIM = "\\A[\\x00-\\x20]+|[\\x00-\\x20]+\\z";

    private final TouchSchema schema;
    private final JourneyBuilder rules;

    private SparkAttribution(TouchSchema schema, JourneyBuilder rules) {
        this.schema = schema;
        this.rules = rules;
    }

    /**
     * Journeys from events with the core's default rules ({@link JourneyBuilder#withDefaults()}: lookback 30 days,
     * no session merging).
     *
     * @param schema the event columns
     * @return the calculator
     */
    public static SparkAttribution of(TouchSchema schema) {
        Checks.notNull(schema, "schema");
        return new SparkAttribution(schema, JourneyBuilder.withDefaults());
    }

    /**
     * The journey rules: the lookback window and session gap of a core builder.
     *
     * @param journeys the builder whose rules to follow
     * @return a new calculator
     */
    public SparkAttribution withJourneys(JourneyBuilder journeys) {
        Checks.notNull(journeys, "journeys");
        return new SparkAttribution(schema, journeys);
    }

    /**
     * Journeys built from touch events and counted by path, on the cluster. The input is checked now (schema, then
     * one counting pass for missing cells); the counts are computed when the result is used.
     *
     * <p>Columns: {@link #PATH} ({@code array<string>}, the trimmed channel names in journey order; an empty array
     * holds the conversions without a touch within the lookback), {@link #CONVERSIONS} and {@link #NULLS}
     * ({@code long}) and {@link #VALUE} ({@code double}). {@code array_join(path, ' > ')} gives Data.csv's text.
     *
     * @param events the touch events, one row per touch or conversion (see {@link TouchSchema}); not modified
     * @return one row per distinct path
     * @throws IllegalArgumentException naming the column for a missing or mistyped column, and with a count of
     *     rows for null or blank cells (unless the schema drops them) and for negative or infinite values
     */
    public Dataset<Row> pathCounts(Dataset<Row> events) {
        return journeys(events)
                .select(col(TOUCHES).getField(CHANNEL).as(PATH), col(CONVERTED), col(AMOUNT),
                        lit(1).minus(col(CONVERTED)).as("__null"))
                .groupBy(col(PATH))
                .agg(sum(col(CONVERTED)).as(CONVERSIONS), ExactTotal.of(col(AMOUNT)).as(VALUE),
                        sum(col("__null")).as(NULLS));
    }

    /**
     * Time-decay attribution of the journeys built from touch events: the core's
     * {@link HeuristicAttribution#timeDecay} needs each touch's time, which path counts do not keep, so it runs on
     * the executors, over each partition's converting journeys, and the driver adds up the partitions' credits
     * (each journey's credit depends on that journey only).
     *
     * @param events the touch events (see {@link TouchSchema}); not modified
     * @param model the rules, for their half-life
     * @return the credits, channels in name order; a channel seen only on non-converting journeys is not listed
     * @throws IllegalArgumentException as {@link #pathCounts}
     */
    public Attribution timeDecay(Dataset<Row> events, HeuristicAttribution model) {
        Checks.notNull(model, "model");
        Dataset<Row> converting = journeys(events)
                .filter(col(CONVERTED).equalTo(1).and(size(col(TOUCHES)).gt(0)))
                .select(col(TOUCHES), col(CONVERSION_TIME), col(AMOUNT));
        StructType credit = new StructType().add("channel", DataTypes.StringType)
                .add("conversions", DataTypes.DoubleType).add("value", DataTypes.DoubleType);
        List<Row> sums = new ArrayList<>(converting
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> timeDecay(rows, model), Encoders.row(credit))
                .groupBy(col("channel"))
                // Exact, so that the partitions' credits add up to the same doubles in any order.
                .agg(ExactTotal.of(col("conversions")), ExactTotal.of(col("value")))
                .collectAsList());
        sums.sort(Comparator.comparing((Row r) -> r.getString(0)));
        List<String> channels = new ArrayList<>(sums.size());
        double[] conversions = new double[sums.size()];
        double[] values = new double[sums.size()];
        for (int i = 0; i < conversions.length; i++) {
            channels.add(sums.get(i).getString(0));
            conversions[i] = sums.get(i).getDouble(1);
            values[i] = sums.get(i).getDouble(2);
        }
        // The model's name (with its half-life) as the core writes it.
        String name = model.timeDecay(TimedJourneys.builder().build()).model();
        return Attribution.of(name, channels, conversions, values);
    }

    /** The core's time decay over one partition's converting journeys: one row of credits per channel. */
    private static Iterator<Row> timeDecay(Iterator<Row> rows, HeuristicAttribution model) {
        TimedJourneys.Builder journeys = TimedJourneys.builder();
        List<String> channels = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            List<Row> touches = r.getList(0);
            long[] times = new long[touches.size()];
            channels.clear();
            for (int k = 0; k < times.length; k++) {
                times[k] = touches.get(k).getLong(0);
                channels.add(touches.get(k).getString(1));
            }
            journeys.addConverted(channels, times, r.getLong(1), r.getDouble(2));
        }
        Attribution a = model.timeDecay(journeys.build());
        double[] conversions = a.conversions();
        double[] values = a.values();
        List<Row> out = new ArrayList<>(conversions.length);
        for (int c = 0; c < conversions.length; c++) {
            out.add(RowFactory.create(a.channels().get(c), conversions[c], values[c]));
        }
        return out.iterator();
    }

    /**
     * One row per journey: (user, journey number, converted 0/1, value, conversion time, touches sorted by time and
     * channel name as structs of time, channel), the touches after the lookback and session rules.
     */
    private Dataset<Row> journeys(Dataset<Row> events) {
        Dataset<Row> canonical = canonicalEvents(events);
        long lookback = rules.lookback().getSeconds();
        Column session = rules.sessionGap().map(Duration::getSeconds).map(gap -> sessionContinues(lookback, gap))
                .orElse(lit(false));

        // One ordering per user; every frame below shares it, so the plan has one exchange and one sort for them.
        // The core's tie rules: at one second, touches (by channel name) before conversions (largest value first);
        // events still tied are the same touch or equal conversions, whose order changes nothing.
        WindowSpec byUser = Window.partitionBy(col(USER)).orderBy(col(TIME), col(KIND), col(CHANNEL),
                col(AMOUNT).desc());
        Column conversionsSoFar = sum(col(KIND)).over(
                byUser.rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
        // A touch's journey ends at the next conversion; after the last one, at the user's last touch.
        Column nextConversion = min(when(col(KIND).equalTo(1), col(TIME))).over(
                byUser.rowsBetween(Window.currentRow(), Window.unboundedFollowing()));
        Column lastTouch = max(when(col(KIND).equalTo(0), col(TIME))).over(
                byUser.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing()));
        Dataset<Row> ordered = canonical
                .withColumn(JOURNEY, conversionsSoFar.minus(col(KIND)))
                .withColumn("__from", coalesce(nextConversion, lastTouch).minus(lookback))
                .withColumn("__prevKind", lag(col(KIND), 1).over(byUser))
                .withColumn("__prevTime", lag(col(TIME), 1).over(byUser))
                .withColumn("__prevChannel", lag(col(CHANNEL), 1).over(byUser));
        Column touchKept = col(KIND).equalTo(0).and(col(TIME).geq(col("__from"))).and(not(session));
        return ordered
                .filter(col(KIND).equalTo(1).or(touchKept))
                // Already partitioned by user, so grouping by (user, journey) needs no second exchange.
                .groupBy(col(USER), col(JOURNEY))
                .agg(max(col(KIND)).as(CONVERTED), sum(col(AMOUNT)).as(AMOUNT),
                        max(when(col(KIND).equalTo(1), col(TIME))).as(CONVERSION_TIME),
                        array_sort(collect_list(when(col(KIND).equalTo(0),
                                struct(col(TIME), col(CHANNEL))))).as(TOUCHES));
    }

    /**
     * The core's session rule on the ordered events: a kept touch of the previous touch's channel, at most
     * {@code gap} seconds after it, continues that touch's session (the previous event then is a touch of the same
     * journey, and within the lookback when this one is).
     */
    private static Column sessionContinues(long lookback, long gap) {
        return coalesce(col("__prevKind").equalTo(0)
                .and(col("__prevChannel").equalTo(col(CHANNEL)))
                .and(col(TIME).minus(col("__prevTime")).leq(gap))
                .and(col("__prevTime").geq(col("__from"))), lit(false));
    }

    /** Validated events: (user string, time epoch seconds, kind 0 touch / 1 conversion, channel, value). */
    private Dataset<Row> canonicalEvents(Dataset<Row> events) {
        Checks.notNull(events, "events");
        Inputs.requireColumn(events, schema.user(), "user id", Inputs.Kind.ID);
        DataType timeType = Inputs.requireColumn(events, schema.time(), "time", Inputs.Kind.TIME);
        Inputs.requireColumn(events, schema.channel(), "channel", Inputs.Kind.STRING);
        DataType markerType = Inputs.requireColumn(events, schema.conversion(), "conversion marker",
                Inputs.Kind.FLAG);
        schema.value().ifPresent(v -> Inputs.requireColumn(events, v, "conversion value", Inputs.Kind.NUMERIC));

        Column marker = col(quoted(schema.conversion()));
        Column converts = markerType.equals(DataTypes.BooleanType) ? marker : marker.notEqual(0);
        Column channel = regexp_replace(col(quoted(schema.channel())), TRIM, "");
        Column touch = coalesce(not(converts), lit(false));
        List<Inputs.Rule> rules = new ArrayList<>();
        rules.add(Inputs.Rule.nullCell(events, schema.user()));
        rules.add(Inputs.Rule.nullCell(events, schema.time()));
        rules.add(Inputs.Rule.nullCell(events, schema.conversion()));
        rules.add(new Inputs.Rule(schema.channel(), "null or blank", "touch row",
                touch.and(coalesce(channel.isNull().or(channel.equalTo("")).or(Inputs.blank(channel)), lit(true))),
                true));
        rules.addAll(Inputs.channelNameRules(schema.channel(), touch, channel));
        Column value = lit(0.0);
        if (schema.value().isPresent()) {
            value = Inputs.number(schema.value().get());
            rules.add(new Inputs.Rule(schema.value().get(), "null or NaN", "conversion row",
                    coalesce(converts.and(value.isNull().or(isnan(value))), lit(false)), true));
            rules.add(new Inputs.Rule(schema.value().get(), "negative or infinite", "conversion row",
                    coalesce(converts.and(value.lt(0).or(Inputs.infinite(value))), lit(false)),
                    false));
        }
        Dataset<Row> valid = Inputs.requireValid(events, schema.nulls(), rules);

        Column time = timeType instanceof DateType
                ? unix_date(col(quoted(schema.time()))).cast(DataTypes.LongType).multiply(86_400L)
                : unix_seconds(col(quoted(schema.time())));
        return valid.select(
                col(quoted(schema.user())).cast(DataTypes.StringType).as(USER),
                time.as(TIME),
                when(converts, 1).otherwise(0).as(KIND),
                when(not(converts), channel).as(CHANNEL),
                when(converts, value).otherwise(0.0).as(AMOUNT));
    }

    /**
     * Already aggregated paths (as in ChannelAttribution's Data.csv: a path {@code a > b > c}, its conversions,
     * value and nulls) summed by path on the cluster, in the layout of {@link #pathCounts} with {@link #PATH} as
     * text; the driver parses the paths in {@link #collect} with the core's rules. Null cells are rejected.
     *
     * @param paths the rows; not modified
     * @param path the path column (string)
     * @param conversions the conversions column (numeric, {@code >= 0})
     * @param value the conversion-value column (numeric, {@code >= 0}, 0 where there are no conversions)
     * @param nulls the non-conversions column (numeric, {@code >= 0})
     * @return one row per distinct path text
     * @throws IllegalArgumentException naming the column for a missing or mistyped column, and with a count of
     *     rows for null, NaN, negative or infinite cells and for a value without conversions
     */
    public static Dataset<Row> aggregatePaths(Dataset<Row> paths, String path, String conversions, String value,
            String nulls) {
        Checks.notNull(paths, "paths");
        String[] names = {path, conversions, value, nulls};
        String[] roles = {"path", "conversions", "conversion value", "nulls"};
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException(roles[i] + " column name must not be blank");
            }
            Inputs.requireColumn(paths, names[i], roles[i], i == 0 ? Inputs.Kind.STRING : Inputs.Kind.NUMERIC);
        }
        List<Inputs.Rule> rules = new ArrayList<>();
        for (String name : names) {
            rules.add(Inputs.Rule.nullCell(paths, name));
        }
        Column[] numbers = new Column[3];
        for (int i = 1; i < names.length; i++) {
            numbers[i - 1] = Inputs.number(names[i]);
            rules.add(new Inputs.Rule(names[i], "negative or infinite", "row",
                    coalesce(numbers[i - 1].lt(0).or(Inputs.infinite(numbers[i - 1])), lit(false)),
                    false));
        }
        rules.add(new Inputs.Rule(value, "positive where conversions are 0", "row",
                coalesce(numbers[1].gt(0).and(numbers[0].equalTo(0)), lit(false)), false));
        Dataset<Row> valid = Inputs.requireValid(paths, NullPolicy.REJECT, rules);
        return valid.groupBy(col(quoted(path)).as(PATH))
                .agg(ExactTotal.of(numbers[0]).as(CONVERSIONS), ExactTotal.of(numbers[1]).as(VALUE),
                        ExactTotal.of(numbers[2]).as(NULLS));
    }

    /**
     * Collects path counts (from {@link #pathCounts} or {@link #aggregatePaths}) to the driver as the core's
     * {@link Journeys}. The paths are sorted by their text first, so the channel order (first appearance) and every
     * result do not depend on how the cluster partitioned them.
     *
     * @param pathCounts one row per path: {@link #PATH} (text {@code a > b > c} or an array of channel names; an
     *     empty array for unattributed conversions), {@link #CONVERSIONS}, {@link #VALUE}, {@link #NULLS}
     * @return the journeys and the unattributed conversions
     * @throws IllegalArgumentException naming the column for a missing or mistyped column, the core's message
     *     for a bad path or count, or the columns and values of a bad empty path (its conversions and value must be
     *     finite and {@code >= 0}, its nulls 0)
     */
    public static PathCounts collect(Dataset<Row> pathCounts) {
        Checks.notNull(pathCounts, "pathCounts");
        if (!Arrays.asList(pathCounts.columns()).contains(PATH)) {
            throw new IllegalArgumentException(String.format("path column '%s' not found; the columns are %s", PATH,
                    Arrays.toString(pathCounts.columns())));
        }
        DataType pathType = pathCounts.schema().apply(PATH).dataType();
        if (!(pathType instanceof StringType
                || pathType instanceof ArrayType a && a.elementType() instanceof StringType)) {
            throw new IllegalArgumentException(String.format(
                    "path column '%s' must be a string or an array of strings but is %s", PATH,
                    pathType.simpleString()));
        }
        for (String c : new String[] {CONVERSIONS, VALUE, NULLS}) {
            Inputs.requireColumn(pathCounts, c, c, Inputs.Kind.NUMERIC);
        }
        boolean text = pathType instanceof StringType;
        List<Row> rows = new ArrayList<>(pathCounts.select(col(PATH), col(CONVERSIONS).cast(DataTypes.DoubleType),
                col(VALUE).cast(DataTypes.DoubleType), col(NULLS).cast(DataTypes.DoubleType)).collectAsList());
        rows.sort(text ? Comparator.comparing((Row r) -> r.getString(0), Comparator.nullsFirst(
                Comparator.naturalOrder())) : Comparator.comparing((Row r) -> r.<String>getList(0),
                SparkAttribution::compareLists));
        Journeys.Accumulator acc = Journeys.Accumulator.create();
        // Exact, as the core sums them, so that several empty-path rows give the same totals in any order.
        ExactSum unattributed = new ExactSum();
        ExactSum unattributedValue = new ExactSum();
        for (Row r : rows) {
            double c = r.isNullAt(1) ? Double.NaN : r.getDouble(1);
            double v = r.isNullAt(2) ? Double.NaN : r.getDouble(2);
            double n = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
            if (text) {
                acc.add(r.getString(0), c, v, n);
            } else if (!r.isNullAt(0) && r.getList(0).isEmpty()) {
                // The empty path holds unattributed conversions, which the core's accumulator never sees.
                if (c >= 0 && c < Double.POSITIVE_INFINITY && v >= 0 && v < Double.POSITIVE_INFINITY && n == 0) {
                    unattributed.add(c);
                    unattributedValue.add(v);
                } else {
                    throw new IllegalArgumentException(Checks.format("pathCounts: the empty path (unattributed "
                            + "conversions) needs finite %s >= 0, finite %s >= 0 and %s = 0, got %s, %s, %s",
                            CONVERSIONS, VALUE, NULLS, c, v, n));
                }
            } else {
                acc.add(r.isNullAt(0) ? null : r.<String>getList(0), c, v, n);
            }
        }
        double lost = unattributed.value();
        double lostValue = unattributedValue.value();
        Checks.require(lost < Double.POSITIVE_INFINITY && lostValue < Double.POSITIVE_INFINITY,
                "pathCounts: the unattributed conversions or their value sum beyond the largest double");
        return new PathCounts(acc.snapshot(), lost, lostValue);
    }

    /** Lexicographic order of channel lists (null lists and names first). */
    private static int compareLists(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        Comparator<String> names = Comparator.nullsFirst(Comparator.naturalOrder());
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            int c = names.compare(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public String toString() {
        return "SparkAttribution[" + schema + ", " + rules + "]";
    }
}
