// Writes the README's Spark snippet and the block that prints its models, verbatim, into the body of a job method,
// the output block that follows them into expected.txt, and copies the CDNOW sample the job runs on (Main.java).
def lines = new File(readme).readLines('UTF-8')
int section = lines.indexOf('## On Apache Spark')
assert section >= 0 : 'README has no "## On Apache Spark" section'
int end = lines.subList(section + 1, lines.size()).findIndexOf { it.startsWith('## ') } + section + 1
// The index of the first line equal to fence after line from (exclusive), within the section.
def next = { String fence, int from ->
    int i = lines.subList(from + 1, end).indexOf(fence)
    assert i >= 0 : "README's Spark section has no $fence block after line ${from + 1}"
    i + from + 1
}
int open = next('```java', section)
int close = next('```', open)
int printOpen = next('```java', close)
int printClose = next('```', printOpen)
int outOpen = next('```', printClose)
int outClose = next('```', outOpen)
def code = lines.subList(open + 1, close) + lines.subList(printOpen + 1, printClose)
def output = lines.subList(outOpen + 1, outClose)
assert !output.isEmpty()

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
new File(basedir, 'expected.txt').setText(output.join('\n') + '\n', 'UTF-8')
new File(basedir, 'CDNOW_sample.txt').bytes = new File(cdnow).bytes
// The snippet writes its tables without overwriting: start from an empty lake when the project is run again.
new File(basedir, 'target/lake').deleteDir()
return true
