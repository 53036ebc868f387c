package io.loyalty;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.AttributionComparison;
import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.attribution.JourneyBuilder;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.MarkovAttribution;
import io.loyalty.attribution.MarkovResult;
import io.loyalty.attribution.ShapleyAttribution;
import io.loyalty.attribution.TimedJourneys;
import io.loyalty.clv.BetaGeoBetaBinomFitter;
import io.loyalty.clv.BetaGeoBetaBinomModel;
import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ChunkTask;
import io.loyalty.clv.ChunkedCustomers;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.CustomerChunk;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.HoldoutValidation;
import io.loyalty.clv.ModifiedBetaGeoFitter;
import io.loyalty.clv.ModifiedBetaGeoModel;
import io.loyalty.clv.ParetoNbdFitter;
import io.loyalty.clv.ParetoNbdModel;
import io.loyalty.clv.SimulatedCustomers;
import io.loyalty.cohort.Bracket;
import io.loyalty.cohort.CohortAccumulator;
import io.loyalty.cohort.ChurnRule;
import io.loyalty.cohort.CohortKey;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.cohort.KaplanMeier;
import io.loyalty.cohort.SbgData;
import io.loyalty.cohort.SbgFitter;
import io.loyalty.cohort.SbgModel;
import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.data.TransactionColumns;
import io.loyalty.experiment.ArmSummary;
import io.loyalty.experiment.Assignment;
import io.loyalty.experiment.BetaBinomial;
import io.loyalty.experiment.ChiSquareTest;
import io.loyalty.experiment.Comparison;
import io.loyalty.experiment.Msprt;
import io.loyalty.experiment.Proportions;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.kano.AnswerVocabulary;
import io.loyalty.kano.Category;
import io.loyalty.kano.CategoryCounts;
import io.loyalty.kano.EvaluationTable;
import io.loyalty.kano.FeatureAnswers;
import io.loyalty.kano.FongTest;
import io.loyalty.kano.Kano;
import io.loyalty.kano.KanoSurvey;
import io.loyalty.kano.KanoAccumulator;
import io.loyalty.nps.Ces;
import io.loyalty.nps.Csat;
import io.loyalty.nps.IntervalMethod;
import io.loyalty.nps.LoyaltyMatrix;
import io.loyalty.nps.Nps;
import io.loyalty.nps.NpsAccumulator;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.nps.NpsDifference;
import io.loyalty.nps.NpsScale;
import io.loyalty.privacy.BoundedTally;
import io.loyalty.privacy.CohortTally;
import io.loyalty.privacy.ContributionBounds;
import io.loyalty.privacy.DiscreteGaussian;
import io.loyalty.privacy.DiscreteLaplace;
import io.loyalty.privacy.DpAggregates;
import io.loyalty.privacy.DpRelease;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.NoisyValue;
import io.loyalty.privacy.Partitions;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;
import io.loyalty.privacy.Pseudonymizer;
import io.loyalty.privacy.SmallCellSuppression;
import io.loyalty.privacy.SuppressedTable;
import io.loyalty.privacy.ValueRange;
import io.loyalty.rfm.CustomerFigures;
import io.loyalty.rfm.CutPoints;
import io.loyalty.rfm.RfmClusterer;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.Segment;
import io.loyalty.rfm.SegmentMap;
import io.loyalty.rfm.SegmentMovement;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A valid, non-null sample for every parameter type of the public API, and a receiver for every public type's
 * instance methods, for {@link PublicApiSanityTest}. Library types are real instances built through their public
 * factories on a few rows of data, so that a call with every sample succeeds; the test checks that first, so a
 * rejection of the argument under test is never really a rejection of another, badly chosen argument.
 *
 * <p>A parameter's sample is found, in this order, by the member ({@code "Owner.member parameter"}, for the few
 * calls whose arguments must agree in a particular way), by the parameter's type and name ({@code "double[] T"}),
 * then by its type. Every call gets fresh instances: accumulators and builders are mutable.
 */
final class ApiSamples {
    private static final Instant END = Instant.parse("2020-06-30T00:00:00Z");
    private static final LocalDate END_DAY = LocalDate.of(2020, 6, 30);

    private final Map<String, Supplier<Object>> byMember = new HashMap<>();
    /** Receivers for one method, by {@link #receiverKey}: a release must be begun as the aggregate it finishes. */
    private final Map<String, Supplier<Object>> byReceiver = new HashMap<>();
    private final Map<String, Supplier<Object>> byName = new HashMap<>();
    private final Map<String, Supplier<Object>> byType = new HashMap<>();
    /** Expensive immutable samples, built once. */
    private final Map<String, Object> cache = new HashMap<>();

    ApiSamples() {
        primitives();
        data();
        clv();
        churn();
        rfm();
        attribution();
        nps();
        cohort();
        experiment();
        kano();
        privacy();
        tables();
    }

    /**
     * The sample for one parameter of a member.
     *
     * @param member the constructor or method
     * @param p the parameter
     * @return a valid, non-null value
     */
    Object argument(Executable member, Parameter p) {
        String type = p.getParameterizedType().getTypeName();
        String shortType = type.replace("java.lang.", "");
        String memberName = PublicApiSanityTest.memberName(member);
        Supplier<Object> s = byMember.get(memberName + " " + shortType + " " + p.getName());
        if (s == null) {
            s = byMember.get(memberName + " " + p.getName());
        }
        Class<?> owner = member.getDeclaringClass();
        if (s == null && member instanceof Constructor && owner.isRecord() && byType.containsKey(owner.getTypeName())) {
            return component(receiver(owner), p.getName());
        }
        if (s == null) {
            s = byName.get(type.replace("java.lang.", "") + " " + p.getName());
        }
        if (s == null) {
            s = byType.get(type);
        }
        if (s == null && p.getType().isEnum()) {
            return p.getType().getEnumConstants()[0];
        }
        if (s == null) {
            throw new AssertionError("no sample for parameter " + p.getName() + " of type " + type + " of "
                    + PublicApiSanityTest.memberName(member) + ": register one in ApiSamples");
        }
        return s.get();
    }

    /** The canonical constructor of a record with a sample gets that sample's components, which are valid. */
    private static Object component(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no component " + name + " in " + record.getClass());
    }

    /**
     * A receiver for the instance methods of {@code type}.
     *
     * @param type a public library type
     * @return a fresh instance
     */
    Object receiver(Class<?> type) {
        Supplier<Object> s = byType.get(type.getTypeName());
        if (s == null && type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (s == null) {
            throw new AssertionError("no receiver for " + type.getName() + ": register one in ApiSamples");
        }
        return s.get();
    }

    /**
     * The receiver for one instance method: its own sample if one is registered, else {@link #receiver(Class)}.
     *
     * @param type the method's public type
     * @param member the method
     * @return a fresh instance
     */
    Object receiver(Class<?> type, Executable member) {
        Supplier<Object> s = byReceiver.get(receiverKey(member));
        return s != null ? s.get() : receiver(type);
    }

    /** {@code Owner.method(Type, Type)}: the member's name and simple parameter types, telling overloads apart. */
    private static String receiverKey(Executable member) {
        StringBuilder b = new StringBuilder(PublicApiSanityTest.memberName(member)).append('(');
        Class<?>[] types = member.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            b.append(i > 0 ? ", " : "").append(types[i].getSimpleName());
        }
        return b.append(')').toString();
    }

    private void receiverOf(String key, Supplier<Object> s) {
        byReceiver.put(key, s);
    }

    private void type(Class<?> c, Supplier<Object> s) {
        byType.put(c.getTypeName(), s);
    }

    private void type(String genericName, Supplier<Object> s) {
        byType.put(genericName, s);
    }

    private void name(String typeAndName, Supplier<Object> s) {
        byName.put(typeAndName.replace("java.lang.", ""), s);
    }

    private void member(String memberAndParameter, Supplier<Object> s) {
        byMember.put(memberAndParameter, s);
    }

    @SuppressWarnings("unchecked")
    private <T> T once(String key, Supplier<T> build) {
        // Not computeIfAbsent: one cached sample is built from another.
        Object value = cache.get(key);
        if (value == null) {
            value = build.get();
            cache.put(key, value);
        }
        return (T) value;
    }

    private void primitives() {
        type(double.class, () -> 1.0);
        type(int.class, () -> 1);
        type(long.class, () -> 1L);
        type(boolean.class, () -> false);
        type(String.class, () -> "a");
        type(double[].class, () -> new double[] {1, 2, 3, 4});
        type("java.util.List<java.lang.String>", () -> List.of("a", "b"));
        type(Duration.class, () -> Duration.ofDays(7));
        type(Instant.class, () -> END);
        type(LocalDate.class, () -> END_DAY);
        type(LocalDateTime.class, () -> LocalDateTime.of(2020, 6, 30, 0, 0));
        type(LocalDate[].class, () -> new LocalDate[] {LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2),
            LocalDate.of(2020, 1, 9), LocalDate.of(2020, 1, 10)});
        type(java.time.ZoneId.class, () -> ZoneOffset.UTC);
        type(Appendable.class, StringBuilder::new);
        type(java.io.Writer.class, java.io.StringWriter::new);
        // writeCsv(Path) replaces the file: a fresh one each time, never the shared order CSV.
        name("java.nio.file.Path csvFile", ApiSamples::freshCsvFile);
        type(java.io.Reader.class, () -> new StringReader(journeysCsv()));
        // Probabilities, levels and shares lie in (0, 1); indexes start at 0.
        for (String n : List.of("alpha", "marginOfError", "monthlyRate", "discountRate", "threshold")) {
            name("double " + n, () -> 0.05);
        }
        name("double confidence", () -> 0.95);
        name("double confidenceLevel", () -> 0.95);
        name("double credibleLevel", () -> 0.95);
        name("double power", () -> 0.8);
        name("double p1", () -> 0.3);
        name("double p2", () -> 0.4);
        name("double n", () -> 100.0);
        name("double promoterShare", () -> 0.5);
        name("double detractorShare", () -> 0.2);
        name("double first", () -> 0.4);
        name("double last", () -> 0.4);
        name("double t", () -> 10.0);
        name("double T", () -> 10.0);
        name("double recency", () -> 5.0);
        name("double frequency", () -> 2.0);
        name("double monetary", () -> 20.0);
        for (String n : List.of("i", "index", "segment", "cohort", "offset", "label")) {
            name("int " + n, () -> 0);
        }
        name("int bins", () -> 5);
        name("int looks", () -> 3);
        name("int replicates", () -> 200);
        name("int maxFrequency", () -> 3);
        name("int gapDays", () -> 30);
        name("int months", () -> 12);
        name("int horizon", () -> 3);
        name("int k", () -> 2);
        name("int min", () -> 2);
        name("int max", () -> 3);
    }

    private static String journeysCsv() {
        StringBuilder sb = new StringBuilder();
        journeys().writeCsv(sb);
        return sb.toString();
    }

    private static List<Transaction> transactions() {
        return List.of(Transaction.of("a", LocalDate.of(2020, 1, 1), 10),
                Transaction.of("a", LocalDate.of(2020, 2, 1), 20),
                Transaction.of("b", LocalDate.of(2020, 1, 15), 5), Transaction.of("c", LocalDate.of(2020, 3, 3), 7),
                Transaction.of("a", LocalDate.of(2020, 4, 1), 12), Transaction.of("b", LocalDate.of(2020, 5, 20), 9));
    }

    private static Summarizer summarizer() {
        return Summarizer.of(PeriodRule.weeks(), END_DAY);
    }

    private void data() {
        type(Transaction.class, () -> Transaction.of("a", END, 10));
        type("java.lang.Iterable<? extends io.loyalty.data.Transaction>", ApiSamples::transactions);
        type("java.util.stream.Stream<? extends io.loyalty.data.Transaction>", () -> transactions().stream());
        type(PeriodRule.class, PeriodRule::weeks);
        type(Summarizer.class, ApiSamples::summarizer);
        type(CustomerSummaries.class, () -> summarizer().summarize(transactions()));
        type(CalibrationHoldout.class, () -> summarizer().calibrationHoldout(transactions(), LocalDate.of(2020, 3, 1)));
        type(io.loyalty.data.SummaryAccumulator.class, () -> summarizer().newAccumulator());
        type(TransactionColumns.class, () -> TransactionColumns.ofEpochDays(new String[] {"a", "a", "b", "c"},
                new int[] {18262, 18293, 18276, 18324}, new double[] {10, 20, 5, 7}));
        type(io.loyalty.data.CustomerSummary.class, () -> summarizer().summarize(transactions()).get(0));
        name("java.time.Instant calibrationEnd", () -> Instant.parse("2020-03-01T00:00:00Z"));
        name("java.time.LocalDate calibrationEnd", () -> LocalDate.of(2020, 3, 1));
        name("int[] epochDays", () -> new int[] {18262, 18293, 18276, 18324});
        name("long[] epochSeconds", () -> new long[] {1577836800L, 1580515200L, 1579046400L, 1583193600L});
        name("long[] epochDays", () -> new long[] {18262, 18293, 18276, 18324});
        name("long epochSecond", () -> 1577836800L);
        name("String[] customerIds", () -> new String[] {"a", "a", "b", "c"});
        name("int[] customerIds", () -> new int[] {1, 1, 2, 3});
        name("int[] customers", () -> new int[] {1, 1, 2, 3});
        name("double[] amounts", () -> new double[] {10, 20, 5, 7});
        type(io.loyalty.data.OrderExport.class, ApiSamples::orderExport);
        type(io.loyalty.data.OrderExport.Result.class, () -> read(orderExport(), new java.io.StringReader(ORDER_CSV)));
        member("OrderExport.read reader", () -> new java.io.StringReader(ORDER_CSV));
        member("OrderExport.Result.column name", () -> "a");
        type(java.nio.file.Path.class, () -> once("order csv file", ApiSamples::orderCsvFile));
        name("String[] columns", () -> new String[] {"a"});
    }

    /** Order lines in CSV, with every column the sample recipe names. */
    private static final String ORDER_CSV = "customer,time,order,amount,a\n"
            + "a,2020-01-01 10:00:00,o1,10,x\na,2020-01-01 10:00:00,o1,2,x\nb,2020-02-01 09:00:00,o2,5,y\n";

    private static io.loyalty.data.OrderExport orderExport() {
        return io.loyalty.data.OrderExport.of("customer", "time", "order").withAmount("amount").withKeptColumns("a");
    }

    private static io.loyalty.data.OrderExport.Result read(io.loyalty.data.OrderExport recipe, java.io.Reader in) {
        try {
            return recipe.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.nio.file.Path freshCsvFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("result", ".csv");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.nio.file.Path orderCsvFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("orders", ".csv");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, ORDER_CSV);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BetaGeoModel betaGeo() {
        return BetaGeoModel.of(0.243, 4.414, 0.793, 2.426);
    }

    private static GammaGammaModel gammaGamma() {
        return GammaGammaModel.of(6.25, 3.74, 15.44);
    }

    private void clv() {
        name("double[] frequency", () -> new double[] {1, 0, 2, 3});
        name("double[] recency", () -> new double[] {5, 0, 8, 9});
        name("double[] T", () -> new double[] {10, 10, 10, 10});
        name("double[] periods", () -> new double[] {10, 10, 10, 10});
        name("double[] weights", () -> new double[] {1, 1, 1, 1});
        name("double[] monetary", () -> new double[] {20, 0, 15, 30});
        name("double[] holdoutPurchases", () -> new double[] {1, 0, 1, 2});
        name("double unitsPerMonth", () -> 4.33);
        name("double tolerance", () -> 1e-6);
        name("double penalizer", () -> 0.0);
        name("double step", () -> 1.0);
        name("double duration", () -> 10.0);
        name("int periods", () -> 6);
        name("int m", () -> 3);
        name("int frequency", () -> 2);
        name("int recency", () -> 4);
        name("int x", () -> 1);
        name("int n", () -> 2);
        name("int maxIterations", () -> 100);
        type(BetaGeoModel.class, ApiSamples::betaGeo);
        type(ModifiedBetaGeoModel.class, () -> ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614));
        type(ParetoNbdModel.class, () -> ParetoNbdModel.of(0.553, 10.58, 0.606, 11.67));
        type(BetaGeoBetaBinomModel.class, () -> BetaGeoBetaBinomModel.of(1.204, 0.750, 0.657, 2.783));
        type(GammaGammaModel.class, ApiSamples::gammaGamma);
        type(io.loyalty.clv.TransactionModel.class, ApiSamples::betaGeo);
        type(BetaGeoFitter.class, BetaGeoFitter::withDefaults);
        type(ModifiedBetaGeoFitter.class, ModifiedBetaGeoFitter::withDefaults);
        type(ParetoNbdFitter.class, ParetoNbdFitter::withDefaults);
        type(BetaGeoBetaBinomFitter.class, BetaGeoBetaBinomFitter::withDefaults);
        type(GammaGammaFitter.class, GammaGammaFitter::withDefaults);
        type(io.loyalty.clv.TransactionModelFitter.class, BetaGeoFitter::withDefaults);
        type(io.loyalty.stats.ConvergenceException.class, () -> new io.loyalty.stats.ConvergenceException("stopped",
                new double[] {1, 2}, 10, 3, 0.5));
        member("TransactionModel.of name", () -> "BG/NBD");
        member("TransactionModel.of parameters", () -> new double[] {0.243, 4.414, 0.793, 2.426});
        member("ParameterEstimate.ofLogScale value", () -> 2.0);
        member("ParameterEstimate.ofLogScale logStandardError", () -> 0.1);
        type(ClvCalculator.class, () -> ClvCalculator.of(betaGeo(), gammaGamma(), 4.33));
        type(HoldoutValidation.class, () -> HoldoutValidation.of(betaGeo(),
                summarizer().calibrationHoldout(transactions(), LocalDate.of(2020, 3, 1)), 3));
        type(SimulatedCustomers.class, () -> betaGeo().simulate(new double[] {10, 20, 30}, 7));
        type(CustomerChunk.class, () -> CustomerChunk.ofPurchases(new double[] {1, 0, 2}, new double[] {5, 0, 8},
                new double[] {10, 10, 10}));
        type("java.util.List<io.loyalty.clv.CustomerChunk>", () -> List.of(CustomerChunk.ofPurchases(
                new double[] {1, 0, 2}, new double[] {5, 0, 8}, new double[] {10, 10, 10})));
        type("java.util.List<io.loyalty.clv.ParameterEstimate>", () -> List.of(
                io.loyalty.clv.ParameterEstimate.ofLogScale("r", 0.25, 0.05)));
        type(ChunkedCustomers.class, () -> ChunkedCustomers.of(List.of(CustomerChunk.ofPurchases(
                new double[] {1, 0, 2}, new double[] {5, 0, 8}, new double[] {10, 10, 10}))));
        type(ChunkTask.class, ApiSamples::chunkTask);
        // A real fit, for its summary: BG/NBD on simulated customers.
        type(io.loyalty.clv.FitSummary.class, () -> once("fit", () -> BetaGeoFitter.withDefaults()
                .fit(simulated().frequency(), simulated().recency(), simulated().t()).fitSummary().orElseThrow()));
        member("ChunkTask.add partial", ApiSamples::zero);
        member("ChunkTask.merge partial", ApiSamples::zero);
        member("ChunkTask.merge other", ApiSamples::zero);
        member("GammaGammaFitter.fit frequency", () -> spendData()[0]);
        member("GammaGammaFitter.fit monetary", () -> spendData()[1]);
        member("GammaGammaFitter.fit weights", () -> ones(spendData()[0].length));
        member("GammaGammaFitter.frequencyMonetaryCorrelation frequency", () -> new double[] {1, 2, 3, 4});
        member("GammaGammaFitter.frequencyMonetaryCorrelation monetary", () -> new double[] {20, 15, 30, 25});
        member("CustomerChunk.ofSpend frequency", () -> new double[] {1, 2, 3, 4});
        member("CustomerChunk.ofSpend monetary", () -> new double[] {20, 15, 30, 25});
        member("GammaGammaModel.logLikelihood frequency", () -> 2.0);
        member("BetaGeoBetaBinomFitter.fit frequency", () -> bgbbData()[0]);
        member("BetaGeoBetaBinomFitter.fit recency", () -> bgbbData()[1]);
        member("BetaGeoBetaBinomFitter.fit periods", () -> bgbbData()[2]);
        member("BetaGeoBetaBinomFitter.fit weights", () -> bgbbData()[3]);
        for (String fitter : List.of("BetaGeoFitter", "ModifiedBetaGeoFitter", "ParetoNbdFitter",
                "TransactionModelFitter")) {
            member(fitter + ".fit frequency", () -> simulated().frequency());
            member(fitter + ".fit recency", () -> simulated().recency());
            member(fitter + ".fit T", () -> simulated().t());
            member(fitter + ".fit weights", () -> ones(simulated().t().length));
            member(fitter + ".fit customers", () -> ChunkedCustomers.of(List.of(CustomerChunk.ofPurchases(
                    simulated().frequency(), simulated().recency(), simulated().t()))));
            member(fitter + ".fit summaries", () -> simulatedSummaries());
        }
        member("GammaGammaFitter.fit customers", () -> ChunkedCustomers.of(List.of(CustomerChunk.ofSpend(
                spendData()[0], spendData()[1]))));
        member("GammaGammaFitter.fit summaries", () -> simulatedSummaries());
        member("FitSummary.estimate name", () -> "r");
        name("double holdoutDuration", () -> 9.0);
        type(java.io.Writer.class, java.io.StringWriter::new);
        type(io.loyalty.clv.ModelComparison.class, io.loyalty.clv.ModelComparison::withDefaults);
        type(io.loyalty.clv.ModelComparison.Result.class, this::comparison);
        type(io.loyalty.clv.ModelComparison.Candidate.class, () -> comparison().candidates().get(0));
        member("ModelComparison.compare split", this::simulatedSplit);
        String[] columns = {"frequency", "recency", "T", "holdoutPurchases"};
        for (int k = 0; k < columns.length; k++) {
            int column = k;
            member("ModelComparison.compare " + columns[k], () -> simulatedSplitColumns()[column]);
        }
        member("ModelComparison.compare holdoutDuration", () -> simulatedSplit().holdoutDuration());
        member("ModelComparison.Result.candidate name", () -> "BG/NBD");
        member("ModelComparison.Result.writeCsv file", () -> {
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("comparison", ".csv");
                file.toFile().deleteOnExit();
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** 300 customers simulated from the BG/NBD sample model, a data set every transaction fitter converges on. */
    private SimulatedCustomers simulated() {
        return once("simulated", () -> betaGeo().simulate(evenly(300, 39), 11));
    }

    /** The churn early-warning list: a calculator with fitted models, its list and its measurement. */
    private void churn() {
        type(io.loyalty.clv.ClvBootstrap.class, () -> io.loyalty.clv.ClvBootstrap.withDefaults().withDraws(20));
        type(io.loyalty.clv.CustomerIntervals.class, () -> once("bootstrap intervals", () ->
                io.loyalty.clv.ClvBootstrap.withDefaults().withDraws(20).probabilityAlive(fittedBetaGeo(),
                        new double[] {0, 1, 2}, new double[] {0, 5, 8}, new double[] {10, 10, 10})));
        type(io.loyalty.churn.ChurnWarning.class, () -> io.loyalty.churn.ChurnWarning.withDefaults()
                .withModels(fittedBetaGeo(), gammaGamma()).withBootstrap(io.loyalty.clv.ClvBootstrap.withDefaults()
                        .withDraws(20)));
        type(io.loyalty.churn.WarningList.class, () -> once("warning list", () -> io.loyalty.churn.ChurnWarning
                .withDefaults().withModels(fittedBetaGeo(), gammaGamma()).withBootstrap(
                        io.loyalty.clv.ClvBootstrap.withDefaults().withDraws(20)).list(simulatedSummaries())));
        type(io.loyalty.churn.AtRiskCustomer.class, () -> ((io.loyalty.churn.WarningList) receiver(
                io.loyalty.churn.WarningList.class)).get(0));
        type(io.loyalty.churn.WarningEvaluation.class, () -> once("warning evaluation", () -> io.loyalty.churn
                .ChurnWarning.withDefaults().withModels(fittedBetaGeo(), gammaGamma()).evaluate(
                        simulatedSplit())));
        type("java.util.Set<java.lang.String>", () -> java.util.Set.of("At Risk"));
        type("java.util.Set<io.loyalty.churn.Reason>", () -> java.util.EnumSet.of(io.loyalty.churn.Reason.OVERDUE));
        type("java.util.Optional<java.lang.String>", () -> java.util.Optional.of("Champions"));
        type("java.util.List<io.loyalty.churn.Reason>", () -> List.of(io.loyalty.churn.Reason.OVERDUE));
        type(java.io.Writer.class, java.io.StringWriter::new);
        for (String m : List.of("conditionalExpectedPurchases", "expectedPurchases", "parameterDraws",
                "probabilityAlive", "totalConditionalExpectedPurchases")) {
            member("ClvBootstrap." + m + " model", this::fittedBetaGeo);
        }
        member("ClvBootstrap.expectedSpend spend", this::fittedGammaGamma);
        member("ClvBootstrap.clv calculator", () -> io.loyalty.clv.ClvCalculator.of(fittedBetaGeo(),
                fittedGammaGamma(), 4.345));
        member("ClvBootstrap.withDraws draws", () -> 20);
        member("ChurnWarning.evaluate split", () -> summarizer().calibrationHoldout(List.of(
                Transaction.of("a", LocalDate.of(2020, 1, 5), 10), Transaction.of("a", LocalDate.of(2020, 2, 5), 12),
                Transaction.of("a", LocalDate.of(2020, 5, 5), 11), Transaction.of("b", LocalDate.of(2020, 1, 9), 20),
                Transaction.of("b", LocalDate.of(2020, 2, 1), 30), Transaction.of("c", LocalDate.of(2020, 2, 2), 5)),
                LocalDate.of(2020, 3, 1)));
        member("ChurnWarning.list previous", () -> io.loyalty.rfm.RfmScorer.withDefaults().score(
                summarizer().summarize(transactions()), END_DAY));
    }

    /** A Gamma-Gamma fitted on the simulated summaries: it carries a fit summary to bootstrap. */
    private GammaGammaModel fittedGammaGamma() {
        return once("fitted Gamma-Gamma", () -> GammaGammaFitter.withDefaults().fit(simulatedSummaries()));
    }

    /** A BG/NBD fitted on the simulated summaries: it carries a fit summary to bootstrap. */
    private io.loyalty.clv.BetaGeoModel fittedBetaGeo() {
        return once("fitted BG/NBD", () -> io.loyalty.clv.BetaGeoFitter.withDefaults().fit(simulatedSummaries()));
    }

    /** The simulated customers as transactions (days), summarised by week: data the fitters converge on. */
    private CustomerSummaries simulatedSummaries() {
        return once("summaries", () -> summarizer().summarize(simulatedTransactions()));
    }

    /** The simulated customers split at 2020-04-30 (weeks): a split every model of a comparison fits. */
    private CalibrationHoldout simulatedSplit() {
        return once("split", () -> summarizer().calibrationHoldout(simulatedTransactions(), LocalDate.of(2020, 4,
                30)));
    }

    /** The columns of {@link #simulatedSplit()}: frequency, recency, T, holdout purchases. */
    private double[][] simulatedSplitColumns() {
        CalibrationHoldout s = simulatedSplit();
        return new double[][] {s.calibration().frequencyAsDouble(), s.calibration().recency(), s.calibration().t(),
            java.util.Arrays.stream(s.holdoutFrequency()).asDoubleStream().toArray()};
    }

    private io.loyalty.clv.ModelComparison.Result comparison() {
        return once("comparison", () -> io.loyalty.clv.ModelComparison.withDefaults().compare(simulatedSplit()));
    }

    /** The simulated customers as purchases on days before the sample observation end, spend varying. */
    private List<Transaction> simulatedTransactions() {
        return once("transactions", () -> {
            SimulatedCustomers c = simulated();
            List<Transaction> rows = new java.util.ArrayList<>();
            for (int i = 0; i < c.t().length; i++) {
                LocalDate first = END_DAY.minusDays(Math.round(c.t()[i] * 7));
                long lastDay = Math.round(c.recency()[i] * 7);
                int x = (int) c.frequency()[i];
                // Spend varies more between customers than around each customer's own mean, as Gamma-Gamma has it.
                double mean = 5 + (i * 13) % 40 + (i % 7) * (i % 11);
                rows.add(Transaction.of("c" + i, first, mean));
                for (int k = 1; k <= x; k++) {
                    rows.add(Transaction.of("c" + i, first.plusDays(lastDay * k / x),
                            mean * (0.7 + 0.15 * ((k * 7 + i) % 5))));
                }
            }
            return rows;
        });
    }

    /** Repeat customers' frequency and mean spend, spread like Gamma-Gamma data. */
    private static double[][] spendData() {
        int n = 200;
        double[][] d = new double[2][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = 1 + i % 5;
            d[1][i] = 8 + (i * 37 % 50) + (i % 7) * (i % 3);
        }
        return d;
    }

    /** The BG/BB sample model's expected data over 6 periods: every (x, t_x) weighted by 1000 P(x, t_x). */
    private static double[][] bgbbData() {
        BetaGeoBetaBinomModel m = BetaGeoBetaBinomModel.of(1.204, 0.750, 0.657, 2.783);
        List<double[]> rows = new java.util.ArrayList<>();
        for (int x = 0; x <= 6; x++) {
            for (int tx = x == 0 ? 0 : x; tx <= (x == 0 ? 0 : 6); tx++) {
                rows.add(new double[] {x, tx, 6, 1000 * Math.exp(m.logLikelihood(x, tx, 6))});
            }
        }
        double[][] d = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 4; j++) {
                d[j][i] = rows.get(i)[j];
            }
        }
        return d;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    private static double[] zero() {
        return chunkTask().zero();
    }

    private static double[] evenly(int n, double max) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = max * (i + 1) / n;
        }
        return t;
    }

    /** ChunkTask has no public factory (loyalty-spark builds its tasks through the fitters); reflection it is. */
    private static ChunkTask chunkTask() {
        try {
            Class<?> kind = Class.forName("io.loyalty.clv.ModelKind");
            Method totals = ChunkTask.class.getDeclaredMethod("totals", kind);
            totals.setAccessible(true);
            return (ChunkTask) totals.invoke(null, kind.getEnumConstants()[0]);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static RfmScores rfmScores() {
        return RfmScorer.withDefaults().score(new String[] {"a", "b", "c", "d", "e", "f"},
                new double[] {1, 5, 9, 20, 40, 80}, new double[] {9, 7, 5, 3, 2, 1},
                new double[] {900, 500, 300, 100, 50, 10});
    }

    private void rfm() {
        type(RfmScorer.class, RfmScorer::withDefaults);
        type(RfmScores.class, ApiSamples::rfmScores);
        type(RfmClusterer.class, () -> RfmClusterer.seeded(1).withK(2));
        type(io.loyalty.rfm.RfmClusters.class, () -> RfmClusterer.seeded(1).withK(2).cluster(rfmScores()));
        type(io.loyalty.rfm.SegmentSummary.class, () -> rfmScores().summary());
        type(SegmentMovement.class, () -> SegmentMovement.between(rfmScores(), rfmScores()));
        type(SegmentMap.class, SegmentMap::rfmDefault);
        type(Segment.class, () -> Segment.of("all", 1, 5, 1, 5, 1, 5));
        type(Segment[].class, () -> new Segment[] {Segment.of("all", 1, 5, 1, 5, 1, 5)});
        type("java.util.List<io.loyalty.rfm.Segment>", () -> List.of(Segment.of("all", 1, 5, 1, 5, 1, 5)));
        type(CutPoints.class, () -> CutPoints.of(new double[] {1, 2, 3, 4}));
        type(io.loyalty.rfm.Bins.class, () -> CutPoints.of(new double[] {1, 2, 3, 4}).bins(0, 10));
        type("java.util.List<io.loyalty.rfm.CustomerFigures>", () -> List.of(CustomerFigures.of("a", 1, 2, 30),
                CustomerFigures.of("b", 10, 1, 5)));
        type(CustomerFigures.class, () -> CustomerFigures.of("a", 1, 2, 30));
        type("io.loyalty.rfm.CutPoints$ScoreBuilder<E>", ApiSamples::scoreBuilder);
        name("double[] recencyDays", () -> new double[] {1, 5, 9, 20, 40, 80});
        name("double[] orders", () -> new double[] {9, 7, 5, 3, 2, 1});
        name("double[] revenue", () -> new double[] {900, 500, 300, 100, 50, 10});
        member("RfmScorer.score customerIds", () -> new String[] {"a", "b", "c", "d", "e", "f"});
        member("RfmScorer.score revenue", () -> new double[] {900, 500, 300, 100, 50, 10});
        member("RfmClusterer.cluster monetary", () -> new double[] {900, 500, 300, 100, 50, 10});
        member("CutPoints.bins min", () -> 0.0);
        member("CutPoints.bins max", () -> 10.0);
        member("CutPoints.rfmRanks count", () -> 10L);
        member("CutPoints.ofRfmOrderStatistics count", () -> 10L);
        member("CutPoints.ofRfmOrderStatistics bins", () -> 2);
        member("CutPoints.ofRfmOrderStatistics ranks", () -> new long[] {5, 6});
        member("CutPoints.ofRfmOrderStatistics values", () -> new double[] {3, 4});
        member("CutPoints.ofRanges lower", () -> new double[] {0, 1});
        member("CutPoints.ofRanges upper", () -> new double[] {1, 3});
        member("SegmentSummary.fromTotals customers", () -> new long[] {1, 2});
        member("SegmentSummary.fromTotals orders", () -> new double[] {2, 3});
        member("SegmentSummary.fromTotals revenue", () -> new double[] {30, 40});
        member("SegmentSummary.row segment", () -> "Champions");
        member("SegmentMovement.count fromSegment", () -> "Champions");
        member("SegmentMovement.count toSegment", () -> "Champions");
        name("int size", () -> 10);
        member("SegmentSummary.fromTotals map", () -> SegmentMap.of(Segment.of("all", 1, 5, 1, 5, 1, 5)));
        member("SegmentMap.indexOf r", () -> 1);
        member("SegmentMap.indexOf f", () -> 1);
        member("SegmentMap.indexOf m", () -> 1);
        member("RfmScores.combinedScore r", () -> 1);
        member("RfmScores.combinedScore f", () -> 1);
        member("RfmScores.combinedScore m", () -> 1);
        member("Segment.contains r", () -> 1);
        member("Segment.contains f", () -> 1);
        member("Segment.contains m", () -> 1);
    }

    /** A caller's score builder (Spark builds column expressions with one): strings, to see the expression. */
    private static CutPoints.ScoreBuilder<Object> scoreBuilder() {
        return new CutPoints.ScoreBuilder<>() {
            @Override
            public Object constant(int score) {
                return Integer.toString(score);
            }

            @Override
            public Object plusIfAtLeast(Object score, double cut, int step) {
                return score + "+" + step + "@" + cut;
            }
        };
    }

    private static Journeys journeys() {
        return Journeys.ofPaths(new String[] {"a > b", "b", "a > c"}, new double[] {1, 0, 2},
                new double[] {10, 0, 30}, new double[] {0, 1, 1});
    }

    private static TimedJourneys timedJourneys() {
        return TimedJourneys.builder().addConverted(List.of("a", "b"), new long[] {0, 3600}, 7200, 10)
                .addNull(List.of("b"), new long[] {100}).build();
    }

    private void attribution() {
        type(Journeys.class, ApiSamples::journeys);
        type(Journeys.Accumulator.class, Journeys.Accumulator::create);
        type(TimedJourneys.class, ApiSamples::timedJourneys);
        type(TimedJourneys.Builder.class, TimedJourneys::builder);
        type(HeuristicAttribution.class, HeuristicAttribution::withDefaults);
        type(ShapleyAttribution.class, ShapleyAttribution::withDefaults);
        type(MarkovAttribution.class, MarkovAttribution::withDefaults);
        type(JourneyBuilder.class, JourneyBuilder::withDefaults);
        type(MarkovResult.class, () -> MarkovAttribution.withDefaults().attribute(journeys()));
        type(io.loyalty.attribution.ShapleyResult.class,
                () -> io.loyalty.attribution.ShapleyAttribution.withDefaults().general(journeys()));
        type(io.loyalty.attribution.TransitionMatrix.class,
                () -> MarkovAttribution.withDefaults().attribute(journeys()).transitions());
        type(Attribution.class, () -> HeuristicAttribution.withDefaults().linear(journeys()));
        type("java.util.List<io.loyalty.attribution.Attribution>", () -> List.of(
                HeuristicAttribution.withDefaults().linear(journeys()),
                HeuristicAttribution.withDefaults().firstTouch(journeys())));
        type(AttributionComparison.class, () -> AttributionComparison.of(List.of(
                HeuristicAttribution.withDefaults().linear(journeys()),
                HeuristicAttribution.withDefaults().firstTouch(journeys()))));
        name("String[] paths", () -> new String[] {"a > b", "b", "a > c", "c"});
        name("double[] conversions", () -> new double[] {1, 0, 2, 1});
        name("double[] values", () -> new double[] {10, 0, 30, 5});
        name("double[] nulls", () -> new double[] {0, 1, 1, 0});
        name("String path", () -> "a > b");
        name("java.util.List<java.lang.String> path", () -> List.of("a", "b"));
        name("String channel", () -> "a");
        name("String fromState", () -> "a");
        name("String toState", () -> "b");
        name("String model", () -> "linear");
        name("double conversions", () -> 1.0);
        name("double value", () -> 10.0);
        name("double nulls", () -> 0.0);
        name("String[] touchCustomers", () -> new String[] {"u", "u", "v"});
        name("long[] touchCustomers", () -> new long[] {1, 1, 2});
        name("long[] touchEpochSeconds", () -> new long[] {1000, 2000, 1500});
        name("String[] touchChannels", () -> new String[] {"a", "b", "a"});
        name("int[] touchChannels", () -> new int[] {0, 1, 0});
        name("double[] touchCosts", () -> new double[] {1, 2, 1});
        name("java.util.List<java.lang.String> channels", () -> List.of("a", "b"));
        name("String[] conversionCustomers", () -> new String[] {"u"});
        name("long[] conversionCustomers", () -> new long[] {1});
        name("long[] conversionEpochSeconds", () -> new long[] {3000});
        name("double[] conversionValues", () -> new double[] {25});
        name("int permutations", () -> 100);
        name("double[] costs", () -> new double[] {10, 20, 30});
        member("TimedJourneys.Builder.addConverted touchEpochSeconds", () -> new long[] {0, 3600});
        member("TimedJourneys.Builder.addNull touchEpochSeconds", () -> new long[] {0, 3600});
        member("TimedJourneys.Builder.addConverted conversionEpochSecond", () -> 7200L);
        member("Attribution.of conversions", () -> new double[] {1, 2});
        member("Attribution.of values", () -> new double[] {10, 20});
        member("AttributionComparison.returnOnSpend model", () -> 0);
        member("AttributionComparison.returnOnSpend channel", () -> 0);
    }

    private static Nps someNps() {
        return Nps.ofCounts(10, 20, 30);
    }

    private static NpsAccumulator npsAccumulator() {
        NpsAccumulator a = NpsAccumulator.create(2);
        a.addAll(new int[] {0, 1, 0, 1}, new int[] {0, 7, 10, 9});
        return a;
    }

    private void nps() {
        type(Nps.class, ApiSamples::someNps);
        type(NpsCalculator.class, NpsCalculator::withDefaults);
        type(NpsScale.class, NpsScale::standard);
        type(NpsAccumulator.class, ApiSamples::npsAccumulator);
        type(io.loyalty.nps.NpsTallies.class, () -> npsAccumulator().snapshot());
        type(io.loyalty.stats.Accumulator.class, ApiSamples::npsAccumulator);
        member("Accumulator.combine other", ApiSamples::npsAccumulator);
        type(io.loyalty.nps.NpsBreakdown.class, () -> NpsCalculator.withDefaults().bySegment(
                new String[] {"x", "y", "x", "y"}, new int[] {0, 7, 10, 9}));
        type(NpsDifference.class, () -> NpsDifference.of(someNps(), Nps.ofCounts(20, 20, 20), 0.95));
        type(io.loyalty.stats.Interval.class, () -> someNps().interval(IntervalMethod.values()[0], 0.95));
        type(Csat.class, () -> Csat.ofCounts(1, 2, 3, 4, 5));
        type(Ces.class, () -> Ces.ofCounts(1, 2, 3, 4, 5, 6, 7));
        type(LoyaltyMatrix.class, () -> LoyaltyMatrix.of(new int[] {0, 7, 10, 9}, new double[] {1, 3, 2, 5}, 2,
                new double[] {10, 20, 30, 40}));
        name("int[] answers", () -> new int[] {0, 7, 10, 9});
        name("double[] answers", () -> new double[] {0, 7, 10, 9});
        name("int[] segmentCodes", () -> new int[] {0, 1, 0, 1});
        name("String[] segments", () -> new String[] {"x", "y", "x", "y"});
        name("String dimension", () -> "region");
        name("double[] behaviour", () -> new double[] {1, 3, 2, 5});
        name("double[] revenue", () -> new double[] {10, 20, 30, 40});
        name("double nullScore", () -> 0.0);
        name("int answer", () -> 7);
        name("int segments", () -> 2);
        name("int minRepeatPeriods", () -> 1);
        name("long detractors", () -> 10L);
        name("long passives", () -> 20L);
        name("long promoters", () -> 30L);
        name("long count", () -> 3L);
        member("NpsCalculator.breakdown labels", () -> List.of("x", "y"));
        member("NpsCalculator.breakdown tallies", () -> npsAccumulator().snapshot());
        member("NpsScale.of min", () -> 0);
        member("NpsScale.of detractorMax", () -> 6);
        member("NpsScale.of passiveMax", () -> 8);
        member("NpsScale.of max", () -> 10);
        member("NpsAccumulator.create segments", () -> 2);
        member("Csat.ofCounts counts", () -> new long[] {1, 2, 3, 4, 5});
        member("Csat.ofAnswers int[] answers", () -> new int[] {1, 2, 5, 4});
        member("Csat.ofAnswers double[] answers", () -> new double[] {1, 2, 5, 4});
        member("Ces.ofCounts counts", () -> new long[] {1, 2, 3, 4, 5, 6, 7});
        member("Ces.ofAnswers int[] answers", () -> new int[] {1, 2, 7, 4});
        member("Ces.ofAnswers double[] answers", () -> new double[] {1, 2, 7, 4});
        member("Csat.weightedMean weights", () -> new double[] {1, 2, 3, 4, 5});
        member("LoyaltyMatrix.of threshold", () -> 2.0);
        member("LoyaltyMatrix.join respondentIds", () -> new String[] {"a", "b", "c"});
        member("LoyaltyMatrix.join answers", () -> new int[] {0, 7, 10});
        member("NpsBreakdown.row label", () -> "x");
        member("LoyaltyMatrix.quadrant i", () -> 0);
    }

    private static Cohorts cohorts() {
        return Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC);
    }

    private static KaplanMeier km() {
        return KaplanMeier.withDefaults();
    }

    private void cohort() {
        type(Cohorts.class, ApiSamples::cohorts);
        type(io.loyalty.cohort.CohortMatrices.class, () -> cohorts()
                .withBrackets(new Bracket[] {Bracket.of(0, 0), Bracket.of(1, 3)}).matrices(transactions()));
        type(io.loyalty.cohort.CohortAccumulator.class, () -> CohortAccumulator.create(cohorts()));
        type(Bracket.class, () -> Bracket.of(0, 1));
        type(Bracket[].class, () -> new Bracket[] {Bracket.of(0, 0), Bracket.of(1, 3)});
        type(CohortKey.class, () -> CohortKey.of("2020-01", Instant.parse("2020-01-01T00:00:00Z")));
        type("java.util.Map<java.lang.String, io.loyalty.cohort.CohortKey>", () -> Map.of(
                "a", CohortKey.of("early", Instant.parse("2020-01-01T00:00:00Z")),
                "b", CohortKey.fromFirstPurchase("late"), "c", CohortKey.fromFirstPurchase("late")));
        type(ChurnRule.class, () -> ChurnRule.inactivityDays(30, ZoneOffset.UTC));
        // Four customers (one added to the sample transactions): as many as the "String[] groups" sample.
        type(io.loyalty.cohort.ChurnDurations.class, () -> ChurnRule.inactivityDays(30, ZoneOffset.UTC)
                .apply(java.util.stream.Stream.concat(transactions().stream(), java.util.stream.Stream.of(
                        Transaction.of("d", LocalDate.of(2020, 4, 9), 3))).toList()));
        type(io.loyalty.cohort.ChurnRates.class, () -> ChurnRule.inactivityDays(30, ZoneOffset.UTC)
                .apply(transactions()).churnRates(CohortPeriod.MONTH));
        type(KaplanMeier.class, ApiSamples::km);
        type(io.loyalty.cohort.SurvivalCurve.class, () -> km().fit(new double[] {1, 2, 3, 4},
                new boolean[] {true, false, true, true}));
        type(io.loyalty.cohort.LogRankTest.class, () -> KaplanMeier.logRank(new double[] {1, 2, 3, 4},
                new boolean[] {true, false, true, true}, new String[] {"a", "b", "a", "b"}));
        type(SbgData.class, () -> SbgData.ofSurvivors(new long[] {1000, 631, 468, 382, 326}));
        type("java.util.List<io.loyalty.cohort.SbgData>", () -> List.of(SbgData.ofSurvivors(
                new long[] {1000, 631, 468, 382, 326})));
        type(SbgFitter.class, SbgFitter::withDefaults);
        type(SbgModel.class, () -> SbgModel.of(0.7, 1.2));
        name("double[] times", () -> new double[] {1, 2, 3, 4});
        name("boolean[] events", () -> new boolean[] {true, false, true, true});
        name("String[] groups", () -> new String[] {"a", "b", "a", "b"});
        name("long[] alive", () -> new long[] {1000, 631, 468, 382, 326});
        name("int[] times", () -> new int[] {0, 1, 2, 3, 4});
        name("int[] periods", () -> new int[] {1, 2, 3, 4});
        name("boolean[] churned", () -> new boolean[] {true, false, true, true});
        name("double horizon", () -> 3.0);
        name("double initial", () -> 100.0);
        name("int renewals", () -> 1);
        name("int evaluations", () -> 100);
        name("int from", () -> 0);
        name("int to", () -> 1);
        name("String label", () -> "2020-01");
        member("Cohorts.matrices customerIds", () -> new String[] {"a", "a", "b", "c"});
        member("CohortAccumulator.add customerIds", () -> new String[] {"a", "a", "b", "c"});
        member("ChurnRule.apply customerIds", () -> new String[] {"a", "a", "b", "c"});
        member("CohortMatrices.indexOf label", () -> "2020-01");
        member("CohortMatrices.isBracketIncomplete bracket", () -> 0);
    }

    private void experiment() {
        type(ArmSummary.class, () -> ArmSummary.of(new double[] {1, 2, 3, 4}));
        type(SegmentedSummaries.class, () -> SegmentedSummaries.of(new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 1},
                new double[] {1, 2, 3, 4}, List.of("A", "B"), List.of("x", "y")));
        type(SegmentedSummaries.Accumulator.class, () -> SegmentedSummaries.Accumulator.create(List.of("A", "B"),
                List.of("x", "y")));
        type(Comparison.class, () -> Proportions.compare("l", "m", 10, 100, 8, 100, 0.95));
        type("java.util.List<io.loyalty.experiment.Comparison>", () -> List.of(
                Proportions.compare("l", "m", 10, 100, 8, 100, 0.95)));
        type(io.loyalty.experiment.TTest.class, io.loyalty.experiment.TTest::withDefaults);
        type(io.loyalty.experiment.TTest.Result.class, () -> io.loyalty.experiment.TTest.withDefaults()
                .test(new double[] {1, 2, 3, 4}, new double[] {2, 3, 4, 6}));
        type(ChiSquareTest.class, ChiSquareTest::withDefaults);
        type(ChiSquareTest.Result.class, () -> ChiSquareTest.withDefaults()
                .goodnessOfFit(new long[] {10, 12}, new double[] {0.5, 0.5}));
        type(Assignment.class, () -> Assignment.of("exp", 1, 1));
        type(Msprt.class, () -> Msprt.of(1, 0));
        type(BetaBinomial.class, BetaBinomial::withDefaults);
        type(io.loyalty.experiment.PropTest.class, io.loyalty.experiment.PropTest::withDefaults);
        type(io.loyalty.experiment.FisherTest.class, io.loyalty.experiment.FisherTest::withDefaults);
        type(io.loyalty.experiment.PropTest.Result.class, () -> io.loyalty.experiment.PropTest.withDefaults()
                .test(3, 10, 5, 12));
        type(io.loyalty.experiment.FisherTest.Result.class, () -> io.loyalty.experiment.FisherTest.withDefaults()
                .test(3, 10, 5, 12));
        type(io.loyalty.experiment.SequentialDesign.class, () -> io.loyalty.experiment.GroupSequential.design(
                io.loyalty.experiment.GroupSequential.Type.POCOCK, 0.025, 3));
        member("SequentialDesign.rejectsRates look", () -> 1);
        name("int[] arm", () -> new int[] {0, 1, 0, 1});
        name("int[] segment", () -> new int[] {0, 0, 1, 1});
        name("double[] value", () -> new double[] {1, 2, 3, 4});
        name("java.util.List<java.lang.String> armLabels", () -> List.of("A", "B"));
        name("java.util.List<java.lang.String> segmentLabels", () -> List.of("x", "y"));
        name("double[] x", () -> new double[] {1, 2, 3, 4, 5});
        name("double[] y", () -> new double[] {1.5, 2.5, 6, 7, 8});
        name("double[] treatment", () -> new double[] {1, 2, 3, 4, 5});
        name("double[] control", () -> new double[] {2, 3, 4, 6, 8});
        name("double[] treatmentCovariate", () -> new double[] {1, 1, 2, 3, 5});
        name("double[] controlCovariate", () -> new double[] {2, 2, 4, 5, 7});
        name("double[] p", () -> new double[] {0.01, 0.04, 0.03});
        name("double[] informationRates", () -> new double[] {0.5, 1.0});
        name("long[] observed", () -> new long[] {10, 12});
        name("double[] weights", () -> new double[] {1, 1, 1, 1});
        name("double tau2", () -> 1.0);
        name("double theta0", () -> 0.0);
        name("double variance", () -> 1.0);
        name("double sd", () -> 1.0);
        name("double delta", () -> 0.5);
        name("double ratio", () -> 1.0);
        name("double adjusted", () -> 0.2);
        name("double aA", () -> 2.0);
        name("double bA", () -> 3.0);
        name("double aB", () -> 2.0);
        name("double bB", () -> 3.0);
        name("long n", () -> 10L);
        for (String n : List.of("successes", "x1", "x2", "treatmentSuccesses", "controlSuccesses")) {
            name("long " + n, () -> 3L);
        }
        for (String n : List.of("trials", "n1", "n2", "treatmentTrials", "controlTrials", "trialsPerArm")) {
            name("long " + n, () -> 10L);
        }
        member("Assignment.of weights", () -> new double[] {1, 1});
        member("Assignment.sampleRatioCheck weights", () -> new double[] {1, 1});
        member("Assignment.sampleRatioCheck threshold", () -> 0.001);
        member("ChiSquareTest.goodnessOfFit weights", () -> new double[] {1, 1});
        member("ChiSquareTest.equalProportions successes", () -> new long[] {3, 5});
        member("ChiSquareTest.equalProportions trials", () -> new long[] {10, 12});
        member("ArmSummary.new n", () -> 4L);
        member("SegmentedSummaries.count arm", () -> 0);
        member("SegmentedSummaries.cell arm", () -> 0);
        member("SegmentedSummaries.arm arm", () -> 0);
        member("Msprt.lambda n", () -> 10L);
        member("Msprt.look n", () -> 10L);
        member("Comparison.withPValue how", () -> "holm");
    }

    private static FeatureAnswers featureAnswers() {
        return FeatureAnswers.ofCodes("f", new int[] {1, 2, 3, 4}, new int[] {5, 4, 3, 2});
    }

    private static KanoSurvey survey() {
        return KanoSurvey.of(featureAnswers());
    }

    private void kano() {
        type(CategoryCounts.class, () -> CategoryCounts.of(5, 4, 3, 2, 1, 0));
        type(Kano.class, Kano::withDefaults);
        type(EvaluationTable.class, EvaluationTable::qDiagonal);
        type(AnswerVocabulary.class, AnswerVocabulary::standard);
        type(FeatureAnswers.class, ApiSamples::featureAnswers);
        type(FeatureAnswers[].class, () -> new FeatureAnswers[] {featureAnswers()});
        type("java.util.List<io.loyalty.kano.FeatureAnswers>", () -> List.of(featureAnswers()));
        type(KanoSurvey.class, ApiSamples::survey);
        type(KanoAccumulator.class, () -> KanoAccumulator.create(List.of("f")).addAll(survey()));
        type(io.loyalty.kano.KanoTallies.class, () -> KanoAccumulator.create(List.of("f")).addAll(survey())
                .snapshot());
        type(io.loyalty.kano.KanoAnalysis.class, () -> Kano.withDefaults().analyze(survey()));
        type("java.util.Map<java.lang.String, io.loyalty.kano.KanoAnalysis>", () -> Kano.withDefaults()
                .analyzeBySegment(survey().withSegments(new String[] {"s", "s", "t", "t"})));
        type(FongTest.class, () -> new FongTest(Category.values()[0], Category.values()[1], 0.1, 0.2, false));
        name("int[] functional", () -> new int[] {1, 2, 3, 4});
        name("int[] dysfunctional", () -> new int[] {5, 4, 3, 2});
        name("int[] importance", () -> new int[] {9, 5, 1, 3});
        name("byte[] functional", () -> new byte[] {1, 2, 3, 4});
        name("byte[] dysfunctional", () -> new byte[] {5, 4, 3, 2});
        name("byte[] importance", () -> new byte[] {9, 5, 1, 3});
        name("String[] functional", () -> new String[] {"I like it", "I expect it", "I am neutral",
            "I can tolerate it"});
        name("String[] dysfunctional", () -> new String[] {"I dislike it", "I can tolerate it", "I am neutral",
            "I expect it"});
        name("String[] segmentOfRespondent", () -> new String[] {"s", "s", "t", "t"});
        name("String[] rows", () -> new String[] {"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"});
        name("String[] labels", () -> new String[] {"yes"});
        name("java.util.List<java.lang.String> features", () -> List.of("f"));
        name("java.util.List<java.lang.String> names", () -> List.of("g"));
        name("String feature", () -> "f");
        name("String name", () -> "f");
        name("double categoryStrengthMargin", () -> 0.1);
        name("int code", () -> 3);
        name("int row", () -> 0);
        name("char letter", () -> 'A');
        member("AnswerVocabulary.codes labels", () -> new String[] {"I like it", null});
        member("FeatureAnswers.importanceCodes labels", () -> new String[] {"9 - Extremely important", " "});
        member("AnswerVocabulary.answer label", () -> "I like it");
        member("KanoTallies.count feature", () -> 0);
        member("KanoAccumulator.add functional", () -> new int[] {1});
        member("KanoAccumulator.add dysfunctional", () -> new int[] {5});
        member("KanoAccumulator.add importances", () -> new int[] {9});
        member("Kano.analyzeBySegment survey", () -> survey().withSegments(new String[] {"s", "s", "t", "t"}));
        type(io.loyalty.kano.FeatureResult.class, () -> Kano.withDefaults().analyze(survey()).feature("f"));
        member("KanoAnalysis.feature name", () -> "f");
    }

    /** One table holds every column the adapters read, named after the parameters that name them. */
    private static Table table() {
        return Table.create("sample",
                StringColumn.create("customer", "a", "a", "b", "c"),
                DateColumn.create("time", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1), LocalDate.of(2020, 1, 15),
                        LocalDate.of(2020, 3, 3)),
                DoubleColumn.create("amount", 10, 20, 5, 7),
                StringColumn.create("order", "o1", "o2", "o3", "o4"),
                StringColumn.create("path", "a > b", "b", "a > c", "c"),
                DoubleColumn.create("conversions", 1, 0, 2, 1),
                DoubleColumn.create("value", 10, 0, 30, 5),
                DoubleColumn.create("nulls", 0, 1, 1, 0),
                IntColumn.create("answer", 0, 7, 10, 9),
                StringColumn.create("segment", "x", "y", "x", "y"),
                StringColumn.create("arm", "A", "B", "A", "B"),
                DoubleColumn.create("recency", 1, 5, 9, 20),
                DoubleColumn.create("orders", 9, 7, 5, 3),
                DoubleColumn.create("revenue", 900, 500, 300, 100),
                DoubleColumn.create("metric", 1, 0, 0, 1),
                DoubleColumn.create("covariate", 2, 3, 5, 4),
                StringColumn.create("F1_functional", "I like it", "I expect it", "I am neutral", "I like it"),
                StringColumn.create("F1_dysfunctional", "I dislike it", "I am neutral", "I expect it",
                        "I can tolerate it"));
    }

    /** A 32-byte key (the minimum): a fixed test key, never a real one. */
    private static byte[] key() {
        byte[] key = new byte[Pseudonymizer.MIN_KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        return key;
    }

    /** A budget large enough for every call, its noise from a seeded generator so that runs repeat. */
    private static PrivacyBudget budget() {
        return PrivacyBudget.of(1e6, 0.5).withNoiseSource(new SplittableRandom(42));
    }

    private static DpTable dpTable() {
        return DpAggregates.segmentCounts(new String[] {"a", "a", "b", "c"}, new String[] {"x", "y", "x", "y"},
                Partitions.known(List.of("x", "y")), ContributionBounds.ONE, PrivacyCost.laplace(1), budget());
    }

    /** Noisy means of two arms, x and y, for {@link DpAggregates#meanDifference}. */
    private static DpTable dpArms() {
        return DpAggregates.arms(new String[] {"a", "b", "c", "d"}, new String[] {"x", "y", "x", "y"},
                new double[] {1, 2, 3, 4}, ValueRange.of(0, 10), Partitions.known(List.of("x", "y")),
                PrivacyCost.laplace(1), budget());
    }

    private static SuppressedTable suppressedTable() {
        return SmallCellSuppression.withDefaults().withK(2).counts("t", List.of("r1", "r2"), List.of("c1", "c2"),
                new long[][] {{1, 5}, {6, 7}});
    }

    private void privacy() {
        type(Pseudonymizer.class, () -> Pseudonymizer.keyed(key()));
        name("byte[] key", ApiSamples::key);
        type(PrivacyBudget.class, ApiSamples::budget);
        type(PrivacyBudget.Spend.class, () -> new PrivacyBudget.Spend("a", 1, 0, 0));
        type(java.util.random.RandomGenerator.class, () -> new SplittableRandom(7));
        type(PrivacyCost.class, () -> PrivacyCost.laplace(1));
        type(Partitions.class, () -> Partitions.known(List.of("x", "y")));
        type(ContributionBounds.class, () -> ContributionBounds.ONE);
        type(ValueRange.class, () -> ValueRange.of(0, 10));
        type(NoisyValue.class, () -> new NoisyValue(1, 0.5, 0, 2));
        type(DiscreteGaussian.class, () -> DiscreteGaussian.ofSigma(1));
        type(DiscreteLaplace.class, () -> DiscreteLaplace.ofScale(1.0));
        type(DpTable.class, ApiSamples::dpTable);
        type(SuppressedTable.class, ApiSamples::suppressedTable);
        type(SmallCellSuppression.class, SmallCellSuppression::withDefaults);
        type(BoundedTally.class, () -> BoundedTally.create(List.of("x", "y"), 3, ContributionBounds.ONE, 1L));
        type(CohortTally.class, () -> CohortTally.create(2, 2));
        type(DpRelease.class, ApiSamples::npsRelease);
        releases();
        type("java.util.Collection<java.lang.String>", () -> List.of("x", "y"));
        type("java.util.List<io.loyalty.data.Transaction>", ApiSamples::transactions);
        type("tech.tablesaw.columns.Column<?>", () -> StringColumn.create("customer", "a", "b"));
        name("String idColumn", () -> "customer");
        name("String[] ids", () -> new String[] {"a", "b"});
        name("String[] partitions", () -> new String[] {"x", "y", "x", "y"});
        name("int[] partitions", () -> new int[] {0, 1, 0, 1});
        name("int[] categories", () -> new int[] {0, 1, 2, 0});
        name("String[] arms", () -> new String[] {"x", "y", "x", "y"});
        name("boolean[] converted", () -> new boolean[] {true, false, true, false});
        type(double[][].class, () -> new double[][] {{1, 5}, {6, 7}});
        type(long[][].class, () -> new long[][] {{1, 5}, {6, 7}});
        member("Pseudonymizer.withBits bits", () -> 64);
        member("ValueRange.of upper", () -> 10.0);
        member("DpTable.get int column", () -> 0);
        member("DpTable.isIncomplete int column", () -> 0);
        member("DpTable.get String row", () -> "x");
        member("DpTable.get String column", () -> "customers");
        member("DpTable.values column", () -> "customers");
        member("DpAggregates.meanDifference arms", ApiSamples::dpArms);
        member("DpAggregates.meanDifference treatment", () -> "x");
        member("DpAggregates.meanDifference control", () -> "y");
        member("DpAggregates.pathCounts spec", () -> Partitions.known(List.of("a > b", "b", "a > c", "c")));
        member("DpAggregates.nps labels", () -> List.of("x", "y"));
        member("DpAggregates.ratings min", () -> 0);
        member("DpAggregates.ratings max", () -> 10);
        member("DpCohorts.retention int[] periods", () -> new int[] {0, 1, 0, 1});
        member("DpCohorts.retention from", () -> Instant.parse("2020-01-01T00:00:00Z"));
        member("DpCohorts.retention to", () -> END);
    }

    private static final List<String> XY = List.of("x", "y");

    private static DpRelease npsRelease() {
        return DpRelease.beginNps(PrivacyCost.laplace(1), Partitions.known(XY), budget());
    }

    /**
     * Each finishing method of {@link DpRelease} on a release begun as its aggregate, with accumulators made with
     * its key (the sample budget is seeded, so a fresh release draws the same key).
     */
    private void releases() {
        PrivacyCost cost = PrivacyCost.laplace(1);
        ContributionBounds one = ContributionBounds.ONE;
        ValueRange ten = ValueRange.of(0, 10);
        receiverOf("BoundedTally.addCustomer(String, int[], double[], int)",
                () -> BoundedTally.create(XY, ten, one, 1L));
        member("BoundedTally.addCustomer double[] values", () -> new double[] {1, 2, 3, 4});
        // Every row read, so that a bad last element is seen.
        member("BoundedTally.addCustomer rows", () -> 4);
        member("CohortTally.addCustomer rows", () -> 4);
        member("DpRelease.nps tally", () -> BoundedTally.create(XY, 3, one, npsRelease().key()));
        member("DpRelease.nps labels", () -> XY);
        receiverOf("DpRelease.segmentCounts(List, BoundedTally)",
                () -> DpRelease.beginSegmentCounts(cost, Partitions.known(XY), one, budget()));
        member("DpRelease.segmentCounts labels", () -> XY);
        member("DpRelease.segmentCounts tally", () -> BoundedTally.create(XY, 1, one,
                DpRelease.beginSegmentCounts(cost, Partitions.known(XY), one, budget()).key()));
        receiverOf("DpRelease.ratings(List, BoundedTally)",
                () -> DpRelease.beginRatings(1, 5, cost, Partitions.known(XY), budget()));
        member("DpRelease.ratings labels", () -> XY);
        member("DpRelease.ratings tally", () -> BoundedTally.create(XY, 5, one,
                DpRelease.beginRatings(1, 5, cost, Partitions.known(XY), budget()).key()));
        member("DpRelease.beginRatings max", () -> 5);
        receiverOf("DpRelease.arms(List, BoundedTally)", () -> DpRelease.beginArms(cost, Partitions.known(XY),
                budget()));
        member("DpRelease.arms labels", () -> XY);
        member("DpRelease.arms tally", () -> BoundedTally.create(XY, ten, one,
                DpRelease.beginArms(cost, Partitions.known(XY), budget()).key()));
        receiverOf("DpRelease.pathCounts(List, BoundedTally)",
                () -> DpRelease.beginPathCounts(cost, Partitions.known(XY), budget()));
        member("DpRelease.pathCounts labels", () -> XY);
        member("DpRelease.pathCounts tally", () -> BoundedTally.create(XY, 2, one,
                DpRelease.beginPathCounts(cost, Partitions.known(XY), budget()).key()));
        Supplier<DpRelease> rfm = () -> DpRelease.beginRfmSegmentSummary(SegmentMap.rfmDefault(), 10, 10, cost,
                budget());
        receiverOf("DpRelease.rfmSegmentSummary(BoundedTally, BoundedTally)", rfm::get);
        receiverOf("DpRelease.segments()", rfm::get);
        member("DpRelease.rfmSegmentSummary orders", () -> BoundedTally.create(rfm.get().segments(), ten, one,
                rfm.get().key()));
        member("DpRelease.rfmSegmentSummary revenue", () -> BoundedTally.create(rfm.get().segments(), ten, one,
                rfm.get().key()));
        member("DpRelease.beginRfmSegmentSummary maxOrders", () -> 10.0);
        member("DpRelease.beginRfmSegmentSummary maxRevenue", () -> 10.0);
        receiverOf("DpRelease.retention(List, CohortTally)", () -> DpRelease.beginRetention(2, cost, budget()));
        member("DpRelease.beginRetention maxOffsets", () -> 2);
        member("CohortTally.addCustomer periods", () -> new int[] {0, 1, 1, 0});
        member("SmallCellSuppression.kano feature", () -> "f");
        type("java.util.Map<java.lang.String, io.loyalty.nps.Csat>", () -> Map.of("s", io.loyalty.nps.Csat.ofAnswers(
                1, 2, 5), "t", io.loyalty.nps.Csat.ofAnswers(4, 5)));
        type("java.util.Map<java.lang.String, io.loyalty.nps.Ces>", () -> Map.of("s", io.loyalty.nps.Ces.ofAnswers(
                1, 2, 7), "t", io.loyalty.nps.Ces.ofAnswers(4, 5)));
    }

    private void tables() {
        type(Table.class, ApiSamples::table);
        name("String customerIdColumn", () -> "customer");
        name("String timeColumn", () -> "time");
        name("String dateColumn", () -> "time");
        name("String amountColumn", () -> "amount");
        name("String orderIdColumn", () -> "order");
        name("String pathColumn", () -> "path");
        name("String conversionsColumn", () -> "conversions");
        name("String valueColumn", () -> "value");
        name("String nullsColumn", () -> "nulls");
        name("String answerColumn", () -> "answer");
        name("String segmentColumn", () -> "segment");
        name("String armColumn", () -> "arm");
        name("String metricColumn", () -> "metric");
        name("String covariateColumn", () -> "covariate");
        name("String treatmentArm", () -> "A");
        name("String controlArm", () -> "B");
        name("String recencyDaysColumn", () -> "recency");
        name("String ordersColumn", () -> "orders");
        name("String revenueColumn", () -> "revenue");
        name("java.util.List<java.lang.String> featurePrefixes", () -> List.of("F1_"));
        member("ClvTables.predictions horizon", () -> 10.0);
    }
}
