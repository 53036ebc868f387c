package io.loyalty.tablesaw;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.AttributionComparison;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.MarkovResult;
import io.loyalty.attribution.ShapleyResult;
import io.loyalty.internal.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw in and out for attribution: a table of paths with counts to {@link Journeys}, and results to tables
 * with one row per channel. Columns are looked up once by name; the table is never modified.
 *
 * @since 0.1
 */
public final class AttributionTables {
    private AttributionTables() {
    }

    /**
     * Reads aggregated paths ({@code a > b > c}) with their counts, as ChannelAttribution's {@code Data.csv}.
     *
     * @param table the table
     * @param pathColumn the text column of paths
     * @param conversionsColumn the numeric column of conversions
     * @param valueColumn the numeric column of conversion values
     * @param nullsColumn the numeric column of non-converting journeys
     * @return the journeys, rows with the same path merged
     * @throws IllegalArgumentException naming the column or the row for a missing column, a wrong type, a missing
     *     cell or a bad value
     */
    public static Journeys journeys(Table table, String pathColumn, String conversionsColumn, String valueColumn,
            String nullsColumn) {
        Columns.requireNames("pathColumn", pathColumn, "conversionsColumn", conversionsColumn,
                "valueColumn", valueColumn, "nullsColumn", nullsColumn);
        String[] paths = paths(table, pathColumn);
        return Journeys.ofPaths(paths, Columns.doubles(table, conversionsColumn, "conversions"),
                Columns.doubles(table, valueColumn, "value"), Columns.doubles(table, nullsColumn, "nulls"));
    }

    /**
     * One row per distinct path: {@code path, total_conversions, total_conversion_value, total_null}.
     *
     * @param journeys the journeys
     * @return a new table named "journeys"
     */
    public static Table toTable(Journeys journeys) {
        int n = Checks.notNull(journeys, "journeys").size();
        String[] paths = new String[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            paths[i] = journeys.path(i);
            c[i] = journeys.conversions(i);
            v[i] = journeys.value(i);
            z[i] = journeys.nulls(i);
        }
        return Columns.readable(Table.create("journeys", StringColumn.create("path", paths),
                DoubleColumn.create("total_conversions", c), DoubleColumn.create("total_conversion_value", v),
                DoubleColumn.create("total_null", z)));
    }

    /**
     * One row per channel: {@code channel, conversions, share, value}.
     *
     * @param attribution the result
     * @return a new table named after the model
     */
    public static Table toTable(Attribution attribution) {
        double[] c = Checks.notNull(attribution, "attribution").conversions();
        double total = attribution.totalConversions();
        double[] share = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            share[i] = total > 0 ? c[i] / total : 0;
        }
        return Columns.readable(Table.create(attribution.model(),
                StringColumn.create("channel", attribution.channels()), DoubleColumn.create("conversions", c),
                DoubleColumn.create("share", share), DoubleColumn.create("value", attribution.values())));
    }

    /**
     * One row per channel: {@code channel, conversions, conversions_std_err, share, value, value_std_err}; the
     * columns of {@link ShapleyResult#writeCsv(java.io.Writer)}.
     *
     * @param result the general Shapley value
     * @return a new table named "Shapley value"
     * @since 0.2
     */
    public static Table toTable(ShapleyResult result) {
        Attribution a = Checks.notNull(result, "result").attribution();
        Table t = toTable(a);
        return Columns.readable(Table.create("Shapley value", t.stringColumn("channel"), t.doubleColumn("conversions"),
                DoubleColumn.create("conversions_std_err", result.conversionStandardErrors()), t.doubleColumn("share"),
                t.doubleColumn("value"), DoubleColumn.create("value_std_err", result.valueStandardErrors())));
    }

    /**
     * One row per channel: {@code channel, removal_effect, value_removal_effect, conversions, value}.
     *
     * @param result the Markov result
     * @return a new table named after the model
     */
    public static Table toTable(MarkovResult result) {
        Attribution a = Checks.notNull(result, "result").attribution();
        return Columns.readable(Table.create(a.model(), StringColumn.create("channel", a.channels()),
                DoubleColumn.create("removal_effect", result.removalEffects()),
                DoubleColumn.create("value_removal_effect", result.valueRemovalEffects()),
                DoubleColumn.create("conversions", a.conversions()), DoubleColumn.create("value", a.values())));
    }

    /**
     * One row per channel: {@code channel}, then {@code <model> conversions}, {@code <model> value} and
     * {@code <model> share} (of the model's conversions) for each model compared; when costs were given, a
     * {@code cost} column and {@code <model> return on spend} (credited value / cost) for each model.
     *
     * @param comparison the comparison
     * @return a new table named "attribution comparison"
     */
    public static Table toTable(AttributionComparison comparison) {
        Checks.notNull(comparison, "comparison");
        Table t = Table.create("attribution comparison", StringColumn.create("channel", comparison.channels()));
        int nc = comparison.channels().size();
        for (Attribution a : comparison.models()) {
            double[] c = a.conversions();
            double total = a.totalConversions();
            double[] share = new double[nc];
            for (int i = 0; i < nc; i++) {
                share[i] = total > 0 ? c[i] / total : 0;
            }
            t.addColumns(DoubleColumn.create(a.model() + " conversions", c),
                    DoubleColumn.create(a.model() + " value", a.values()),
                    DoubleColumn.create(a.model() + " share", share));
        }
        if (comparison.hasCosts()) {
            t.addColumns(DoubleColumn.create("cost", comparison.costs()));
            for (int m = 0; m < comparison.models().size(); m++) {
                double[] ros = new double[nc];
                for (int i = 0; i < nc; i++) {
                    ros[i] = comparison.returnOnSpend(m, i);
                }
                t.addColumns(DoubleColumn.create(comparison.models().get(m).model() + " return on spend", ros));
            }
        }
        return Columns.readable(t);
    }

    private static String[] paths(Table table, String name) {
        Column<?> c = Columns.column(table, name, "path");
        if (!(c instanceof StringColumn)) {
            throw Columns.wrongType(c, "path", "text");
        }
        StringColumn s = (StringColumn) c;
        String[] out = new String[s.size()];
        for (int row = 0; row < out.length; row++) {
            Checks.require(!s.isMissing(row), "path column '%s' has a missing value at row %d", c.name(), row);
            out[row] = s.get(row);
        }
        return out;
    }
}
