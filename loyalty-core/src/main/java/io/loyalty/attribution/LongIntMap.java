package io.loyalty.attribution;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int ids, handing out ids 0, 1, 2, ... in order of first insertion.
 * Used to intern customer ids, Markov states and transitions without boxing.
 */
final class LongIntMap {
    private long[] keys;
    private int[] ids;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
        Arrays.fill(ids, -1);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The id of {@code key}, or -1. */
    int get(long key) {
        int slot = slot(key);
        while (ids[slot] >= 0) {
            if (keys[slot] == key) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The id of {@code key}, given the next free id when it is new. */
    int intern(long key) {
        int slot = slot(key);
        while (ids[slot] >= 0) {
            if (keys[slot] == key) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ids[slot] = size;
        if (++size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        Arrays.fill(ids, -1);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] >= 0) {
                int slot = slot(oldKeys[i]);
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }
}
