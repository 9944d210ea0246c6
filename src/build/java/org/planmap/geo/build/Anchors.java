package org.planmap.geo.build;

import org.planmap.plan.ColumnItem;
import org.planmap.system.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.geo.Gcj02;

/**
 * Named anchor points ({@code geodata/sketch/anchors.csv}) resolved against the sources:
 * <ul>
 *   <li>{@code points:NAME} – a row of zone-facts {@code points.csv} (WGS84 or already converted;
 *       a row whose crs starts with GCJ is converted);</li>
 *   <li>{@code gazetteer:NAME} – a gazetteer row; GCJ-02 rows are converted with {@link Gcj02};</li>
 *   <li>{@code building:NAME} – centroid of the OSM building with that name;</li>
 *   <li>{@code mid:KEY|KEY} – midpoint of two other anchors;</li>
 *   <li>{@code sketch:LON,LAT} – a point placed by hand (WGS84) where the sources describe a place in
 *       words only; its note says what it stands for and how it was placed.</li>
 * </ul>
 * Unknown names fail the build.
 */
final class Anchors {

    record Anchor(String key, Point point, String ref, String note, String source) {
    }

    private final Map<String, Anchor> byKey = new LinkedHashMap<>();

    Anchors(Path csv, SourceData src) throws IOException {
        for (Map<String, String> row : Csv.records(java.nio.file.Files.readString(csv))) {
            String key = row.get("key");
            String ref = row.get("ref");
            byKey.put(key, new Anchor(key, resolve(ref, src), ref, row.get("note"), sourceKey(ref)));
        }
    }

    Anchor get(String key) {
        Anchor a = byKey.get(key);
        if (a == null) {
            throw new IllegalStateException("unknown anchor " + key);
        }
        return a;
    }

    private Point resolve(String ref, SourceData src) {
        int colon = ref.indexOf(':');
        String kind = ref.substring(0, colon);
        String name = ref.substring(colon + 1);
        switch (kind) {
            case "points":
                return fromRow(find(src.points, "name_zh", name, ref));
            case "gazetteer":
                return fromRow(find(src.gazetteer, "name_zh", name, ref));
            case "building":
                for (SourceData.SourceFeature f : src.buildings) {
                    if (name.equals(f.props().path("name").asString())) {
                        return f.geometry().getCentroid();
                    }
                }
                throw new IllegalStateException("no building " + ref);
            case "sketch":
                String[] lonLat = name.split(",");
                return (Point) Metric.snap(Metric.GF.createPoint(new Coordinate(Double.parseDouble(lonLat[0].trim()),
                        Double.parseDouble(lonLat[1].trim()))));
            case "mid":
                String[] keys = name.split("\\|");
                Point a = get(keys[0]).point();
                Point b = get(keys[1]).point();
                return Metric.GF.createPoint(new Coordinate((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2));
            default:
                throw new IllegalStateException("bad anchor ref " + ref);
        }
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String col, String name, String ref) {
        return rows.stream().filter(r -> name.equals(r.get(col))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no row for " + ref));
    }

    /** A source row as a WGS84 point; GCJ-02 rows are converted, never used raw. */
    private static Point fromRow(Map<String, String> row) {
        double lat = Double.parseDouble(row.get("lat"));
        double lon = Double.parseDouble(row.get("lon"));
        if (row.get("crs").startsWith("GCJ")) {
            Gcj02.LonLat w = Gcj02.gcj02ToWgs84(lon, lat);
            lon = w.lon();
            lat = w.lat();
        }
        return (Point) Metric.snap(Metric.GF.createPoint(new Coordinate(lon, lat)));
    }

    private static String sourceKey(String ref) {
        if (ref.startsWith("points:")) {
            return "zone-facts-points";
        }
        if (ref.startsWith("gazetteer:")) {
            return "gazetteer";
        }
        if (ref.startsWith("building:")) {
            return "osm-buildings";
        }
        return "sketch";
    }

    static Geometry point(double lon, double lat) {
        return Metric.GF.createPoint(new Coordinate(lon, lat));
    }
}
