// Writes the README's Spark snippet, verbatim, into the body of a job method.
def lines = new File(readme).readLines('UTF-8')
int section = lines.indexOf('## On Apache Spark')
assert section >= 0 : 'README has no "## On Apache Spark" section'
int open = lines.subList(section, lines.size()).indexOf('```java') + section
int close = lines.subList(open + 1, lines.size()).indexOf('```') + open + 1
def code = lines.subList(open + 1, close)
assert !code.isEmpty()

def source = new File(basedir, 'src/main/java/com/example/CustomerValueJob.java')
source.parentFile.mkdirs()
source.setText(([
    'package com.example;',
    '',
    'import io.loyalty.clv.BetaGeoFitter;',
    'import io.loyalty.clv.BetaGeoModel;',
    'import io.loyalty.clv.ClvCalculator;',
    'import io.loyalty.clv.GammaGammaFitter;',
    'import io.loyalty.clv.GammaGammaModel;',
    'import io.loyalty.data.PeriodRule;',
    'import io.loyalty.data.Summarizer;',
    'import io.loyalty.rfm.RfmScorer;',
    'import io.loyalty.spark.SparkClv;',
    'import io.loyalty.spark.SparkRfm;',
    'import io.loyalty.spark.SparkSummaries;',
    'import io.loyalty.spark.TransactionSchema;',
    'import java.time.LocalDate;',
    'import org.apache.spark.sql.Dataset;',
    'import org.apache.spark.sql.Row;',
    'import org.apache.spark.sql.SparkSession;',
    '',
    'public class CustomerValueJob {',
    '    static void run(SparkSession spark, String lake) {'] +
    code.collect { it.isEmpty() ? it : '        ' + it } +
    ['    }', '}']).join('\n') + '\n', 'UTF-8')
return true
