package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fits on customers held in chunks (what loyalty-spark does with partitions) against the array fits: the same
 * maximum, one pass over the chunks per gradient, and clear errors for chunks of the wrong kind.
 */
class ChunkedCustomersTest {
    /** CDNOW split at uneven boundaries into purchase chunks. */
    private static List<CustomerChunk> purchaseChunks(double[][] d, int... cuts) {
        List<CustomerChunk> chunks = new ArrayList<>();
        int from = 0;
        for (int k = 0; k <= cuts.length; k++) {
            int to = k < cuts.length ? cuts[k] : d[0].length;
            chunks.add(CustomerChunk.ofPurchases(Arrays.copyOfRange(d[0], from, to),
                    Arrays.copyOfRange(d[1], from, to), Arrays.copyOfRange(d[2], from, to)));
            from = to;
        }
        return chunks;
    }

    private static void sameFit(double[] expected, double[] actual, double expectedLl, double actualLl, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-8 * expected[i], what + " parameter " + i);
        }
        assertEquals(expectedLl, actualLl, 1e-11 * Math.abs(expectedLl), what + " log-likelihood");
    }

    @Test
    void chunkedFitsFindTheArrayFitsMaximum() {
        double[][] d = ClvData.cdnow();
        ChunkedCustomers chunks = ChunkedCustomers.of(purchaseChunks(d, 700, 701, 1900));
        BetaGeoModel bg = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        BetaGeoModel bgChunked = BetaGeoFitter.withDefaults().fit(chunks);
        sameFit(bg.parameters(), bgChunked.parameters(), bg.fitSummary().orElseThrow().logLikelihood(),
                bgChunked.fitSummary().orElseThrow().logLikelihood(), "BG/NBD");
        assertEquals(2357, bgChunked.fitSummary().orElseThrow().customers());
        assertTrue(bgChunked.fitSummary().orElseThrow().rows() > bg.fitSummary().orElseThrow().rows(),
                "rows are merged within chunks only");

        ModifiedBetaGeoModel mbg = ModifiedBetaGeoFitter.withDefaults().withPenalizer(0.001).fit(d[0], d[1], d[2]);
        ModifiedBetaGeoModel mbgChunked = ModifiedBetaGeoFitter.withDefaults().withPenalizer(0.001).fit(chunks);
        sameFit(mbg.parameters(), mbgChunked.parameters(), mbg.fitSummary().orElseThrow().logLikelihood(),
                mbgChunked.fitSummary().orElseThrow().logLikelihood(), "MBG/NBD");

        ParetoNbdModel pn = ParetoNbdFitter.withDefaults().fit(d[0], d[1], d[2]);
        ParetoNbdModel pnChunked = ParetoNbdFitter.withDefaults().fit(chunks);
        sameFit(pn.parameters(), pnChunked.parameters(), pn.fitSummary().orElseThrow().logLikelihood(),
                pnChunked.fitSummary().orElseThrow().logLikelihood(), "Pareto/NBD");

        double[][] s = ClvData.cdnowRepeatSpend();
        int half = s[0].length / 2;
        ChunkedCustomers spend = ChunkedCustomers.of(List.of(
                CustomerChunk.ofSpend(Arrays.copyOfRange(s[0], 0, half), Arrays.copyOfRange(s[1], 0, half)),
                CustomerChunk.ofSpend(Arrays.copyOfRange(s[0], half, s[0].length),
                        Arrays.copyOfRange(s[1], half, s[0].length))));
        GammaGammaModel gg = GammaGammaFitter.withDefaults().fit(s[0], s[1]);
        GammaGammaModel ggChunked = GammaGammaFitter.withDefaults().fit(spend);
        sameFit(gg.parameters(), ggChunked.parameters(), gg.fitSummary().orElseThrow().logLikelihood(),
                ggChunked.fitSummary().orElseThrow().logLikelihood(), "Gamma-Gamma");
    }

    @Test
    void oneChunkIsTheArrayFitBitForBit() {
        double[][] d = ClvData.cdnow();
        double[] w = new double[d[0].length];
        Arrays.fill(w, 1);
        BetaGeoModel array = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        BetaGeoModel chunk = BetaGeoFitter.withDefaults()
                .fit(ChunkedCustomers.of(List.of(CustomerChunk.ofPurchases(d[0], d[1], d[2], w))));
        assertEquals(array, chunk);
        assertEquals(array.fitSummary().orElseThrow().logLikelihood(),
                chunk.fitSummary().orElseThrow().logLikelihood());
    }

    @Test
    void paretoHessiansAreOnePassEach() {
        double[][] d = ClvData.cdnow();
        List<CustomerChunk> chunks = purchaseChunks(d, 1000);
        AtomicInteger passes = new AtomicInteger();
        ChunkedCustomers counted = task -> {
            passes.incrementAndGet();
            return ChunkedCustomers.of(chunks).aggregate(task);
        };
        FitSummary s = ParetoNbdFitter.withDefaults().fit(counted).fitSummary().orElseThrow();
        // Each gradient is one point (analytic since issue 17) and each Hessian the 8 gradient points around one,
        // in one pass; plus the totals and the final likelihood.
        assertTrue(passes.get() <= s.evaluations() - 7 + 2, passes + " passes for " + s.evaluations()
                + " evaluations");
    }

    @Test
    void foldOrderChangesOnlyRounding() {
        double[][] d = ClvData.cdnow();
        List<CustomerChunk> chunks = purchaseChunks(d, 500, 1500);
        ChunkTask task = ChunkTask.logLikelihood(ModelKind.BG_NBD, 0.25,
                new double[][] {{0.3, 1.2, 0.8, 2.5}, {0.2, 1.0, 0.7, 2.0}}, true);
        double[] sequential = ChunkedCustomers.of(chunks).aggregate(task);
        double[] left = task.add(task.zero(), chunks.get(2));
        double[] right = task.add(task.add(task.zero(), chunks.get(1)), chunks.get(0));
        double[] tree = task.merge(left, right);
        assertEquals(10, tree.length);
        for (int i = 0; i < tree.length; i++) {
            assertEquals(sequential[i], tree[i], 1e-12 * Math.max(1, Math.abs(sequential[i])), "slot " + i);
        }
        ChunkTask totals = ChunkTask.totals(ModelKind.BG_NBD);
        double[] t = totals.merge(totals.add(totals.zero(), chunks.get(0)), totals.add(totals.zero(), chunks.get(2)));
        assertEquals(38.86, t[2]);
        assertEquals(chunks.get(0).customers() + chunks.get(2).customers(), t[0]);
    }

    @Test
    void aChunkSurvivesSerialization() throws IOException, ClassNotFoundException {
        double[][] d = ClvData.cdnow();
        CustomerChunk chunk = CustomerChunk.ofPurchases(d[0], d[1], d[2]);
        ParetoNbdModel before = ParetoNbdFitter.withDefaults().fit(ChunkedCustomers.of(List.of(chunk)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(chunk);
        }
        CustomerChunk copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CustomerChunk) in.readObject();
        }
        assertEquals(chunk.rows(), copy.rows());
        assertEquals(before, ParetoNbdFitter.withDefaults().fit(ChunkedCustomers.of(List.of(copy))));
    }

    @Test
    void wrongOrEmptyChunksAreRejected() {
        double[][] d = ClvData.cdnow();
        CustomerChunk purchases = CustomerChunk.ofPurchases(d[0], d[1], d[2]);
        CustomerChunk spend = CustomerChunk.ofSpend(new double[] {1, 2}, new double[] {10, 20});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GammaGammaFitter.withDefaults().fit(ChunkedCustomers.of(List.of(purchases))));
        assertTrue(e.getMessage().contains("ofSpend"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoFitter.withDefaults().fit(ChunkedCustomers.of(List.of(spend))));
        assertTrue(e.getMessage().contains("ofPurchases"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoFitter.withDefaults().fit(ChunkedCustomers.of(List.of())));
        assertTrue(e.getMessage().contains("no customers"), e.getMessage());
        CustomerChunk newcomers = CustomerChunk.ofPurchases(new double[] {0, 0}, new double[] {0, 0},
                new double[] {0, 0});
        e = assertThrows(IllegalArgumentException.class,
                () -> ParetoNbdFitter.withDefaults().fit(ChunkedCustomers.of(List.of(newcomers))));
        assertTrue(e.getMessage().contains("T > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoFitter.withDefaults().fit(task -> new double[1]));
        assertTrue(e.getMessage().contains("aggregate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CustomerChunk.ofPurchases(new double[] {1}, new double[] {5}, new double[] {4}));
        assertTrue(e.getMessage().contains("recency at row 0"), e.getMessage());
    }
}
