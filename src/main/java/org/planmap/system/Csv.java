package org.planmap.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV on Apache Commons CSV: comma-separated, fields optionally in double quotes with {@code ""} for a
 * quote. The one place that reads CSV text held in memory and that writes CSV.
 *
 * <p>Two kinds of output: {@link #line} writes data files (such as {@code geodata/project-catalogue.csv}) exactly
 * as given; {@link #field} and {@link #row} write downloads meant for spreadsheet software, every cell through
 * {@link #safeCell} — the one rule against CSV (formula) injection.
 */
public final class Csv {
    /** Reading: RFC 4180, blank lines skipped. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** Writing: RFC 4180, quoted only when needed. */
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("").get();
    /** Writing a defused cell: always quoted (OWASP: prefix with an apostrophe and quote the cell). */
    private static final CSVFormat QUOTED = WRITE.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private Csv() { }

    /**
     * The dialect for reading a CSV stream with Commons CSV's {@link CSVParser} (RFC 4180, blank lines skipped) with
     * another delimiter, for readers that must stream (uploads); they drop a byte-order mark themselves.
     */
    public static CSVFormat readFormat(char delimiter) {
        return READ.builder().setDelimiter(delimiter).get();
    }

    /**
     * All records of {@code text}; a leading byte-order mark is dropped and blank lines are skipped. Throws
     * {@link IllegalArgumentException} on an unclosed quote (naming the line where the quoted field starts) or on
     * text after a closing quote.
     */
    public static List<List<String>> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), READ)) {
            for (CSVRecord r : parser) rows.add(new ArrayList<>(r.toList()));
        } catch (IOException e) {
            throw unreadable(e, rows.size());
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), rows.size());
        }
        return rows;
    }

    private static IllegalArgumentException unreadable(IOException e, int records) {
        String m = e == null || e.getMessage() == null ? "" : e.getMessage();
        Matcher line = START_LINE.matcher(m);
        String where = line.find() ? "line " + line.group(1) : "record " + (records + 1);
        if (m.contains("EOF")) return new IllegalArgumentException("unclosed quote: the quoted field starting on " + where + " has no closing \"", e);
        return new IllegalArgumentException("malformed CSV at " + where + ": " + m, e);
    }

    /** Records as header → value maps (missing trailing fields are empty), in file order. */
    public static List<Map<String, String>> records(String text) {
        List<List<String>> rows = parse(text);
        List<Map<String, String>> out = new ArrayList<>();
        if (rows.isEmpty()) return out;
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) m.put(header.get(c), c < r.size() ? r.get(c) : "");
            out.add(m);
        }
        return out;
    }

    /**
     * One line of a data file (no line break), each field written as given (null as empty) and quoted only when it
     * must be. Not for downloads: it does not defuse formulas (see {@link #row}).
     */
    public static String line(List<String> fields) {
        return WRITE.format(fields.toArray());
    }

    /**
     * The one spreadsheet-safe cell rule: text starting with {@code = + - @}, a tab or a carriage return would be
     * run as a formula by spreadsheet software (CSV injection), so it gets a leading apostrophe. Numbers
     * ({@link Number}) are left alone; null stays null.
     */
    public static Object safeCell(Object value) {
        if (value == null || value instanceof Number) return value;
        String s = value.toString();
        return isFormula(s) ? "'" + s : s;
    }

    private static boolean isFormula(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    /** One spreadsheet-safe cell ({@link #safeCell}), quoted when it needs to be and always when it was defused. */
    public static String field(Object value) {
        if (value == null) return "";
        if (value instanceof Number) return WRITE.format(value);
        String s = value.toString();
        if (s.isEmpty()) return "";
        return isFormula(s) ? QUOTED.format("'" + s) : WRITE.format(s);
    }

    /** One spreadsheet-safe record: every cell through {@link #field}, ending in CRLF (RFC 4180). */
    public static String row(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(values.get(i)));
        }
        return b.append("\r\n").toString();
    }
}
