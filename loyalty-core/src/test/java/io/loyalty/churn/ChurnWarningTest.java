package io.loyalty.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.SimulatedCustomers;
import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import io.loyalty.internal.CsvWriter;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.tablesaw.ChurnTables;
import io.loyalty.testkit.CsvRoundTrip;
import io.loyalty.testkit.Property;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChurnWarningTest {
    private static final LocalDate END = LocalDate.of(2020, 6, 30);
    /** A BG/NBD fitted (weeks) on customers drawn from CDNOW's parameters: it has a fit summary to bootstrap. */
    private static final BetaGeoModel FITTED;

    static {
        double[] age = new double[2000];
        for (int i = 0; i < age.length; i++) {
            age[i] = 30 + i % 40;
        }
        SimulatedCustomers c = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426).simulate(age, 7);
        FITTED = BetaGeoFitter.withDefaults().fit(c.frequency(), c.recency(), c.t());
    }

    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final String[] IDS = {"1", "2", "10", "42", "é-ünï", "客户", "a,b", "q\"uote", " x",
        "9007199254740993"};

    private static Summarizer weeks() {
        return Summarizer.of(PeriodRule.days().withUnit(7), END);
    }

    /** Random orders reaching the edges: one-time buyers, same-day repeats, zero and huge amounts, odd ids. */
    private static List<Transaction> orders(SplittableRandom r) {
        int customers = Property.between(r, 1, 40);
        List<Transaction> out = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String id = c < IDS.length && r.nextBoolean() ? IDS[c] : "c" + c;
            int n = r.nextInt(4) == 0 ? 1 : Property.between(r, 1, 12);
            long firstDay = END.toEpochDay() - Property.between(r, 0, 700);
            for (int k = 0; k < n; k++) {
                long day = Math.min(END.toEpochDay(), firstDay + (k == 0 ? 0 : r.nextInt(700)));
                double amount = switch (r.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> 1e6;
                    case 2 -> 0.01;
                    default -> Math.round(r.nextDouble() * 20000) / 100.0;
                };
                out.add(Transaction.of(id, Instant.ofEpochSecond(day * 86_400 + r.nextInt(86_400)), amount));
            }
        }
        return out;
    }

    private static ChurnWarning fixed() {
        return ChurnWarning.withDefaults().withModels(FITTED, SPEND);
    }

    @Test
    void invariantsHoldOnRandomCustomers() {
        Property.forAll("churn list invariants", 60, r -> {
            List<Transaction> tx = orders(r);
            CustomerSummaries now = weeks().summarize(tx);
            Ranking ranking = Ranking.values()[r.nextInt(Ranking.values().length)];
            WarningList list = fixed().withRanking(ranking).withBootstrap(
                    io.loyalty.clv.ClvBootstrap.withDefaults().withDraws(20)).list(now);
            assertTrue(list.listed() <= now.size());
            for (int q = 0; q < list.size(); q++) {
                AtRiskCustomer c = list.get(q);
                assertTrue(c.valueAtRisk() >= 0 && c.valueAtRisk() <= c.clvIfRetained(), c.toString());
                assertTrue(c.probabilityAlive().lower() <= c.probabilityAlive().estimate()
                        && c.probabilityAlive().estimate() <= c.probabilityAlive().upper(), c.toString());
                assertFalse(c.reasons().isEmpty());
                if (q > 0) {
                    AtRiskCustomer p = list.get(q - 1);
                    double a = key(p, ranking);
                    double b = key(c, ranking);
                    assertTrue(a > b || a == b && p.customerId().compareTo(c.customerId()) < 0,
                            "rank " + q + ": " + p + " before " + c);
                }
            }
            // Order independence: the same orders shuffled give the same list, byte for byte.
            List<Transaction> shuffled = new ArrayList<>();
            for (int i : Property.shuffledPermutation(r, tx.size())) {
                shuffled.add(tx.get(i));
            }
            WarningList again = fixed().withRanking(ranking).withBootstrap(
                    io.loyalty.clv.ClvBootstrap.withDefaults().withDraws(20)).list(weeks().summarize(shuffled));
            assertEquals(csv(list), csv(again));
        });
    }

    private static double key(AtRiskCustomer c, Ranking ranking) {
        return switch (ranking) {
            case VALUE_AT_RISK -> c.valueAtRisk();
            case P_ALIVE -> -c.probabilityAlive().estimate();
            case OVERDUE -> c.overdueRatio();
            case CLV_IF_RETAINED -> c.clvIfRetained();
        };
    }

    private static String csv(WarningList list) {
        StringWriter w = new StringWriter();
        list.writeCsv(w);
        return w.toString();
    }

    @Test
    void csvRoundTripsAndMatchesTablesaw() {
        SplittableRandom r = new SplittableRandom(5);
        List<Transaction> tx = new ArrayList<>(orders(r));
        tx.add(Transaction.of("a,\"b\"", Instant.parse("2018-01-01T10:00:00Z"), 12.5));
        WarningList list = fixed().list(weeks().summarize(tx));
        CsvRoundTrip.assertMatches(ChurnTables.toTable(list), list::writeCsv);
        assertEquals(WarningList.CSV_HEADER, String.join(",", ChurnTables.toTable(list).columnNames()));
        String text = list.toString();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("rank  id")), text);
        assertFalse(text.matches("(?s).*\\d\\.\\d{7,}.*"), "long fractions in print: " + text);
    }

    @Test
    void csvIsLosslessAndQuotesIds() {
        SplittableRandom r = new SplittableRandom(3);
        List<Transaction> tx = new ArrayList<>(orders(r));
        tx.add(Transaction.of("a,b", Instant.parse("2018-01-01T10:00:00Z"), 12.5));
        WarningList list = fixed().list(weeks().summarize(tx));
        String text = csv(list);
        String[] lines = text.split("\n");
        assertEquals(WarningList.CSV_HEADER, lines[0]);
        assertEquals(list.size() + 1, lines.length);
        assertTrue(text.contains("\"a,b\""), text);
        for (int q = 0; q < list.size(); q++) {
            AtRiskCustomer c = list.get(q);
            String line = lines[q + 1];
            assertTrue(line.contains("," + CsvWriter.number(c.valueAtRisk()) + ","), line);
            assertTrue(line.contains("," + CsvWriter.number(c.probabilityAlive().estimate()) + ","), line);
        }
    }

    @Test
    void limitKeepsTheTopOfTheRanking() {
        CustomerSummaries now = weeks().summarize(orders(new SplittableRandom(11)));
        WarningList all = fixed().list(now);
        WarningList top = fixed().withLimit(3).list(now);
        assertEquals(Math.min(3, all.size()), top.size());
        assertEquals(all.listed(), top.listed());
        for (int q = 0; q < top.size(); q++) {
            assertEquals(all.get(q).customerId(), top.get(q).customerId());
        }
        assertTrue(top.toString().contains("rank"), top.toString());
    }

    @Test
    void previousSnapshotGivesMovementAndDowngrades() {
        List<Transaction> tx = orders(new SplittableRandom(5));
        LocalDate earlier = END.minusDays(200);
        List<Transaction> before = new ArrayList<>();
        for (Transaction t : tx) {
            if (t.time().isBefore(earlier.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                before.add(t);
            }
        }
        RfmScores previous = RfmScorer.withDefaults().score(
                Summarizer.of(PeriodRule.days().withUnit(7), earlier).summarize(before), earlier);
        WarningList list = fixed().list(weeks().summarize(tx), previous);
        for (AtRiskCustomer c : list.rows()) {
            assertEquals(previous.indexOf(c.customerId()) >= 0, c.segmentBefore().isPresent(), c.toString());
        }
    }

    @Test
    void snapshotWhoseIdsDoNotMatchIsRejectedNamingTheId() {
        CustomerSummaries now = weeks().summarize(List.of(
                Transaction.of("17850", Instant.parse("2020-01-01T10:00:00Z"), 10),
                Transaction.of("17850", Instant.parse("2020-03-01T10:00:00Z"), 10),
                Transaction.of("12346", Instant.parse("2020-02-01T10:00:00Z"), 10)));
        RfmScores previous = RfmScorer.withDefaults().score(new String[] {"17850.0", "12346"},
                new double[] {3, 4}, new double[] {1, 1}, new double[] {10, 10});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fixed().list(now, previous));
        assertTrue(e.getMessage().contains("previous") && e.getMessage().contains("'17850.0'"), e.getMessage());
        RfmScores repeated = RfmScorer.withDefaults().score(new String[] {"17850", "17850"},
                new double[] {3, 4}, new double[] {1, 1}, new double[] {10, 10});
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> fixed().list(now, repeated));
        assertTrue(r.getMessage().contains("'17850'"), r.getMessage());
    }

    @Test
    void splitWithAnEmptyHoldoutIsRejected() {
        List<Transaction> tx = orders(new SplittableRandom(9));
        tx.add(Transaction.of("early", Instant.parse("2019-01-01T10:00:00Z"), 10));
        // The calibration window ends at noon of the last day: the holdout holds no whole period.
        CalibrationHoldout split = weeks().calibrationHoldout(tx, END.atTime(12, 0).toInstant(ZoneOffset.UTC));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fixed().evaluate(split));
        assertTrue(e.getMessage().contains("empty holdout"), e.getMessage());
    }

    @Test
    void badSettingsNameTheArgument() {
        ChurnWarning w = ChurnWarning.withDefaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> w.withAliveThreshold(Double.NaN))
                .getMessage().contains("threshold"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> w.withOverdueFactor(0))
                .getMessage().contains("factor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> w.withLimit(0))
                .getMessage().contains("rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> w.withReasons(java.util.Set.of()))
                .getMessage().contains("enabled"));
    }
}
