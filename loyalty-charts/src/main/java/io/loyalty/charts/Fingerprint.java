package io.loyalty.charts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a chart shows, fed into SHA-256 as it is recorded: strings as written, numbers rounded to six significant
 * digits (so the last bits of a sum do not change the digest, a visible change does). Each item is framed by its
 * length, so that ("ab", "c") and ("a", "bc") differ. Not thread-safe; one per chart.
 */
final class Fingerprint {
    private final MessageDigest sha;

    Fingerprint() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's class documentation).
            throw new IllegalStateException(e);
        }
    }

    Fingerprint add(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(String.valueOf(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
        return this;
    }

    Fingerprint add(double v) {
        return add(String.format(Locale.ROOT, "%.6g", v));
    }

    Fingerprint add(double[] values) {
        add(values.length);
        for (double v : values) {
            add(v);
        }
        return this;
    }

    Fingerprint add(List<String> strings) {
        add(strings.size());
        for (String s : strings) {
            add(s);
        }
        return this;
    }

    Fingerprint add(long v) {
        return add(Long.toString(v));
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
