package io.loyalty.spark;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC-4180 CSV line, as the bundled data files are written. */
final class Csv {
    private Csv() {
    }

    /** The fields of a line: commas inside double quotes, doubled quotes inside quotes. */
    static String[] fields(String line) {
        if (line.indexOf('"') < 0) {
            return line.split(",", -1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }
}
