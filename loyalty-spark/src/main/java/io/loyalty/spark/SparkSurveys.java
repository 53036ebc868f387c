package io.loyalty.spark;

import io.loyalty.data.PeriodRule;
import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsScale;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

/**
 * NPS, CSAT and CES of a survey-answers {@code Dataset<Row>} by segment and by period: the answers are counted per
 * (segment, day, answer) on the cluster and the scores, intervals and tests are the core's
 * ({@link SurveyTallies}).
 *
 * <pre>{@code
 * SurveyTallies t = SparkSurveys.of("REC").bySegment("BU").byPeriod("date", PeriodRule.months()).nps(answers);
 * NpsBreakdown byUnit = t.npsBySegment(NpsCalculator.withDefaults());
 * NpsBreakdown byMonth = t.npsByPeriod(NpsCalculator.withDefaults());
 * }</pre>
 *
 * <p>Distributed: one {@code groupBy(segments..., day, answer).count()} with built-in expressions (one exchange,
 * after a partial aggregation on each partition). A {@code date} column is grouped by its epoch day; a
 * {@code timestamp} column is first turned into the calendar day of the period rule's zone on the executors, by
 * the core's {@link PeriodRule#days(ZoneId)}. On the driver: each day is mapped to its period by the caller's
 * {@link PeriodRule} and the counts go into the core's accumulators.
 *
 * <p>Bad input, reported with the column and a count of rows and before any score is formed: a missing or
 * mistyped column (from the schema, no job); a null (or NaN) answer, segment or time (counted in the one job;
 * {@link #droppingNulls()} leaves such rows out); an answer that is not a whole number on the scale (always
 * rejected); two combinations of several segment columns with the same label. Immutable; each {@code byX}
 * returns a new calculator.
 *
 * @since 0.1
 */
public final class SparkSurveys {
    private static final String SCORE = "__score";
    private static final String VALUE = "__value";
    private static final String DAY = "__day";
    private static final String MICROS = "__micros";
    private static final String SEGMENT = "__segment";
    /** Joins the values of several segment columns into one label. */
    private static final String SEPARATOR = " / ";
    /** The group of answers that are not whole numbers on the scale. */
    private static final long INVALID = Long.MIN_VALUE;

    private final String score;
    private final List<String> segments;
    private final String time;
    private final PeriodRule rule;
    private final NullPolicy nulls;

    private SparkSurveys(String score, List<String> segments, String time, PeriodRule rule, NullPolicy nulls) {
        this.score = score;
        this.segments = segments;
        this.time = time;
        this.rule = rule;
        this.nulls = nulls;
    }

    /**
     * Answers in a numeric column, over all segments and periods; rows with a null answer are rejected.
     *
     * @param scoreColumn the answer column (any numeric type; each answer a whole number on the scale)
     * @return the calculator
     */
    public static SparkSurveys of(String scoreColumn) {
        return new SparkSurveys(Checks.notBlank(scoreColumn, "scoreColumn"), List.of(), null, null,
                NullPolicy.REJECT);
    }

    /**
     * This calculator counting by segment: the values of one or more string, integral or boolean columns. Several
     * columns make one segment per combination, labelled by its values joined with {@code " / "}; two combinations
     * that would make the same label (a value containing {@code " / "}) are rejected when the tallies are made.
     *
     * @param segmentColumns the segment columns, at least one
     * @return a new calculator
     */
    public SparkSurveys bySegment(String... segmentColumns) {
        Checks.notNull(segmentColumns, "segmentColumns");
        Checks.require(segmentColumns.length > 0, "segmentColumns is empty");
        for (int i = 0; i < segmentColumns.length; i++) {
            Checks.notBlank(segmentColumns[i], "segmentColumns[" + i + "]");
        }
        return new SparkSurveys(score, List.of(segmentColumns), time, rule, nulls);
    }

    /**
     * This calculator counting by period: a {@code date} column (a calendar day) or a {@code timestamp} column
     * (an instant, read in the rule's zone), cut into the rule's periods. A {@code timestamp} column needs a
     * calendar rule (days, weeks, months, quarters or years in a zone); a fixed-length rule
     * ({@link PeriodRule#every}) cuts {@code date} columns only.
     *
     * @param timeColumn the answer time column
     * @param periods the period rule
     * @return a new calculator
     */
    public SparkSurveys byPeriod(String timeColumn, PeriodRule periods) {
        return new SparkSurveys(score, segments, Checks.notBlank(timeColumn, "timeColumn"),
                Checks.notNull(periods, "periods"), nulls);
    }

    /**
     * This calculator leaving out rows with a null (or NaN) answer, segment or time instead of rejecting them.
     *
     * @return a new calculator
     */
    public SparkSurveys droppingNulls() {
        return new SparkSurveys(score, segments, time, rule, NullPolicy.DROP);
    }

    /**
     * Net Promoter answers on the standard 0..10 scale.
     *
     * @param responses one row per answer; not modified
     * @return the tallies
     * @throws IllegalArgumentException on bad input (see the class comment) or when no answer is left
     */
    public SurveyTallies nps(Dataset<Row> responses) {
        return nps(responses, NpsScale.standard());
    }

    /**
     * Net Promoter answers on a custom scale.
     *
     * @param responses one row per answer; not modified
     * @param scale the answer scale; the tallies score with any {@code NpsCalculator} whose scale spans the same
     *     range
     * @return the tallies
     * @throws IllegalArgumentException on bad input (see the class comment) or when no answer is left
     */
    public SurveyTallies nps(Dataset<Row> responses, NpsScale scale) {
        Checks.notNull(scale, "scale");
        return tally(responses, scale.min(), scale.max());
    }

    /**
     * CSAT answers on 1..5.
     *
     * @param responses one row per answer; not modified
     * @return the tallies
     * @throws IllegalArgumentException on bad input (see the class comment) or when no answer is left
     */
    public SurveyTallies csat(Dataset<Row> responses) {
        return tally(responses, 1, 5);
    }

    /**
     * CES answers on 1..7.
     *
     * @param responses one row per answer; not modified
     * @return the tallies
     * @throws IllegalArgumentException on bad input (see the class comment) or when no answer is left
     */
    public SurveyTallies ces(Dataset<Row> responses) {
        return tally(responses, 1, 7);
    }

    private SurveyTallies tally(Dataset<Row> responses, int lo, int hi) {
        Checks.notNull(responses, "responses");
        DataType scoreType = Inputs.requireColumn(responses, score, "answer", Inputs.Kind.NUMERIC);
        for (String s : segments) {
            Inputs.requireColumn(responses, s, "segment", Inputs.Kind.LABEL);
        }
        boolean byDate = false;
        if (time != null) {
            byDate = Inputs.requireColumn(responses, time, "time", Inputs.Kind.TIME) instanceof DateType;
            Checks.require(byDate || calendar(rule), "time column '%s' holds instants; cutting them into %s needs "
                    + "a calendar rule (days, weeks, months, quarters or years in a zone), or a date column", time,
                    rule);
        }

        Column answer = col(Inputs.quoted(score));
        Column missing = Inputs.missing(responses, score);
        Column whole = Inputs.integral(scoreType) ? lit(true) : answer.equalTo(floor(answer));
        Column valid = whole.and(answer.geq(lo)).and(answer.leq(hi));
        List<Column> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            columns.add(col(Inputs.quoted(segments.get(i))).cast(DataTypes.StringType).as(SEGMENT + i));
            keys.add(SEGMENT + i);
        }
        if (time != null) {
            Column t = col(Inputs.quoted(time));
            columns.add(byDate ? unix_date(t).as(DAY) : unix_micros(t).as(MICROS));
            keys.add(DAY);
        }
        columns.add(when(missing, lit(null).cast(DataTypes.LongType))
                .when(valid, answer.cast(DataTypes.LongType)).otherwise(lit(INVALID)).as(SCORE));
        keys.add(SCORE);
        // A NaN answer would make min() below NaN; the example value is only read for invalid answers.
        columns.add(when(missing, lit(null)).otherwise(answer.cast(DataTypes.DoubleType)).as(VALUE));
        Dataset<Row> rows = responses.select(columns.toArray(new Column[0]));
        if (time != null && !byDate) {
            rows = localDays(rows, rule.zone());
        }
        Column[] groups = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<Row> counted = rows.groupBy(groups).agg(count(lit(1)), min(VALUE)).collectAsList();
        return assemble(counted, lo, hi, Inputs.floating(scoreType));
    }

    /** Whether a rule is a calendar rule of its zone, which {@link PeriodRule#indexOfEpochDay} maps exactly. */
    private static boolean calendar(PeriodRule rule) {
        PeriodRule r = rule.withUnit(1);
        ZoneId z = rule.zone();
        return r.equals(PeriodRule.days(z)) || r.equals(PeriodRule.weeks(z)) || r.equals(PeriodRule.months(z))
                || r.equals(PeriodRule.quarters(z)) || r.equals(PeriodRule.years(z));
    }

    /** Replaces the epoch microseconds of each row by its calendar day in {@code zone}, by the core's day rule. */
    private static Dataset<Row> localDays(Dataset<Row> rows, ZoneId zone) {
        StructField[] in = rows.schema().fields();
        int at = rows.schema().fieldIndex(MICROS);
        StructField[] out = in.clone();
        out[at] = DataTypes.createStructField(DAY, DataTypes.IntegerType, true);
        return rows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
            PeriodRule days = PeriodRule.days(zone);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Row r = it.next();
                    Object[] values = new Object[r.length()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = r.get(i);
                    }
                    if (!r.isNullAt(at)) {
                        long micros = r.getLong(at);
                        values[at] = Math.toIntExact(days.index(Math.floorDiv(micros, 1_000_000L),
                                (int) Math.floorMod(micros, 1_000_000L) * 1000));
                    }
                    return RowFactory.create(values);
                }
            };
        }, Encoders.row(new StructType(out)));
    }

    /**
     * The driver's part: checks the counted groups, maps days to periods and fills the tallies.
     *
     * @param scoreIsFloating whether a NaN answer counts as missing (a float or double answer column)
     */
    private SurveyTallies assemble(List<Row> counted, int lo, int hi, boolean scoreIsFloating) {
        int k = segments.size();
        boolean timed = time != null;
        long[] missing = new long[k + 2];
        long invalid = 0;
        double example = Double.NaN;
        Map<String, Map<Long, long[]>> tallies = new TreeMap<>();
        // The values behind each joined label: two combinations must not merge under one label.
        Map<String, List<String>> combinations = new HashMap<>();
        for (Row r : counted) {
            long n = r.getLong(r.length() - 2);
            int scoreAt = r.length() - 3;
            if (!r.isNullAt(scoreAt) && r.getLong(scoreAt) == INVALID) {
                invalid += n;
                double v = r.getDouble(r.length() - 1);
                example = Double.isNaN(example) ? v : Math.min(example, v);
                continue;
            }
            boolean incomplete = false;
            String[] values = new String[k];
            for (int i = 0; i < k; i++) {
                values[i] = r.getString(i);
                if (values[i] == null) {
                    missing[i] += n;
                    incomplete = true;
                }
            }
            if (timed && r.isNullAt(k)) {
                missing[k] += n;
                incomplete = true;
            }
            if (r.isNullAt(scoreAt)) {
                missing[k + 1] += n;
                incomplete = true;
            }
            if (incomplete) {
                continue;
            }
            String segment = k == 0 ? "all" : String.join(SEPARATOR, values);
            List<String> combination = combinations.computeIfAbsent(segment, label -> List.of(values));
            Checks.require(combination.equals(List.of(values)), "segment values %s and %s of columns %s both make "
                    + "the label '%s': a value contains '%s'", combination, List.of(values), segments, segment,
                    SEPARATOR);
            long period = timed ? rule.indexOfEpochDay(r.getInt(k)) : 0;
            long[] points = tallies.computeIfAbsent(segment, s -> new TreeMap<>())
                    .computeIfAbsent(period, p -> new long[hi - lo + 1]);
            points[(int) (r.getLong(scoreAt) - lo)] += n;
        }
        if (invalid > 0) {
            throw new IllegalArgumentException(String.format("answer column '%s' is not a whole number on the scale "
                    + "%d..%d in %d row%s (the smallest such answer is %s)", score, lo, hi, invalid,
                    invalid == 1 ? "" : "s", example));
        }
        if (nulls == NullPolicy.REJECT) {
            List<String> names = new ArrayList<>(segments);
            names.add(timed ? time : "");
            names.add(score);
            boolean[] orNaN = new boolean[k + 2];
            orNaN[k + 1] = scoreIsFloating;
            Inputs.rejectIncomplete(names.toArray(new String[0]), missing, orNaN);
        }
        Checks.require(!tallies.isEmpty(), "responses has no answers%s",
                nulls == NullPolicy.DROP ? " left after dropping nulls" : "");

        long[] periodIndex = tallies.values().stream().flatMap(m -> m.keySet().stream()).mapToLong(Long::longValue)
                .sorted().distinct().toArray();
        List<String> periodLabels = new ArrayList<>();
        for (long p : periodIndex) {
            periodLabels.add(timed ? rule.label(p) : "all");
        }
        List<String> segmentLabels = new ArrayList<>(tallies.keySet());
        long[][] cells = new long[segmentLabels.size() * periodIndex.length][];
        for (int s = 0; s < segmentLabels.size(); s++) {
            for (Map.Entry<Long, long[]> e : tallies.get(segmentLabels.get(s)).entrySet()) {
                cells[s * periodIndex.length + Arrays.binarySearch(periodIndex, e.getKey())] = e.getValue();
            }
        }
        return new SurveyTallies(k == 0 ? "all" : String.join(SEPARATOR, segments), timed ? time : "all",
                segmentLabels, periodLabels, lo, hi, cells);
    }

    @Override
    public String toString() {
        return "SparkSurveys[answer " + score + (segments.isEmpty() ? "" : ", by " + segments)
                + (time == null ? "" : ", by " + time + " in " + rule) + ", nulls " + nulls + "]";
    }
}
