package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A recipe for a raw order-lines export in CSV (one row per product of an order, as shops and ERPs export them):
 * which column is the customer, the time, the order and the money; how times are written; which rows to skip; how
 * cancellations are handled. {@link #read(Path)} gives the kept lines as {@link Transaction}s with their order id,
 * ready for {@link Summarizer}, {@link io.loyalty.rfm.RfmScorer} or {@link OrderLines#orders}.
 *
 * <pre>{@code
 * OrderExport onlineRetail = OrderExport.of("CustomerID", "InvoiceDate", "InvoiceNo")
 *         .withAmount("Quantity", "UnitPrice")
 *         .withProduct("StockCode")
 *         .withCancellations("C", OrderExport.Cancellations.DROP)
 *         .withMissingCustomersSkipped();
 * OrderExport.Result r = onlineRetail.read(Path.of("online_retail.csv.gz"));   // 397,924 lines, 18,536 orders
 * }</pre>
 *
 * <p>The file: UTF-8, comma-separated, RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line
 * breaks), a header row naming the columns, {@code .gz} files read through gzip. Every column the recipe names must
 * be in the header; other columns are ignored unless {@link #withKeptColumns kept}.
 *
 * <p>The values: customer and order ids are trimmed text; an id written as a whole decimal number with a zero
 * fraction ({@code 17850.0}, as exports that went through a spreadsheet write integers) is read as the integer
 * ({@code 17850}), so it matches the same customer written {@code 17850} elsewhere. Times are local date-times in the
 * given pattern, read in the given zone (default {@code yyyy-MM-dd HH:mm:ss}, UTC). The amount is one column, or
 * quantity times unit price (one rounding). A row with an empty customer id is an error unless
 * {@link #withMissingCustomersSkipped()} (guest checkouts, counted in {@link Result#skippedMissingCustomer()}).
 *
 * <p>Cancellations: rows whose order id starts with the cancellation prefix (Online Retail's {@code C} invoices,
 * with negative quantities) are handled as {@link Cancellations} says. The export does not say which order a
 * cancellation cancels (a cancellation has an invoice number of its own), so {@link Cancellations#CANCEL_ORDERS}
 * links them by content: see there for the rule and what it matches.
 *
 * <p>Bad input is an {@link IllegalArgumentException} naming the line of the file (the header is line 1) and the
 * column: a field that is not a number or a time, a non-finite amount, a blank order id, a row with fewer or more
 * fields than the header, an unterminated quote, an order whose lines belong to two customers. Immutable.
 *
 * @since 0.2
 */
public final class OrderExport {
    /**
     * How rows of cancellation orders are handled.
     *
     * @since 0.2
     */
    public enum Cancellations {
        /**
         * Dropped, the usual filter; the orders they cancel stay, so a cancelled order still counts as a purchase.
         */
        DROP,
        /**
         * Kept as orders of their own with negative amounts (their own order id and time), to be netted against the
         * customer's purchases by {@link Summarizer#withReturnsNetted()}: the customer's total value falls by the
         * cancelled amount, but the cancelled order still counts as a purchase (and {@link io.loyalty.rfm.RfmScorer},
         * which takes purchases only, rejects them).
         */
        NET,
        /**
         * Each cancellation line removes the purchase line it cancels, and the cancellation line is dropped; an order
         * all of whose lines are removed is gone, as if it had not been placed. A cancellation line cancels a purchase
         * line of the same customer, the same product ({@link #withProduct}) and the same quantity (in absolute
         * value), placed at or before it and not already cancelled; among several, the latest (ties: the smallest
         * order id, then the earliest line of the file). It matches full-line cancellations of orders in the file;
         * it does not match a partial cancellation (a smaller quantity), a cancellation of an order placed before
         * the file starts, nor a cancellation whose product or quantity differ from the order's: those
         * cancellation lines are dropped as {@link #DROP} and counted in {@link Result#unmatchedCancellations()}.
         */
        CANCEL_ORDERS
    }

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("[+-]?[0-9]+\\.0+");
    private static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private final String customerColumn;
    private final String timeColumn;
    private final String orderColumn;
    private final String amountColumn;
    private final String quantityColumn;
    private final String priceColumn;
    private final String productColumn;
    private final String timePattern;
    private final ZoneId zone;
    private final String cancellationPrefix;
    private final Cancellations cancellations;
    private final boolean skipMissingCustomers;
    private final List<String> kept;

    private OrderExport(String customerColumn, String timeColumn, String orderColumn, String amountColumn,
            String quantityColumn, String priceColumn, String productColumn, String timePattern, ZoneId zone,
            String cancellationPrefix, Cancellations cancellations, boolean skipMissingCustomers, List<String> kept) {
        this.customerColumn = customerColumn;
        this.timeColumn = timeColumn;
        this.orderColumn = orderColumn;
        this.amountColumn = amountColumn;
        this.quantityColumn = quantityColumn;
        this.priceColumn = priceColumn;
        this.productColumn = productColumn;
        this.timePattern = timePattern;
        this.zone = zone;
        this.cancellationPrefix = cancellationPrefix;
        this.cancellations = cancellations;
        this.skipMissingCustomers = skipMissingCustomers;
        this.kept = kept;
    }

    /**
     * A recipe reading the customer id, the time and the order id from the named columns; give the money with
     * {@link #withAmount(String)} or {@link #withAmount(String, String)}.
     *
     * @param customerIdColumn the customer id column
     * @param timeColumn the time column
     * @param orderIdColumn the order (invoice) id column
     * @return the recipe
     */
    public static OrderExport of(String customerIdColumn, String timeColumn, String orderIdColumn) {
        return new OrderExport(name(customerIdColumn, "customerIdColumn"), name(timeColumn, "timeColumn"),
                name(orderIdColumn, "orderIdColumn"), null, null, null, null, DEFAULT_PATTERN, ZoneOffset.UTC, null,
                Cancellations.DROP, false, List.of());
    }

    /**
     * This recipe with the money of a line in one column.
     *
     * @param amountColumn the amount column
     * @return a new recipe
     */
    public OrderExport withAmount(String amountColumn) {
        return new OrderExport(customerColumn, timeColumn, orderColumn, name(amountColumn, "amountColumn"), null,
                null, productColumn, timePattern, zone, cancellationPrefix, cancellations, skipMissingCustomers,
                kept);
    }

    /**
     * This recipe with the money of a line as quantity times unit price; the quantity also links cancellations.
     *
     * @param quantityColumn the quantity column
     * @param unitPriceColumn the unit price column
     * @return a new recipe
     */
    public OrderExport withAmount(String quantityColumn, String unitPriceColumn) {
        return new OrderExport(customerColumn, timeColumn, orderColumn, null, name(quantityColumn, "quantityColumn"),
                name(unitPriceColumn, "unitPriceColumn"), productColumn, timePattern, zone, cancellationPrefix,
                cancellations, skipMissingCustomers, kept);
    }

    /**
     * This recipe with a product column, which {@link Cancellations#CANCEL_ORDERS} uses to link a cancellation to
     * the line it cancels.
     *
     * @param productColumn the product (stock code, SKU) column
     * @return a new recipe
     */
    public OrderExport withProduct(String productColumn) {
        return new OrderExport(customerColumn, timeColumn, orderColumn, amountColumn, quantityColumn, priceColumn,
                name(productColumn, "productColumn"), timePattern, zone, cancellationPrefix, cancellations,
                skipMissingCustomers, kept);
    }

    /**
     * This recipe with times written in a {@link DateTimeFormatter} pattern of a local date-time, read in a zone.
     *
     * @param pattern the pattern, e.g. {@code dd/MM/yyyy HH:mm}
     * @param zone the zone the times are local to
     * @return a new recipe
     */
    public OrderExport withTimeFormat(String pattern, ZoneId zone) {
        Checks.notBlank(pattern, "pattern");
        Checks.notNull(zone, "zone");
        try {
            formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Checks.format("pattern '%s' is not a date-time pattern: %s", pattern,
                    e.getMessage()), e);
        }
        return new OrderExport(customerColumn, timeColumn, orderColumn, amountColumn, quantityColumn, priceColumn,
                productColumn, pattern, zone, cancellationPrefix, cancellations, skipMissingCustomers, kept);
    }

    /**
     * This recipe with cancellation orders: those whose id starts with a prefix, handled as {@code mode} says.
     *
     * @param orderIdPrefix the prefix of a cancellation's order id, e.g. {@code C}
     * @param mode how cancellations are handled ({@link Cancellations#CANCEL_ORDERS} needs
     *     {@link #withProduct} and {@link #withAmount(String, String)})
     * @return a new recipe
     */
    public OrderExport withCancellations(String orderIdPrefix, Cancellations mode) {
        Checks.notNull(orderIdPrefix, "orderIdPrefix");
        Checks.require(!orderIdPrefix.isEmpty(), "orderIdPrefix must not be empty");
        Checks.notNull(mode, "mode");
        return new OrderExport(customerColumn, timeColumn, orderColumn, amountColumn, quantityColumn, priceColumn,
                productColumn, timePattern, zone, orderIdPrefix, mode, skipMissingCustomers, kept);
    }

    /**
     * This recipe skipping rows with an empty customer id (counted) instead of rejecting them.
     *
     * @return a new recipe
     */
    public OrderExport withMissingCustomersSkipped() {
        return new OrderExport(customerColumn, timeColumn, orderColumn, amountColumn, quantityColumn, priceColumn,
                productColumn, timePattern, zone, cancellationPrefix, cancellations, true, kept);
    }

    /**
     * This recipe keeping more columns of the kept lines as text, for {@link Result#column(String)}.
     *
     * @param columns the column names (e.g. a country)
     * @return a new recipe
     */
    public OrderExport withKeptColumns(String... columns) {
        Checks.notNull(columns, "columns");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            names.add(name(columns[i], "columns[" + i + "]"));
        }
        return new OrderExport(customerColumn, timeColumn, orderColumn, amountColumn, quantityColumn, priceColumn,
                productColumn, timePattern, zone, cancellationPrefix, cancellations, skipMissingCustomers,
                List.copyOf(names));
    }

    /**
     * Reads a file ({@code .gz} through gzip), UTF-8.
     *
     * @param file the file
     * @return the kept lines and what was skipped
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a bad row, naming its line and column
     */
    public Result read(Path file) throws IOException {
        Checks.notNull(file, "file");
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                        : raw) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads CSV text; the reader is read to its end and not closed.
     *
     * @param reader the text
     * @return the kept lines and what was skipped
     * @throws IOException if the reader fails
     * @throws IllegalArgumentException for a bad row, naming its line and column
     */
    public Result read(Reader reader) throws IOException {
        Checks.notNull(reader, "reader");
        Checks.require(amountColumn != null || quantityColumn != null,
                "the recipe has no money column: call withAmount(column) or withAmount(quantity, unitPrice)");
        Checks.require(cancellations != Cancellations.CANCEL_ORDERS || (productColumn != null
                && quantityColumn != null), "Cancellations.CANCEL_ORDERS links a cancellation to its order by "
                + "product and quantity: call withProduct(column) and withAmount(quantity, unitPrice)");
        Csv csv = new Csv(reader);
        List<String> header = csv.next();
        Checks.require(header != null, "the file is empty: no header row");
        int customerAt = column(header, customerColumn, "customerIdColumn");
        int timeAt = column(header, timeColumn, "timeColumn");
        int orderAt = column(header, orderColumn, "orderIdColumn");
        int amountAt = amountColumn == null ? -1 : column(header, amountColumn, "amountColumn");
        int quantityAt = quantityColumn == null ? -1 : column(header, quantityColumn, "quantityColumn");
        int priceAt = priceColumn == null ? -1 : column(header, priceColumn, "unitPriceColumn");
        int productAt = productColumn == null ? -1 : column(header, productColumn, "productColumn");
        int[] keptAt = new int[kept.size()];
        for (int k = 0; k < keptAt.length; k++) {
            keptAt[k] = column(header, kept.get(k), "kept column");
        }
        DateTimeFormatter format = formatter(timePattern);
        List<Line> purchases = new ArrayList<>();
        List<Line> cancelled = new ArrayList<>();
        Map<String, Line> firstOfOrder = new HashMap<>();
        int rows = 0;
        int skipped = 0;
        for (List<String> f = csv.next(); f != null; f = csv.next()) {
            long line = csv.recordLine();
            rows++;
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(Checks.format("line %d has %d fields, the header has %d", line,
                        f.size(), header.size()));
            }
            String customer = f.get(customerAt).strip();
            if (customer.isEmpty()) {
                if (skipMissingCustomers) {
                    skipped++;
                    continue;
                }
                throw new IllegalArgumentException(Checks.format("line %d, column '%s': the customer id is empty "
                        + "(use withMissingCustomersSkipped() to skip such rows)", line, customerColumn));
            }
            customer = normalizedId(customer);
            String order = f.get(orderAt).strip();
            if (order.isEmpty()) {
                throw new IllegalArgumentException(Checks.format("line %d, column '%s': the order id is blank",
                        line, orderColumn));
            }
            order = normalizedId(order);
            Instant time = time(f.get(timeAt), format, line);
            double quantity = quantityAt < 0 ? Double.NaN : number(f.get(quantityAt), line, quantityColumn);
            double amount = amountAt >= 0 ? number(f.get(amountAt), line, amountColumn)
                    : quantity * number(f.get(priceAt), line, priceColumn);
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException(Checks.format("line %d: the amount %s x %s is beyond the largest "
                        + "double", line, f.get(quantityAt).strip(), f.get(priceAt).strip()));
            }
            String[] extra = new String[keptAt.length];
            for (int k = 0; k < keptAt.length; k++) {
                extra[k] = f.get(keptAt[k]);
            }
            Line l = new Line(line, customer, order, time, amount, quantity,
                    productAt < 0 ? null : f.get(productAt).strip(), extra);
            Line first = firstOfOrder.putIfAbsent(order, l);
            if (first != null && !first.customer.equals(customer)) {
                throw new IllegalArgumentException(Checks.format("order '%s' has lines of two customers: '%s' on "
                        + "line %d and '%s' on line %d", order, first.customer, first.line, customer, line));
            }
            if (cancellationPrefix != null && order.startsWith(cancellationPrefix)) {
                cancelled.add(l);
            } else {
                purchases.add(l);
            }
        }
        int removed = 0;
        int unmatched = 0;
        List<Line> out;
        if (cancellations == Cancellations.NET) {
            out = new ArrayList<>(purchases.size() + cancelled.size());
            out.addAll(purchases);
            out.addAll(cancelled);
            out.sort(Comparator.comparingLong(l -> l.line));
        } else if (cancellations == Cancellations.CANCEL_ORDERS) {
            unmatched = cancel(purchases, cancelled);
            removed = cancelled.size() - unmatched;
            out = new ArrayList<>(purchases.size() - removed);
            for (Line l : purchases) {
                if (!l.removed) {
                    out.add(l);
                }
            }
        } else {
            out = purchases;
        }
        int ordersBefore = countOrders(purchases, false);
        int ordersAfter = countOrders(out, true);
        List<Transaction> lines = new ArrayList<>(out.size());
        String[][] columns = new String[keptAt.length][out.size()];
        for (int i = 0; i < out.size(); i++) {
            Line l = out.get(i);
            lines.add(new Transaction(l.customer, l.time, l.amount, l.order, null));
            for (int k = 0; k < keptAt.length; k++) {
                columns[k][i] = l.extra[k];
            }
        }
        Map<String, String[]> keptColumns = new HashMap<>();
        for (int k = 0; k < keptAt.length; k++) {
            keptColumns.put(kept.get(k), columns[k]);
        }
        return new Result(lines, keptColumns, rows, skipped, cancelled.size(), removed, unmatched,
                cancellations == Cancellations.CANCEL_ORDERS ? ordersBefore - ordersAfter : 0);
    }

    /** Marks the purchase lines that cancellation lines cancel; returns the number of unmatched cancellations. */
    private static int cancel(List<Line> purchases, List<Line> cancelled) {
        Map<String, List<Line>> candidates = new HashMap<>();
        for (Line p : purchases) {
            candidates.computeIfAbsent(key(p.customer, p.product, p.quantity), k -> new ArrayList<>()).add(p);
        }
        // Earliest cancellations first, so that each takes the latest line still open before it.
        List<Line> order = new ArrayList<>(cancelled);
        order.sort(Comparator.comparing((Line l) -> l.time).thenComparing(l -> l.order)
                .thenComparingLong(l -> l.line));
        int unmatched = 0;
        for (Line c : order) {
            Line best = null;
            for (Line p : candidates.getOrDefault(key(c.customer, c.product, -c.quantity), List.of())) {
                if (!p.removed && !p.time.isAfter(c.time) && (best == null || later(p, best))) {
                    best = p;
                }
            }
            if (best == null) {
                unmatched++;
            } else {
                best.removed = true;
            }
        }
        return unmatched;
    }

    /** Whether candidate {@code p} is preferred to {@code q}: later, then the smaller order id, then earlier line. */
    private static boolean later(Line p, Line q) {
        int byTime = p.time.compareTo(q.time);
        if (byTime != 0) {
            return byTime > 0;
        }
        int byOrder = p.order.compareTo(q.order);
        return byOrder != 0 ? byOrder < 0 : p.line < q.line;
    }

    private static String key(String customer, String product, double quantity) {
        // Quantities compare as numbers: 0.0 and -0.0, 2 and 2.0 are the same quantity.
        return customer + '\u0000' + product + '\u0000' + (quantity == 0 ? 0.0 : quantity);
    }

    private static int countOrders(List<Line> lines, boolean skipRemoved) {
        Set<String> ids = new HashSet<>();
        for (Line l : lines) {
            if (!(skipRemoved && l.removed)) {
                ids.add(l.order);
            }
        }
        return ids.size();
    }

    /** {@code 17850.0} to {@code 17850}; other ids as they are. */
    static String normalizedId(String id) {
        if (!WHOLE_DECIMAL.matcher(id).matches()) {
            return id;
        }
        String whole = id.substring(0, id.indexOf('.'));
        return whole.startsWith("+") ? whole.substring(1) : whole;
    }

    /**
     * A strict formatter for a pattern, so that a day that does not exist (2011-02-30) is an error, not the last
     * day of the month; strict resolving needs the proleptic year {@code u} for {@code y}, which is the same year
     * for the dates of the common era.
     */
    private static DateTimeFormatter formatter(String pattern) {
        StringBuilder p = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            p.append(c == 'y' && !quoted ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private Instant time(String text, DateTimeFormatter format, long line) {
        String t = text.strip();
        try {
            return LocalDateTime.parse(t, format).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Checks.format("line %d, column '%s': '%s' is not a date-time of the "
                    + "pattern '%s'", line, timeColumn, t, timePattern), e);
        }
    }

    private static double number(String text, long line, String column) {
        String t = text.strip();
        // Plain decimals only: Double.parseDouble would also take "NaN", "Infinity", "1d" and hex.
        if (DECIMAL.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException(Checks.format("line %d, column '%s': '%s' is not a finite decimal number",
                line, column, t));
    }

    private static int column(List<String> header, String name, String role) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException(Checks.format("%s '%s' is not in the header %s", role, name, header));
        }
        Checks.require(header.lastIndexOf(name) == at, "%s '%s' appears twice in the header %s", role, name, header);
        return at;
    }

    private static String name(String column, String argument) {
        return Checks.notBlank(column, argument);
    }

    /** One kept row of the file. */
    private static final class Line {
        final long line;
        final String customer;
        final String order;
        final Instant time;
        final double amount;
        final double quantity;
        final String product;
        final String[] extra;
        boolean removed;

        Line(long line, String customer, String order, Instant time, double amount, double quantity, String product,
                String[] extra) {
            this.line = line;
            this.customer = customer;
            this.order = order;
            this.time = time;
            this.amount = amount;
            this.quantity = quantity;
            this.product = product;
            this.extra = extra;
        }
    }

    /** An RFC 4180 record reader that knows the line each record starts on. */
    private static final class Csv {
        private final BufferedReader in;
        private long line = 1;
        private long recordLine;

        Csv(Reader reader) {
            this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        }

        long recordLine() {
            return recordLine;
        }

        /** The next record's fields, or null at the end; blank lines are skipped. */
        List<String> next() throws IOException {
            int c = in.read();
            while (c == '\n' || c == '\r') {
                if (c == '\n') {
                    line++;
                }
                c = in.read();
            }
            if (c < 0) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        throw new IllegalArgumentException(Checks.format("line %d: a quoted field is not closed "
                                + "before the end of the file", recordLine));
                    }
                    if (c == '"') {
                        int d = in.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r' || c < 0) {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    if (c >= 0) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    field.append((char) c);
                }
                c = in.read();
            }
        }
    }

    /**
     * The kept lines of an export and the counts of what was skipped or cancelled.
     *
     * @since 0.2
     */
    public static final class Result {
        private final List<Transaction> lines;
        private final Map<String, String[]> kept;
        private final int rows;
        private final int skippedMissingCustomer;
        private final int cancellationLines;
        private final int cancelledLines;
        private final int unmatchedCancellations;
        private final int cancelledOrders;

        Result(List<Transaction> lines, Map<String, String[]> kept, int rows, int skippedMissingCustomer,
                int cancellationLines, int cancelledLines, int unmatchedCancellations, int cancelledOrders) {
            this.lines = List.copyOf(lines);
            this.kept = kept;
            this.rows = rows;
            this.skippedMissingCustomer = skippedMissingCustomer;
            this.cancellationLines = cancellationLines;
            this.cancelledLines = cancelledLines;
            this.unmatchedCancellations = unmatchedCancellations;
            this.cancelledOrders = cancelledOrders;
        }

        /**
         * The kept lines, in the order of the file, each with its order id (with {@link Cancellations#NET}, the
         * cancellation lines too, with negative amounts).
         *
         * @return the lines (unmodifiable)
         */
        public List<Transaction> lines() {
            return lines;
        }

        /**
         * The kept lines grouped into orders, as {@link OrderLines#orders}.
         *
         * @return the orders, in the order of their first line
         */
        public List<Transaction> orders() {
            return OrderLines.orders(lines);
        }

        /**
         * A kept column's text, one value per kept line (as {@link #lines()}).
         *
         * @param name a column given to {@link OrderExport#withKeptColumns}
         * @return a copy of the values
         */
        public String[] column(String name) {
            Checks.notNull(name, "name");
            String[] values = kept.get(name);
            Checks.require(values != null, "column '%s' was not kept: the recipe keeps %s", name, kept.keySet());
            return values.clone();
        }

        /**
         * The data rows of the file (without the header).
         *
         * @return the row count
         */
        public int rows() {
            return rows;
        }

        /**
         * The rows skipped because their customer id was empty.
         *
         * @return the count
         */
        public int skippedMissingCustomer() {
            return skippedMissingCustomer;
        }

        /**
         * The rows of cancellation orders (with a customer id).
         *
         * @return the count
         */
        public int cancellationLines() {
            return cancellationLines;
        }

        /**
         * With {@link Cancellations#CANCEL_ORDERS}, the purchase lines removed by a cancellation (else 0).
         *
         * @return the count
         */
        public int cancelledLines() {
            return cancelledLines;
        }

        /**
         * With {@link Cancellations#CANCEL_ORDERS}, the cancellation lines that matched no purchase line (else 0).
         *
         * @return the count
         */
        public int unmatchedCancellations() {
            return unmatchedCancellations;
        }

        /**
         * With {@link Cancellations#CANCEL_ORDERS}, the orders all of whose lines were cancelled (else 0).
         *
         * @return the count
         */
        public int cancelledOrders() {
            return cancelledOrders;
        }

        @Override
        public String toString() {
            return Checks.format("%,d rows: %,d skipped without customer id, %,d cancellation lines; %,d lines "
                    + "kept%s", rows, skippedMissingCustomer, cancellationLines, lines.size(),
                    cancelledLines + unmatchedCancellations == 0 ? "" : Checks.format(" (%,d purchase lines "
                            + "cancelled, %,d whole orders; %,d cancellation lines matched nothing)", cancelledLines,
                            cancelledOrders, unmatchedCancellations));
        }
    }
}
