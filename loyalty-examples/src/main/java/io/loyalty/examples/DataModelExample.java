package io.loyalty.examples;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.tablesaw.DataTables;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The data model on real data: CDNOW transactions to buy-till-you-die summaries (the published calibration
 * summary), and the Online Retail log read through Tablesaw.
 */
public final class DataModelExample {
    private DataModelExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== Data model: transactions to customer summaries ==");
        List<Transaction> cdnow = readCdnowSample();
        LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
        List<Transaction> calibration = new ArrayList<>();
        for (Transaction t : cdnow) {
            if (!t.time().isAfter(LocalDate.of(1997, 10, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    .minusNanos(1))) {
                calibration.add(t);
            }
        }
        Summarizer weeks = Summarizer.of(PeriodRule.days().withUnit(7), calibrationEnd);
        CustomerSummaries summaries = weeks.summarize(calibration);
        System.out.printf("CDNOW sample: %,d transactions to 1997-09-30, daily periods in weeks%n", calibration.size());
        System.out.println(summaries);

        Table retail = OnlineRetail.table();
        long start = System.nanoTime();
        CustomerSummaries retailSummaries = Summarizer.of(PeriodRule.days(), LocalDate.of(2011, 12, 9))
                .summarize(DataTables.transactions(retail, "Customer", "InvoiceDate", "Amount"));
        System.out.printf("Online Retail: %,d rows, %,d customers summarized from a Tablesaw table in %.0f ms "
                + "(daily periods, days)%n", retail.rowCount(), retailSummaries.size(), (System.nanoTime() - start) / 1e6);
        System.out.println(DataTables.toTable(retailSummaries).sortDescendingOn("revenue").first(5).print());
        System.out.println();
    }

    /**
     * The CDNOW 1/10 sample: whitespace-separated master id, sample id, yyyymmdd date, CDs, dollars.
     *
     * @return the transactions, customer = sample id
     * @throws IOException if the file cannot be read
     */
    static List<Transaction> readCdnowSample() throws IOException {
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        List<Transaction> out = new ArrayList<>();
        for (String line : Files.readAllLines(Examples.data("cdnow/CDNOW_sample.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5) {
                out.add(Transaction.of(Integer.toString(Integer.parseInt(f[1])), LocalDate.parse(f[2], yyyymmdd),
                        Double.parseDouble(f[4])));
            }
        }
        return out;
    }
}
