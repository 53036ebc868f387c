package io.loyalty.privacy;

/** CSV quoting (RFC 4180): a field with a comma, quote or line break is quoted, its quotes doubled. */
final class Csv {
    private Csv() {
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
