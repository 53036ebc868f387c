package io.loyalty.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redacting form of {@link Checks#format}: the message keeps its words, argument names, row numbers and counts,
 * and loses the caller's values. A conversion is replaced by {@link #MARK} when its argument is a floating-point
 * number (amounts, scores), a date or time, or a string quoted in the template as {@code '%s'} (the library's
 * convention for ids and other values taken from the data). Not API.
 */
final class Redaction {
    /** What a redacted value reads as. */
    static final String MARK = "<redacted>";
    private static final Pattern SPEC = Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)?(\\d+)?(\\.\\d+)?([tT])?([a-zA-Z%])");

    private Redaction() {
    }

    static String format(String template, Object... args) {
        Matcher m = SPEC.matcher(template);
        StringBuilder out = new StringBuilder();
        List<Object> kept = new ArrayList<>();
        int next = 0;
        int last = 0;
        while (m.find()) {
            char conversion = m.group(6).charAt(0);
            out.append(template, last, m.start());
            last = m.end();
            if (conversion == '%' || conversion == 'n') {
                out.append(m.group());
                continue;
            }
            int index = m.group(1) != null ? Integer.parseInt(m.group(1).substring(0, m.group(1).length() - 1)) - 1
                    : next++;
            Object arg = args != null && index >= 0 && index < args.length ? args[index] : null;
            boolean quoted = m.start() > 0 && template.charAt(m.start() - 1) == '\''
                    && m.end() < template.length() && template.charAt(m.end()) == '\'';
            if (isValue(arg) || quoted) {
                out.append(MARK);
            } else {
                // Re-number kept arguments so that the shortened argument list still lines up.
                kept.add(arg);
                String flags = m.group(2) == null ? "" : m.group(2);
                out.append('%').append(kept.size()).append('$').append(flags)
                        .append(m.group(3) == null ? "" : m.group(3)).append(m.group(4) == null ? "" : m.group(4))
                        .append(m.group(5) == null ? "" : m.group(5)).append(conversion);
            }
        }
        out.append(template, last, template.length());
        return String.format(Locale.ROOT, out.toString(), kept.toArray());
    }

    private static boolean isValue(Object arg) {
        return arg instanceof Double || arg instanceof Float || arg instanceof BigDecimal
                || arg instanceof TemporalAccessor;
    }
}
