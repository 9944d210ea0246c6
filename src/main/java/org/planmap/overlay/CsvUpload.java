package org.planmap.overlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.planmap.geo.GeoJsonFeatures;

/**
 * Reads CSV (RFC 4180 quoting; comma, semicolon or tab) with a header row, and either a WKT column
 * ({@code wkt}, {@code geometry}, {@code geom}, {@code the_geom}, {@code shape}) or a longitude and a latitude
 * column ({@code lon/lng/longitude/x/经度}, {@code lat/latitude/y/纬度}). Text is UTF-8, else GBK (Excel in China).
 */
final class CsvUpload {
    private static final Set<String> WKT = Set.of("wkt", "geometry", "geom", "the_geom", "shape", "几何", "wkt_geom");
    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "x", "经度", "东经");
    private static final Set<String> LAT = Set.of("lat", "latitude", "y", "纬度", "北纬");

    private CsvUpload() { }

    static Upload read(byte[] bytes, int maxFeatures) {
        if (TextDecoding.looksBinary(bytes)) {
            throw UploadProblem.bad("The file is not CSV text: it contains binary data. Check that the file extension matches the content.");
        }
        String[] used = new String[1];
        String text = TextDecoding.utf8OrGbk(bytes, used);
        if (text.isBlank()) throw UploadProblem.bad("The file is empty: it contains only white space.");
        List<List<String>> rows = parse(text, delimiter(text));
        if (rows.size() < 2) throw UploadProblem.bad("The CSV has a header row but no data rows.");
        List<String> header = rows.get(0);
        int wkt = find(header, WKT);
        int lon = find(header, LON);
        int lat = find(header, LAT);
        if (wkt < 0 && (lon < 0 || lat < 0)) {
            throw UploadProblem.bad("The CSV has no geometry column: name one column 'wkt' (with WKT such as POLYGON((…))), "
                    + "or two columns 'lon' and 'lat' (also accepted: longitude/latitude, x/y, 经度/纬度). Found columns: "
                    + String.join(", ", header) + ".");
        }
        List<UploadedFeature> out = new ArrayList<>();
        WKTReader reader = new WKTReader(GeoJsonFeatures.WGS84);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) continue;
            if (out.size() >= maxFeatures) {
                throw UploadProblem.limit("The CSV has more than " + maxFeatures + " rows", "max-features", maxFeatures);
            }
            String label = "CSV row " + (r + 1);
            Map<String, Object> props = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c == wkt) continue;
                props.put(header.get(c), c < row.size() ? row.get(c) : null);
            }
            Geometry g;
            if (wkt >= 0) {
                String w = wkt < row.size() ? row.get(wkt).trim() : "";
                if (w.isEmpty()) throw UploadProblem.bad(label + ": the WKT cell is empty.");
                try {
                    g = reader.read(w);
                } catch (ParseException | RuntimeException e) {
                    throw UploadProblem.bad(label + ": the WKT cannot be read (" + WktUpload.reason(e) + ").");
                }
            } else {
                double x = number(row, lon, header, label);
                double y = number(row, lat, header, label);
                g = GeoJsonFeatures.WGS84.createPoint(new Coordinate(x, y));
            }
            out.add(new UploadedFeature(UploadNames.nameOf(props, label), props, g));
        }
        if (out.isEmpty()) throw UploadProblem.bad("The CSV has a header row but no data rows.");
        List<String> notes = new ArrayList<>();
        notes.add("CSV read as " + used[0] + ".");
        return new Upload("csv", out, null, null, notes);
    }

    private static double number(List<String> row, int col, List<String> header, String label) {
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

    private static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (first.indexOf(',') >= 0) return ',';
        if (first.indexOf('\t') >= 0) return '\t';
        if (first.indexOf(';') >= 0) return ';';
        return ',';
    }

    /** RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (quoted) throw UploadProblem.bad("The CSV ends inside a quoted field: a closing \" is missing (the file may be truncated).");
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
