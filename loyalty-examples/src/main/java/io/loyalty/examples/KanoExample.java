package io.loyalty.examples;

import io.loyalty.charts.KanoCharts;
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
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Kano on the Reppel (2022) transfers survey: 358 respondents, six features, labels read by meaning. Prints the
 * per-feature table the author published (Q-diagonal table, (O+A+M) rule), the standard analysis with Fong's
 * test and DuMouchel's scores, a prioritisation, the split by gender, and writes the Better/Worse chart
 * ({@link KanoCharts}).
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
        StringWriter priority = new StringWriter();
        published.writePriorityCsv(PriorityOrder.IMPORTANCE, priority);
        System.out.println("KanoAnalysis.writePriorityCsv(IMPORTANCE, out), first lines:");
        priority.toString().lines().limit(3).forEach(System.out::println);
        StringWriter bySegment = new StringWriter();
        KanoAnalysis.writeCsv(byGender, bySegment);
        System.out.println("KanoAnalysis.writeCsv(byGender, out), first lines:");
        bySegment.toString().lines().limit(3).forEach(System.out::println);

        String out = TourCharts.save("kano-better-worse.png", KanoCharts.betterWorse(published).withTitle(
                "Kano Better/Worse: transfers survey (Reppel 2022), Q-diagonal table, (O+A+M) rule")
                .withSize(950, 560)).toString();
        System.out.println("Better/Worse chart: " + out);
        System.out.println();
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
