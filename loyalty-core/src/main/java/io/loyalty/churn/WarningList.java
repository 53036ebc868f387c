package io.loyalty.churn;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.Interval;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The churn early-warning list: the customers at risk, ranked, each with its figures and reasons, and how the
 * list was made (model or fallback, the fit's warnings). Immutable. {@link #toString()} prints an aligned table of
 * the top rows; {@link #writeCsv(Writer)} writes every row losslessly.
 *
 * @since 0.2
 */
public final class WarningList {
    /** The CSV header {@link #writeCsv(Writer)} writes. */
    public static final String CSV_HEADER = "rank,customer_id,p_alive,p_alive_lower,p_alive_upper,"
            + "p_alive_confidence,p_alive_method,expected_purchases_if_retained,clv_if_retained,value_at_risk,"
            + "days_since_last_purchase,expected_days_between_purchases,overdue_ratio,segment_now,segment_before,"
            + "reasons";
    private static final int SHOWN = 20;
    /** The widest line toString prints, unless an id or a segment name is wider. */
    private static final int WIDTH = 120;
    private final List<AtRiskCustomer> rows;
    private final int customers;
    private final int listed;
    private final boolean fallback;
    private final Ranking ranking;
    private final int months;
    private final String model;
    private final List<String> notes;

    WarningList(List<AtRiskCustomer> rows, int customers, int listed, boolean fallback, Ranking ranking, int months,
            String model, List<String> notes) {
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        this.customers = customers;
        this.listed = listed;
        this.fallback = fallback;
        this.ranking = ranking;
        this.months = months;
        this.model = model;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    /**
     * The listed customers, ranked (at most the configured limit).
     *
     * @return an unmodifiable list
     */
    public List<AtRiskCustomer> rows() {
        return rows;
    }

    /**
     * The number of rows.
     *
     * @return the count
     */
    public int size() {
        return rows.size();
    }

    /**
     * One row.
     *
     * @param rank the 0-based rank
     * @return the row
     * @throws IllegalArgumentException if the rank is out of range
     */
    public AtRiskCustomer get(int rank) {
        return rows.get(Checks.index(rank, rows.size(), "rank"));
    }

    /**
     * The number of customers scored.
     *
     * @return the count
     */
    public int customers() {
        return customers;
    }

    /**
     * The number of customers for whom a reason fired, before the limit cut the list.
     *
     * @return the count
     */
    public int listed() {
        return listed;
    }

    /**
     * Whether the purchase model's fit was degenerate, so the list fell back to the recency and RFM signals
     * (P(alive) is reported but neither lists nor ranks anyone; value at risk is the whole CLV if retained).
     *
     * @return true in the fallback
     */
    public boolean fallback() {
        return fallback;
    }

    /**
     * The ranking applied.
     *
     * @return the ranking
     */
    public Ranking ranking() {
        return ranking;
    }

    /**
     * The horizon of expected purchases and CLV, in months.
     *
     * @return the months
     */
    public int months() {
        return months;
    }

    /**
     * The purchase and spend models used, in words.
     *
     * @return the text
     */
    public String model() {
        return model;
    }

    /**
     * What the reader should know about how the list was made: the fallback and why, the fit's warnings, intervals
     * that could not be drawn.
     *
     * @return an unmodifiable list of lines, empty when there is nothing to say
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Writes every row as CSV ({@link #CSV_HEADER}, RFC 4180 quoting, numbers in their shortest round-trip form,
     * reasons joined by ";", an empty {@code segment_before} without a previous segment); the columns of
     * {@code io.loyalty.tablesaw.ChurnTables.toTable(WarningList)}.
     *
     * @param out the writer (not closed)
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes every row as CSV to a file (UTF-8), replacing it.
     *
     * @param file the file
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Path file) {
        Checks.notNull(file, "file");
        textTable().writeCsv(file);
    }

    private TextTable textTable() {
        TextTable.Builder b = TextTable.builder().count("rank").text("customer_id").decimal("p_alive", 3)
                .decimal("p_alive_lower", 3).decimal("p_alive_upper", 3).decimal("p_alive_confidence", 2)
                .text("p_alive_method").decimal("expected_purchases_if_retained", 2).decimal("clv_if_retained", 2)
                .decimal("value_at_risk", 2).count("days_since_last_purchase")
                .decimal("expected_days_between_purchases", 1).decimal("overdue_ratio", 1).text("segment_now")
                .text("segment_before").text("reasons");
        int rank = 1;
        for (AtRiskCustomer r : rows) {
            StringBuilder reasons = new StringBuilder();
            for (Reason why : r.reasons()) {
                reasons.append(reasons.length() == 0 ? "" : ";").append(why.name());
            }
            b.row(rank++, r.customerId(), r.probabilityAlive().estimate(), r.probabilityAlive().lower(),
                    r.probabilityAlive().upper(), r.probabilityAlive().confidence(), r.probabilityAlive().method(),
                    r.expectedPurchasesIfRetained(), r.clvIfRetained(), r.valueAtRisk(), r.daysSinceLastPurchase(),
                    r.expectedDaysBetweenPurchases(), r.overdueRatio(), r.segmentNow(),
                    r.segmentBefore().orElse(""), reasons.toString());
        }
        return b.build();
    }

    /**
     * The list as text, at most 120 characters a line on Online Retail (a long customer id or segment name widens
     * its column): how it was made (the count, the ranking and horizon, the models, the fallback and notes,
     * wrapped), then the first 20 rows with the columns a retention team reads, rounded for print: {@code rank},
     * the customer {@code id}, {@code P(alive)} and its interval ({@code 95% CI}), {@code at risk} (the value at
     * risk over the horizon, currency as given), {@code idle days} (days since the last purchase),
     * {@code overdue} (idle days over the customer's expected days between purchases), the RFM {@code segment}
     * now and the {@code reasons} in words ({@link AtRiskCustomer#reasonText()}). The expected purchases and CLV
     * if retained, the expected days between purchases, the previous segment and the interval's method are in
     * {@link #writeCsv(Writer)}, with every row and full precision.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(Checks.format("Churn early-warning list: %,d of %,d customers at risk%s, "
                + "ranked by %s, horizon %d months", listed, customers,
                rows.size() < listed ? Checks.format(" (top %,d kept)", rows.size()) : "",
                ranking.name().toLowerCase(Locale.ROOT).replace('_', ' '), months)).append(nl);
        wrap(b, "models: ", model);
        if (fallback) {
            wrap(b, "FALLBACK: ", "the purchase model's fit is degenerate; listed and ranked on recency and RFM "
                    + "signals, not on P(alive)");
        }
        for (String n : notes) {
            wrap(b, "note: ", n);
        }
        String interval = rows.isEmpty() ? "CI"
                : TextTable.level(rows.get(0).probabilityAlive().confidence()) + "% CI";
        TextTable.Builder t = TextTable.builder().count("rank").text("id").decimal("P(alive)", 3).text(interval)
                .decimal("at risk", 2).count("idle days").decimal("overdue", 1).text("segment").text("reasons");
        int rank = 1;
        for (AtRiskCustomer r : rows) {
            Interval p = r.probabilityAlive();
            t.row(rank++, r.customerId(), p.estimate(), Checks.format("%.2f-%.2f", p.lower(), p.upper()),
                    r.valueAtRisk(), r.daysSinceLastPurchase(), r.overdueRatio(), r.segmentNow(), r.reasonText());
        }
        return b.append(t.build().render(SHOWN)).toString();
    }

    /** Appends {@code head} and {@code text}, wrapped at spaces to 120 characters, the next lines indented. */
    private static void wrap(StringBuilder b, String head, String text) {
        StringBuilder line = new StringBuilder(head);
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                b.append(line).append(System.lineSeparator());
                line.setLength(0);
                line.append("  ");
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        b.append(line).append(System.lineSeparator());
    }
}
