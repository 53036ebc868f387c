package io.loyalty.data;

import java.util.Comparator;

/** The output order of customers: ids made only of digits first, by number; the rest after, as strings. */
final class IdOrder implements Comparator<String> {
    static final IdOrder INSTANCE = new IdOrder();

    private IdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        boolean da = digits(a);
        boolean db = digits(b);
        if (da != db) {
            return da ? -1 : 1;
        }
        if (da) {
            String sa = stripZeros(a);
            String sb = stripZeros(b);
            if (sa.length() != sb.length()) {
                return Integer.compare(sa.length(), sb.length());
            }
            int c = sa.compareTo(sb);
            // "007" and "7" are the same number but different ids: fall back to the raw strings.
            return c != 0 ? c : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
