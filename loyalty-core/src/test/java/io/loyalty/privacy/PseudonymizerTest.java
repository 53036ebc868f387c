package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keyed pseudonyms: the RFC 4231 vector, stability, key separation, truncation and bad keys. */
class PseudonymizerTest {
    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void matchesRfc4231TestCase6() {
        // RFC 4231 section 4.7: key = 131 bytes of 0xaa, data "Test Using Larger Than Block-Size Key - Hash Key First".
        byte[] k = new byte[131];
        Arrays.fill(k, (byte) 0xaa);
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Pseudonymizer.keyed(k).pseudonym("Test Using Larger Than Block-Size Key - Hash Key First"));
    }

    @Test
    void stableForOneKeyDifferentAcrossKeys() {
        Pseudonymizer a = Pseudonymizer.keyed(key(1));
        Pseudonymizer a2 = Pseudonymizer.keyed(key(1));
        Pseudonymizer b = Pseudonymizer.keyed(key(2));
        for (String id : List.of("17850", "ü-кириллица-顧客", " x ", "0")) {
            assertEquals(a.pseudonym(id), a2.pseudonym(id));
            assertNotEquals(a.pseudonym(id), b.pseudonym(id));
            assertEquals(64, a.pseudonym(id).length());
        }
        assertEquals(Arrays.asList(a.pseudonyms(new String[] {"1", "2"})), List.of(a.pseudonym("1"),
                a.pseudonym("2")));
    }

    @Test
    void truncationKeepsThePrefixAndStatesItsCollisionBound() {
        Pseudonymizer full = Pseudonymizer.keyed(key(3));
        Pseudonymizer short64 = full.withBits(64);
        assertEquals(full.pseudonym("c1").substring(0, 16), short64.pseudonym("c1"));
        assertEquals(1e6 * (1e6 - 1) / Math.pow(2, 65), short64.collisionBound(1_000_000), 1e-20);
        assertEquals(1, full.withBits(32).collisionBound(Long.MAX_VALUE));
        assertEquals(0, short64.collisionBound(1));
        // 20,000 ids at 32 bits: the bound is 0.047; a collision-free run is the likely outcome, and we see it.
        Pseudonymizer tiny = full.withBits(32);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            seen.add(tiny.pseudonym(Integer.toString(i)));
        }
        assertEquals(20_000, seen.size());
        assertThrows(IllegalArgumentException.class, () -> full.withBits(30));
        assertThrows(IllegalArgumentException.class, () -> full.withBits(260));
        assertThrows(IllegalArgumentException.class, () -> full.withBits(33));
    }

    @Test
    void transactionsKeepEverythingButTheId() {
        Pseudonymizer p = Pseudonymizer.keyed(key(4));
        Transaction t = Transaction.of("alice", Instant.EPOCH, 12.5).withOrderId("o1").withChannel("web");
        Transaction q = p.apply(t);
        assertEquals(p.pseudonym("alice"), q.customerId());
        assertEquals(new Transaction(q.customerId(), t.time(), t.amount(), "o1", "web"), q);
        assertEquals(List.of(q), p.apply(List.of(t)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.apply(Arrays.asList(t, null)));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void missingOrShortKeyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.keyed(null));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Pseudonymizer.keyed(new byte[31]));
        assertTrue(s.getMessage().contains("31"), s.getMessage());
        assertFalse(Pseudonymizer.keyed(key(5)).toString().contains("5,"));
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.keyed(key(5)).pseudonym(" "));
    }

    @Test
    void keyIsCopiedIn() {
        byte[] k = key(6);
        Pseudonymizer p = Pseudonymizer.keyed(k);
        String before = p.pseudonym("x");
        k[0] = 9;
        assertEquals(before, p.pseudonym("x"));
    }
}
