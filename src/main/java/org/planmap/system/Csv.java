package org.planmap.system;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma-separated, fields optionally in double quotes with "" for a quote. */
public final class Csv {
    private Csv() { }

    /** All records of {@code text}; blank lines are skipped. Throws on an unclosed quote, naming the line. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.append(c); }
                continue;
            }
            switch (c) {
                case '"' -> { quoted = true; any = true; }
                case ',' -> { row.add(field.toString()); field.setLength(0); any = true; }
                case '\r' -> { }
                case '\n' -> {
                    if (any || field.length() > 0) { row.add(field.toString()); rows.add(row); }
                    row = new ArrayList<>(); field.setLength(0); any = false; line++;
                }
                default -> { field.append(c); any = true; }
            }
        }
        if (quoted) throw new IllegalArgumentException("unclosed quote starting before line " + line);
        if (any || field.length() > 0) { row.add(field.toString()); rows.add(row); }
        if (!rows.isEmpty() && !rows.get(0).isEmpty()) rows.get(0).set(0, rows.get(0).get(0).replace("\uFEFF", ""));
        return rows;
    }

    /** Records as header → value maps (missing trailing fields are empty), in file order. */
    public static List<java.util.Map<String, String>> records(String text) {
        List<List<String>> rows = parse(text);
        List<java.util.Map<String, String>> out = new ArrayList<>();
        if (rows.isEmpty()) return out;
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) m.put(header.get(c), c < r.size() ? r.get(c) : "");
            out.add(m);
        }
        return out;
    }

    /** One line of fields, each quoted only when it holds a comma, quote or line break. */
    public static String line(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            String v = f == null ? "" : f;
            boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
            out.add(needs ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return String.join(",", out);
    }

    /** A field quoted when it needs to be. */
    public static String field(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (s.isEmpty()) return s;
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        // a leading =, +, - or @ would be run as a formula by spreadsheet programs
        boolean formula = "=+-@".indexOf(s.charAt(0)) >= 0;
        if (formula) s = "'" + s;
        return needs || formula ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
