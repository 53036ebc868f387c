package io.loyalty.benchmarks;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.TransactionColumns;
import io.loyalty.tablesaw.DataTables;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Customer summaries: 10,000,000 transactions of 1,000,000 customers from primitive columns (dense int ids,
 * epoch days), time-ordered and in random order (the shape of the peer's own file, {@code tx_10000000.csv.gz}),
 * and 2,000,000 rows with string ids from a Tablesaw table.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@State(Scope.Benchmark)
public class DataBenchmark {
    private Summarizer summarizer;
    private TransactionColumns columns;
    private Summarizer daily;
    private TransactionColumns randomOrder;
    private Table table;

    /** Generates the seeded data once. */
    @Setup(Level.Trial)
    public void setUp() {
        SyntheticTransactions big = SyntheticTransactions.generate(10_000_000, 1_000_000, 42);
        columns = TransactionColumns.ofEpochDays(big.customer, big.epochDay, big.amount);
        summarizer = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.ofEpochDay(SyntheticTransactions.lastDay()));
        SyntheticTransactions peerShaped = SyntheticTransactions.generate(10_000_000, 1_000_000, 20_241_123, false);
        randomOrder = TransactionColumns.ofEpochDays(peerShaped.customer, peerShaped.epochDay, peerShaped.amount);
        daily = Summarizer.of(PeriodRule.days(), LocalDate.of(2021, 12, 31));
        SyntheticTransactions small = SyntheticTransactions.generate(2_000_000, 200_000, 7);
        String[] ids = new String[small.customer.length];
        LocalDate[] days = new LocalDate[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "C" + small.customer[i];
            days[i] = LocalDate.ofEpochDay(small.epochDay[i]);
        }
        table = Table.create("tx", StringColumn.create("customer", ids), DateColumn.create("day", days),
                DoubleColumn.create("amount", small.amount));
    }

    /**
     * 10M transactions, 1M customers, dense int ids, rows in time order, weekly units.
     *
     * @return the summaries
     */
    @Benchmark
    public CustomerSummaries summarize10MDenseColumns() {
        return summarizer.summarize(columns);
    }

    /**
     * The peer's file shape: 10M transactions, dense int ids 0..999,999 (skewed), daily dates over 2020-2021 in
     * random order, daily periods ending 2021-12-31, as lifetimes' {@code summary_data_from_transaction_data} is
     * timed.
     *
     * @return the summaries
     */
    @Benchmark
    public CustomerSummaries summarize10MRandomOrderDaily() {
        return daily.summarize(randomOrder);
    }

    /**
     * 2M rows with string ids read from a Tablesaw table and summarized.
     *
     * @return the summaries
     */
    @Benchmark
    public CustomerSummaries summarize2MFromTablesaw() {
        return summarizer.summarize(DataTables.transactions(table, "customer", "day", "amount"));
    }
}
