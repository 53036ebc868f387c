package io.loyalty.churn;

import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The Online Retail orders of {@code churn/online_retail_orders.csv.gz} (see the README beside it). */
public final class OnlineRetailData {
    public static final LocalDate OBSERVATION_END = LocalDate.of(2011, 12, 9);
    static final LocalDate CALIBRATION_END = LocalDate.of(2011, 9, 9);
    private static List<Transaction> orders;

    private OnlineRetailData() {
    }

    public static synchronized List<Transaction> orders() {
        if (orders == null) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
            List<Transaction> out = new ArrayList<>();
            try (InputStream in = OnlineRetailData.class.getResourceAsStream("/churn/online_retail_orders.csv.gz");
                    BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                            StandardCharsets.UTF_8))) {
                r.readLine();
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] c = line.split(",");
                    out.add(Transaction.of(c[1], LocalDateTime.parse(c[2], f).toInstant(ZoneOffset.UTC),
                            Double.parseDouble(c[3])).withOrderId(c[0]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            orders = List.copyOf(out);
        }
        return orders;
    }

    /** Daily periods measured in weeks, as lifetimes' {@code freq='D'} with weeks. */
    static Summarizer summarizer() {
        return Summarizer.of(PeriodRule.days().withUnit(7), OBSERVATION_END);
    }
}
