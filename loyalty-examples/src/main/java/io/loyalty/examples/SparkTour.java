package io.loyalty.examples;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.AttributionComparison;
import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.MarkovAttribution;
import io.loyalty.attribution.ShapleyAttribution;
import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.experiment.ArmSummary;
import io.loyalty.experiment.Means;
import io.loyalty.experiment.Proportions;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.spark.ClvStrategy;
import io.loyalty.spark.SparkAttribution;
import io.loyalty.spark.SparkClv;
import io.loyalty.spark.SparkCohorts;
import io.loyalty.spark.SparkExperiments;
import io.loyalty.spark.SparkRfm;
import io.loyalty.spark.SparkSummaries;
import io.loyalty.spark.SparkSurveys;
import io.loyalty.spark.SurveyTallies;
import io.loyalty.spark.TransactionSchema;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;

/**
 * The tour on Apache Spark: the same calculations as the core's examples, on the same bundled data, read by Spark
 * from the files and computed by {@code loyalty-spark} in a local session ({@code local[*]}), printing the same
 * tables. Spark moves and aggregates the rows; every number is the core's.
 *
 * <p>Also a packaged job: {@code spark-submit --class io.loyalty.examples.SparkTour --jars
 * loyalty-core.jar,loyalty-spark.jar loyalty-examples.jar} from the repository root runs it on the given master.
 *
 * <p>Spark 4.1 on Java 17 needs the JVM options that {@code spark-submit} passes ({@code --add-opens ...}): the
 * README's command gets them from {@code .mvn/jvm.config}; an IDE run configuration needs the same list.
 */
public final class SparkTour {
    private static final LocalDate RETAIL_LAST_DAY = LocalDate.of(2011, 12, 9);
    private static final String RETAIL_SCHEMA = "InvoiceNo STRING, StockCode STRING, Description STRING, "
            + "Quantity INT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country STRING";

    private SparkTour() {
    }

    /**
     * Runs the Spark tour in a local session.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        // local[*] unless spark-submit (or -Dspark.master) names a master.
        String master = new SparkConf().get("spark.master", "local[*]");
        SparkSession.Builder builder = SparkSession.builder().appName("loyalty SparkTour").master(master)
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.session.timeZone", "UTC");
        if (master.startsWith("local")) {
            // Only in-process: builder settings override spark-submit's, and executors on other hosts could not
            // reach a driver bound to the loopback address.
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            System.out.printf(Locale.ROOT, "== Spark: the tour on Spark %s, master %s ==%n", spark.version(),
                    spark.sparkContext().master());
            Dataset<Row> lines = onlineRetail(spark).cache();
            rfm(lines);
            clv(spark);
            nps(spark);
            attribution(spark);
            cohorts(lines);
            experiment(spark);
            lines.unpersist();
        } finally {
            spark.stop();
        }
        System.out.printf(Locale.ROOT, "Spark tour finished in %.1f s%n%n", (System.nanoTime() - start) / 1e9);
    }

    /** Online Retail line items as Spark reads them, cleaned as the core examples clean them. */
    private static Dataset<Row> onlineRetail(SparkSession spark) {
        return spark.read().option("header", "true").option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
                .schema(RETAIL_SCHEMA).csv(path("online-retail/online_retail.csv.gz"))
                .filter(col("CustomerID").isNotNull().and(not(col("InvoiceNo").startsWith("C"))))
                .withColumn("Customer", col("CustomerID").cast("long").cast("string"))
                .withColumn("Amount", col("Quantity").multiply(col("UnitPrice")));
    }

    private static String path(String relative) {
        return Examples.data(relative).toAbsolutePath().toString();
    }

    private static void rfm(Dataset<Row> lines) {
        System.out.println("-- RFM: Online Retail, orders = invoices, analysis date 2011-12-10 --");
        Dataset<Row> invoices = lines.groupBy("InvoiceNo", "Customer")
                .agg(min("InvoiceDate").as("InvoiceDate"), sum("Amount").as("Amount"));
        Dataset<Row> summaries = SparkSummaries.of(Summarizer.of(PeriodRule.days(), RETAIL_LAST_DAY),
                TransactionSchema.of("Customer", "InvoiceDate", "Amount")).summarize(invoices).cache();
        SparkRfm.Result scored = SparkRfm.of(RfmScorer.withDefaults()).score(summaries, RETAIL_LAST_DAY.plusDays(1));
        System.out.printf(Locale.ROOT, "%,d customers scored and segmented on the cluster (rfm 0.3.0 bins, n = 5)%n",
                scored.customers());
        System.out.println("Segment summary:");
        System.out.println(scored.segmentSummary());
        System.out.println("Recency bins (days): " + scored.recencyBins());
        System.out.println("Frequency bins (orders): " + scored.frequencyBins());
        System.out.println("Monetary bins (revenue): " + scored.monetaryBins());
        scored.scores().orderBy(col("revenue").desc()).show(5, false);
        summaries.unpersist();
    }

    private static void clv(SparkSession spark) {
        System.out.println("-- CLV: BG/NBD + Gamma-Gamma on CDNOW (weeks), calibration to 1997-09-30 --");
        Dataset<Row> fields = spark.read().text(path("cdnow/CDNOW_sample.txt"))
                .select(split(trim(col("value")), "\\s+").as("f"));
        Dataset<Row> cdnow = fields.select(col("f").getItem(1).cast("int").cast("string").as("customer"),
                to_date(col("f").getItem(2), "yyyyMMdd").as("date"), col("f").getItem(4).cast("double").as("dollars"));
        Dataset<Row> split = SparkSummaries.of(Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30)),
                TransactionSchema.of("customer", "date", "dollars"))
                .calibrationHoldout(cdnow, LocalDate.of(1997, 10, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusNanos(1))
                .cache();
        SparkClv clv = SparkClv.withDefaults().withColumns("frequency_cal", "recency_weeks_cal", "T_weeks_cal")
                .withMonetaryColumn("mean_repeat_amount_cal").withStrategy(ClvStrategy.AUTO);
        BetaGeoModel purchases = clv.fit(split, BetaGeoFitter.withDefaults());
        System.out.println(purchases.fitSummary().orElseThrow());
        GammaGammaModel spend = clv.fit(split, GammaGammaFitter.withDefaults());
        System.out.println(spend.fitSummary().orElseThrow());
        System.out.println("Published (Fader, Hardie & Lee 2005): r=0.243 alpha=4.414 a=0.793 b=2.426; "
                + "p=6.25 q=3.74 gamma=15.44");
        System.out.println("Top 10 customers by 12-month CLV (1% a month, 4.345 weeks a month), computed per partition:");
        ClvCalculator calculator = ClvCalculator.of(purchases, spend, 4.345).withMonths(12).withDiscountRate(0.01);
        clv.predict(split, calculator, 52).orderBy(col("clv").desc())
                .select("customer_id", "frequency_cal", "recency_weeks_cal", "T_weeks_cal", "mean_repeat_amount_cal",
                        "p_alive", "expected_purchases", "expected_spend", "clv")
                .show(10, false);
        split.unpersist();
    }

    private static void nps(SparkSession spark) {
        System.out.println("-- NPS: the R package NPS's test data, tallied on the cluster --");
        Dataset<Row> survey = spark.read().option("header", "true")
                .schema("REC INT, tastiness INT, smileyness INT, chirpiness INT, bubbliness INT, BU STRING, "
                        + "PRODUCT STRING, date DATE, Account STRING, Region STRING")
                .csv(path("nps/NPS_testdata.csv"));
        NpsCalculator calc = NpsCalculator.withDefaults();
        SurveyTallies byUnit = SparkSurveys.of("REC").bySegment("BU").nps(survey);
        System.out.print(byUnit.npsBySegment(calc));
        SurveyTallies byQuarter = SparkSurveys.of("REC").byPeriod("date", PeriodRule.quarters()).nps(survey);
        System.out.println();
        System.out.print(byQuarter.npsByPeriod(calc));
        System.out.println();
    }

    private static void attribution(SparkSession spark) {
        System.out.println("-- Attribution: ChannelAttribution's Data.csv, path counts on the cluster --");
        Dataset<Row> paths = spark.read().option("header", "true").option("sep", ";")
                .schema("path STRING, total_conversions DOUBLE, total_conversion_value DOUBLE, total_null DOUBLE")
                .csv(path("attribution/Data.csv"));
        Journeys journeys = SparkAttribution.collect(SparkAttribution.aggregatePaths(paths, "path",
                "total_conversions", "total_conversion_value", "total_null")).journeys();
        System.out.println(journeys);
        HeuristicAttribution rules = HeuristicAttribution.withDefaults();
        List<Attribution> models = List.of(rules.firstTouch(journeys), rules.lastTouch(journeys),
                rules.linear(journeys), rules.positionBased(journeys),
                ShapleyAttribution.withDefaults().simplified(journeys),
                MarkovAttribution.withDefaults().attribute(journeys).attribution(),
                MarkovAttribution.withDefaults().withOrder(2).attribute(journeys).attribution(),
                MarkovAttribution.withDefaults().withOrder(3).attribute(journeys).attribution());
        System.out.println(AttributionComparison.of(models));
    }

    private static void cohorts(Dataset<Row> lines) {
        System.out.println("-- Cohort retention: Online Retail, monthly cohorts counted on the cluster --");
        CohortMatrices m = SparkCohorts.matrices(lines, TransactionSchema.of("Customer", "InvoiceDate", "Amount"),
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(RETAIL_LAST_DAY));
        System.out.printf(Locale.ROOT, "%d monthly acquisition cohorts (UTC, data end %s; * = incomplete last month)%n",
                m.cohortCount(), RETAIL_LAST_DAY);
        CohortText.printReturnOn(m, 12);
        System.out.println();
    }

    private static void experiment(SparkSession spark) {
        System.out.println("-- Experiment: Hillstrom's e-mail test, per-arm summaries on the cluster, tests on the driver --");
        Dataset<Row> customers = spark.read().option("header", "true")
                .schema("recency INT, history_segment STRING, history DOUBLE, mens INT, womens INT, zip_code STRING, "
                        + "newbie INT, channel STRING, segment STRING, visit INT, conversion INT, spend DOUBLE")
                .csv(path("hillstrom/hillstrom.csv.gz"));
        Map<String, SegmentedSummaries> s = SparkExperiments.of("segment", "visit", "conversion", "spend")
                .bySegment("history_segment").summaries(customers);
        SegmentedSummaries visit = s.get("visit");
        int control = visit.arms().indexOf("No E-Mail");
        for (String arm : List.of("Mens E-Mail", "Womens E-Mail")) {
            int t = visit.arms().indexOf(arm);
            String label = arm + " vs No E-Mail";
            for (String rate : List.of("visit", "conversion")) {
                ArmSummary a = s.get(rate).arm(t);
                ArmSummary c = s.get(rate).arm(control);
                System.out.println("  " + Proportions.compare(label, rate + " rate", Math.round(a.total()), a.n(),
                        Math.round(c.total()), c.n(), 0.95));
            }
            System.out.println("  " + Means.compare(label, "spend per customer ($)", s.get("spend").arm(t),
                    s.get("spend").arm(control), 0.95));
        }
        System.out.println();
    }
}
