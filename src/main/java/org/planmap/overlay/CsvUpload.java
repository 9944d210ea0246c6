package org.planmap.overlay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.system.Csv;

/**
 * Reads CSV (RFC 4180 quoting; comma, semicolon or tab, found in the header line) with Apache Commons CSV, one
 * record at a time: a header row, then either a WKT column ({@code wkt}, {@code geometry}, {@code geom},
 * {@code the_geom}, {@code shape}) or a longitude and a latitude column ({@code lon/lng/longitude/x/经度},
 * {@code lat/latitude/y/纬度}). Text is UTF-8, else GBK (Excel in China); the choice is made by a first pass
 * that decodes without keeping anything. Each WKT cell is measured against the {@link ReadBudget} before JTS
 * reads it.
 */
final class CsvUpload {
    private static final Set<String> WKT = Set.of("wkt", "geometry", "geom", "the_geom", "shape", "几何", "wkt_geom");
    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "x", "经度", "东经");
    private static final Set<String> LAT = Set.of("lat", "latitude", "y", "纬度", "北纬");
    private static final int PEEK = 64 * 1024;

    private CsvUpload() { }

    static Upload read(UploadSource source, ReadBudget budget) throws IOException {
        TextDecoding.requireText(source, "CSV");
        Charset charset = TextDecoding.isUtf8(source) ? StandardCharsets.UTF_8 : TextDecoding.GBK;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), charset), PEEK)) {
            in.mark(PEEK);
            char[] head = new char[PEEK];
            int n = in.read(head);
            in.reset();
            CSVFormat format = Csv.readFormat(delimiter(new String(head, 0, Math.max(n, 0))));
            return read(CSVParser.parse(in, format), budget, charset);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    private static Upload read(CSVParser parser, ReadBudget budget, Charset charset) throws IOException {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) throw UploadProblem.bad("The file is empty: it contains only white space.");
        List<String> header = new ArrayList<>(records.next().toList());
        if (!header.isEmpty()) header.set(0, header.get(0).replace("\uFEFF", ""));
        int wkt = find(header, WKT);
        int lon = find(header, LON);
        int lat = find(header, LAT);
        if (wkt < 0 && (lon < 0 || lat < 0)) {
            throw UploadProblem.bad("The CSV has no geometry column: name one column 'wkt' (with WKT such as POLYGON((…))), "
                    + "or two columns 'lon' and 'lat' (also accepted: longitude/latitude, x/y, 经度/纬度). Found columns: "
                    + String.join(", ", header) + ".");
        }
        List<UploadedFeature> out = new ArrayList<>();
        while (hasNext(records)) {
            CSVRecord row = records.next();
            if (row.size() == 1 && row.get(0).isBlank()) continue;
            budget.feature();
            String label = "CSV row " + (row.getRecordNumber());
            Map<String, Object> props = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c == wkt) continue;
                props.put(header.get(c), c < row.size() ? row.get(c) : null);
            }
            Geometry g;
            if (wkt >= 0) {
                String w = wkt < row.size() ? row.get(wkt).trim() : "";
                if (w.isEmpty()) throw UploadProblem.bad(label + ": the WKT cell is empty.");
                WktUpload.measure(w, budget);
                g = WktUpload.parse(w, label + ": the WKT");
            } else {
                double x = number(row, lon, header, label);
                double y = number(row, lat, header, label);
                budget.vertex();
                g = GeoJsonFeatures.WGS84.createPoint(new Coordinate(x, y));
            }
            out.add(new UploadedFeature(UploadNames.nameOf(props, label), props, g));
        }
        if (out.isEmpty()) throw UploadProblem.bad("The CSV has a header row but no data rows.");
        List<String> notes = new ArrayList<>();
        notes.add("CSV read as " + (charset == StandardCharsets.UTF_8 ? "UTF-8" : "GBK") + ".");
        return new Upload("csv", out, null, null, notes);
    }

    /** Commons CSV reports a quote left open at the end of the file while looking for the next record. */
    private static boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    private static RuntimeException unreadable(IOException e) {
        String m = e == null || e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("EOF") || m.contains("encapsulated")) {
            return UploadProblem.bad("The CSV ends inside a quoted field: a closing \" is missing (the file may be truncated).");
        }
        return UploadProblem.bad("The CSV cannot be read: " + WktUpload.reason(e) + ".");
    }

    private static double number(CSVRecord row, int col, List<String> header, String label) {
        String v = col < row.size() ? row.get(col).trim() : "";
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw UploadProblem.bad(label + ": " + header.get(col) + " '" + v + "' is not a number.");
        }
    }

    private static int find(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).trim().toLowerCase(Locale.ROOT))) return i;
        }
        return -1;
    }

    private static char delimiter(String head) {
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        if (first.indexOf(',') >= 0) return ',';
        if (first.indexOf('\t') >= 0) return '\t';
        if (first.indexOf(';') >= 0) return ';';
        return ',';
    }
}
