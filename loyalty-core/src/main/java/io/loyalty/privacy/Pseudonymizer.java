package io.loyalty.privacy;

import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code HMAC-SHA-256(key, UTF-8(id))} in lower-case hex, optionally truncated to its first
 * {@code bits} bits. The same id gives the same pseudonym for one key (across runs and machines), different keys give
 * unrelated pseudonyms, and without the key an id cannot be tested against a pseudonym (unlike a plain hash, which
 * anyone can compute over a list of candidate ids).
 *
 * <p>Collisions. Truncated to {@code b} bits, {@code n} distinct ids collide somewhere with probability at most
 * {@code n (n - 1) / 2^(b + 1)} (the birthday bound, {@link #collisionBound(long)}): for a million customers that is
 * 2.7e-8 at 64 bits and about 1e-26 at 128 bits. A collision merges two customers, so pick {@code b} such that the
 * bound is negligible for your number of customers.
 *
 * <p>The key is the caller's secret (at least 32 bytes, e.g. from a key store); keep it away from the data. A
 * pseudonym is personal data under most laws as long as the key exists: pseudonymisation limits exposure, it does not
 * anonymise. Thread-safe.
 *
 * @since 0.2
 */
public final class Pseudonymizer {
    /** The shortest key accepted, in bytes: the output size of SHA-256 (RFC 2104 section 3). */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecretKeySpec key;
    private final int bits;

    private Pseudonymizer(SecretKeySpec key, int bits) {
        this.key = key;
        this.bits = bits;
    }

    /**
     * Pseudonyms of 256 bits (64 hex digits) under {@code key}.
     *
     * @param key the secret key, at least {@link #MIN_KEY_BYTES} bytes; copied
     * @return the pseudonymizer
     * @throws IllegalArgumentException if the key is missing or shorter than {@link #MIN_KEY_BYTES}
     */
    public static Pseudonymizer keyed(byte[] key) {
        Checks.notNull(key, "key");
        Checks.require(key.length >= MIN_KEY_BYTES, "key must have at least %d bytes, got %d", MIN_KEY_BYTES,
                key.length);
        return new Pseudonymizer(new SecretKeySpec(key.clone(), ALGORITHM), 256);
    }

    /**
     * The same key with pseudonyms truncated to {@code bits} bits.
     *
     * @param bits a multiple of 4 in [32, 256]
     * @return a new pseudonymizer
     * @throws IllegalArgumentException if {@code bits} is out of range or not a multiple of 4
     */
    public Pseudonymizer withBits(int bits) {
        Checks.require(bits >= 32 && bits <= 256 && bits % 4 == 0,
                "bits must be a multiple of 4 in [32, 256], got %d", bits);
        return new Pseudonymizer(key, bits);
    }

    /**
     * The length of a pseudonym in bits.
     *
     * @return the bits
     */
    public int bits() {
        return bits;
    }

    /**
     * The birthday bound on the probability that {@code n} distinct ids give fewer than {@code n} pseudonyms.
     *
     * @param n the number of distinct ids, {@code >= 0}
     * @return {@code min(1, n (n - 1) / 2^(bits + 1))}
     */
    public double collisionBound(long n) {
        Checks.nonNegative(n, "n");
        return Math.min(1, (double) n * (n - 1) / Math.scalb(1.0, bits + 1));
    }

    /**
     * The pseudonym of one id.
     *
     * @param id the id, not blank
     * @return {@code bits / 4} lower-case hex digits
     * @throws IllegalArgumentException if {@code id} is null or blank
     */
    public String pseudonym(String id) {
        return pseudonym(newMac(), Checks.notBlank(id, "id"));
    }

    /**
     * The pseudonyms of many ids, one for one.
     *
     * @param ids the ids, none null or blank
     * @return their pseudonyms, a new array
     * @throws IllegalArgumentException naming the row of a null or blank id
     */
    public String[] pseudonyms(String[] ids) {
        Checks.notNull(ids, "ids");
        Mac mac = newMac();
        String[] out = new String[ids.length];
        // A customer has many rows: each distinct id is hashed once (the map grows with the distinct ids only).
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            Checks.require(id != null && !id.isBlank(), "ids[%d] must not be null or blank", i);
            out[i] = seen.computeIfAbsent(id, k -> pseudonym(mac, k));
        }
        return out;
    }

    /**
     * A transaction with its customer id replaced by its pseudonym (time, amount, order and channel kept).
     *
     * @param transaction the transaction
     * @return a new transaction
     */
    public Transaction apply(Transaction transaction) {
        Checks.notNull(transaction, "transaction");
        return new Transaction(pseudonym(transaction.customerId()), transaction.time(), transaction.amount(),
                transaction.orderId(), transaction.channel());
    }

    /**
     * Transactions with their customer ids replaced by pseudonyms, in the same order.
     *
     * @param transactions the transactions, none null
     * @return a new list
     * @throws IllegalArgumentException naming the row of a null transaction
     */
    public List<Transaction> apply(List<Transaction> transactions) {
        Checks.notNull(transactions, "transactions");
        Mac mac = newMac();
        List<Transaction> out = new ArrayList<>(transactions.size());
        int row = 0;
        for (Transaction t : transactions) {
            Checks.require(t != null, "transactions has a null at row %d", row);
            out.add(new Transaction(pseudonym(mac, t.customerId()), t.time(), t.amount(), t.orderId(), t.channel()));
            row++;
        }
        return out;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE platform must provide HmacSHA256 (javax.crypto.Mac Javadoc), so this cannot happen.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private String pseudonym(Mac mac, String id) {
        byte[] h = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[bits / 4];
        for (int i = 0; i < out.length; i++) {
            int b = h[i / 2] & 0xff;
            out[i] = HEX[(i & 1) == 0 ? b >>> 4 : b & 0xf];
        }
        return new String(out);
    }

    @Override
    public String toString() {
        // Never the key.
        return Checks.format("Pseudonymizer[HMAC-SHA-256, %d bits]", bits);
    }
}
