package io.loyalty.examples;

import io.loyalty.kano.AnswerVocabulary;
import io.loyalty.kano.ClassificationRule;
import io.loyalty.kano.EvaluationTable;
import io.loyalty.kano.FeatureResult;
import io.loyalty.kano.Kano;
import io.loyalty.kano.KanoAnalysis;
import io.loyalty.kano.KanoSurvey;
import io.loyalty.kano.PriorityOrder;
import io.loyalty.tablesaw.KanoTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BubbleChart;
import org.knowm.xchart.BubbleChartBuilder;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Kano on the Reppel (2022) transfers survey: 358 respondents, six features, labels read by meaning. Prints the
 * per-feature table the author published (Q-diagonal table, (O+A+M) rule), the standard analysis with Fong's
 * test and DuMouchel's scores, a prioritisation, the split by gender, and writes the Better/Worse bubble chart
 * (bubble size = mean importance).
 */
public final class KanoExample {
    private KanoExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or the chart cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        System.out.println("== Kano: transfers survey (Reppel 2022, 358 respondents) ==");
        Table answers = readAllText("kano/transfers--all_cohorts-clean.csv");
        Table features = readAllText("kano/features.csv");
        KanoSurvey survey = KanoTables.survey(answers, AnswerVocabulary.standard());
        List<String> labels = new ArrayList<>();
        for (var f : survey.features()) {
            labels.add(features.where(features.stringColumn("ID").isEqualTo(f.name())).stringColumn("Label").get(0));
        }
        survey = survey.withFeatureNames(labels);

        KanoAnalysis published = Kano.withDefaults().withTable(EvaluationTable.qDiagonal())
                .withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT).analyze(survey);
        System.out.println("As the author computed it (Q-diagonal table, (O+A+M) rule):");
        System.out.println(published);

        KanoAnalysis standard = Kano.withDefaults().analyze(survey);
        System.out.println("Standard table, most frequent category; Fong's test of the top two:");
        for (FeatureResult f : standard.features()) {
            System.out.printf("  %-22s %-16s %s%n", f.feature(), f.category(), f.fong());
        }
        System.out.println("DuMouchel's continuous scores (mean, sample SD):");
        for (FeatureResult f : standard.features()) {
            System.out.printf("  %-22s %s%n", f.feature(), f.continuous().orElseThrow());
        }
        System.out.println("Priority (must-be, one-dimensional, attractive; each by importance):");
        int rank = 1;
        for (FeatureResult f : published.prioritized(PriorityOrder.IMPORTANCE)) {
            System.out.printf("  %d. %-22s %s  importance %.2f  Better %.3f  Worse %.3f%n", rank++, f.feature(),
                    f.category().letter(), f.meanImportance().orElseThrow(), f.better(), f.worse());
        }

        Map<String, KanoAnalysis> byGender = Kano.withDefaults().withTable(EvaluationTable.qDiagonal())
                .withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT)
                .analyzeBySegment(survey.withSegments(KanoTables.segments(answers, "Gender")));
        System.out.println("By gender (category, Better, Worse) via KanoTables.toTable:");
        Table segments = KanoTables.toTable(byGender).selectColumns("segment", "feature", "n", "category", "better",
                "worse", "importance");
        for (String c : List.of("n", "better", "worse", "importance")) {
            segments.doubleColumn(c).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(c.equals("n") ? 0 : 3));
        }
        System.out.println(segments.print());

        betterWorseChart(published);
        System.out.println();
    }

    private static void betterWorseChart(KanoAnalysis analysis) throws IOException {
        BubbleChart chart = new BubbleChartBuilder().width(900).height(650)
                .title("Kano Better/Worse: transfers survey (bubble size = mean importance)")
                .xAxisTitle("|Worse| = (O+M)/(A+O+M+I): dissatisfaction if absent")
                .yAxisTitle("Better = (A+O)/(A+O+M+I): satisfaction if present").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE)
                .setDecimalPattern("0.0");
        for (FeatureResult f : analysis.features()) {
            double importance = f.meanImportance().orElseThrow();
            // XChart draws the bubble value as a diameter in pixels: scale importance 1..9 to about 10..70 px.
            chart.addSeries(f.feature() + " (" + f.category().letter() + ")", new double[] {-f.worse()},
                    new double[] {f.better()}, new double[] {importance * 8});
        }
        chart.addAnnotation(new AnnotationLine(0.5, true, false));
        chart.addAnnotation(new AnnotationLine(0.5, false, false));
        chart.addAnnotation(new AnnotationText("Attractive", 0.1, 0.95, false));
        chart.addAnnotation(new AnnotationText("One-dimensional", 0.88, 0.95, false));
        chart.addAnnotation(new AnnotationText("Indifferent", 0.1, 0.05, false));
        chart.addAnnotation(new AnnotationText("Must-be", 0.9, 0.05, false));
        String out = Examples.output("kano-better-worse.png").toString();
        BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        System.out.println("Better/Worse chart: " + out);
    }

    private static Table readAllText(String relative) throws IOException {
        String header;
        try (var lines = Files.lines(Examples.data(relative))) {
            header = lines.findFirst().orElseThrow();
        }
        ColumnType[] types = new ColumnType[header.split(",", -1).length];
        Arrays.fill(types, ColumnType.STRING);
        try (InputStream in = Files.newInputStream(Examples.data(relative))) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName(relative).columnTypes(types)
                    .build());
        }
    }
}
