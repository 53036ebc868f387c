package io.loyalty.attribution;

import java.util.Arrays;

/**
 * Interns channel sequences (paths) into ids 0, 1, 2, ... in order of first insertion, storing them in one flat
 * int pool: no per-path objects, so millions of journeys reduce to their distinct paths cheaply.
 */
final class PathIndex {
    private int[] pool = new int[256];
    private int poolSize;
    private int[] starts = new int[65];
    private int[] hashes = new int[64];
    private int count;
    private int[] table = new int[128];
    private int mask = 127;

    PathIndex() {
        Arrays.fill(table, -1);
    }

    int size() {
        return count;
    }

    int[] pool() {
        return pool;
    }

    /** Offsets into {@link #pool()}: path i is pool[starts[i], starts[i + 1]). */
    int[] starts() {
        return starts;
    }

    /** The id of the path buf[from, from + length), new or existing. */
    int intern(int[] buf, int from, int length) {
        int h = hash(buf, from, length);
        int slot = h & mask;
        while (table[slot] >= 0) {
            int id = table[slot];
            if (hashes[id] == h && equal(id, buf, from, length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(buf, from, pool, poolSize, length);
        poolSize += length;
        if (count + 1 >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            starts = Arrays.copyOf(starts, hashes.length + 1);
        }
        hashes[count] = h;
        starts[count + 1] = poolSize;
        table[slot] = count;
        count++;
        if (count * 2 > table.length) {
            rehash();
        }
        return count - 1;
    }

    private boolean equal(int id, int[] buf, int from, int length) {
        int s = starts[id];
        if (starts[id + 1] - s != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (pool[s + k] != buf[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(int[] buf, int from, int length) {
        int h = length;
        for (int k = 0; k < length; k++) {
            h = h * 0x01000193 ^ buf[from + k];
            h ^= h >>> 15;
        }
        h *= 0x9E3779B1;
        return h ^ (h >>> 16);
    }

    private void rehash() {
        table = new int[table.length * 2];
        Arrays.fill(table, -1);
        mask = table.length - 1;
        for (int id = 0; id < count; id++) {
            int slot = hashes[id] & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }
}
