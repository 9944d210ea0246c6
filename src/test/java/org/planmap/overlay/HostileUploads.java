package org.planmap.overlay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.sf.GeometryType;

/**
 * The hostile upload corpus of issue #14, made by code (several files are tens of MB, or expand to hundreds):
 * each case is a file, the statuses it may get, and the {@code planmap.overlay.*} limit its answer must name.
 * The six uploads that took the app down before are here first; the rest are their relatives (every format,
 * every limit, the JSON body). {@link #write} writes them into a folder; the table in
 * {@code src/test/resources/overlay/hostile/README.md} lists them.
 */
final class HostileUploads {
    static final Set<Integer> TOO_LARGE = Set.of(413);
    static final Set<Integer> OVER_LIMIT = Set.of(422);
    static final Set<Integer> BAD = Set.of(400);

    /** One upload: a file posted as multipart, or (when {@code json}) a JSON body to the same endpoint. */
    record Case(String file, Set<Integer> statuses, String limit, boolean json) {
        static Case file(String file, Set<Integer> statuses, String limit) {
            return new Case(file, statuses, limit, false);
        }
    }

    private static final Random RANDOM = new Random(14);

    private HostileUploads() { }

    static List<Case> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Case> cases = new ArrayList<>();
        // --- the six that answered 500 and starved other users (issue #14)
        String nestedGc = "GEOMETRYCOLLECTION (".repeat(5000) + "POINT (106.45 29.58)" + ")".repeat(5000);
        cases.add(text(dir, "gc-nested-5000.wkt", nestedGc, OVER_LIMIT, "max-nesting-depth"));
        cases.add(text(dir, "gc-nested-5000.csv", "name,wkt\nx,\"" + nestedGc + "\"\n", OVER_LIMIT, "max-nesting-depth"));
        cases.add(text(dir, "multigeometry-nested-5000.kml", kml("<Placemark><name>deep</name>" + "<MultiGeometry>".repeat(5000)
                + "<Point><coordinates>106.45,29.58</coordinates></Point>" + "</MultiGeometry>".repeat(5000) + "</Placemark>"),
                OVER_LIMIT, "max-nesting-depth"));
        cases.add(bytes(dir, "geojson-million-vertices.zip", zip("big.geojson", polygonGeoJson(3_000_000, false)), TOO_LARGE, null));
        cases.add(bytes(dir, "shapefile-5m-points.zip", shapefileZip("points", 5_000_000, false), TOO_LARGE, "max-compression-ratio"));
        Files.write(dir.resolve("polygon-2.5m-vertices.geojson"), compactPolygon(2_500_000));
        cases.add(Case.file("polygon-2.5m-vertices.geojson", OVER_LIMIT, "max-vertices"));
        // --- GeoJSON
        cases.add(bytes(dir, "features-100k.geojson", pointsGeoJson(100_000), OVER_LIMIT, "max-features"));
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 4; i++) fc.append(i > 0 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{},\"geometry\":")
                .append(new String(polygonGeoJson(150_000, true), StandardCharsets.UTF_8)).append('}');
        cases.add(text(dir, "total-vertices-600k.geojson", fc.append("]}").toString(), OVER_LIMIT, "max-total-vertices"));
        cases.add(text(dir, "coordinates-nested-100k.geojson", "{\"type\":\"Polygon\",\"coordinates\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}", OVER_LIMIT, "max-nesting-depth"));
        cases.add(text(dir, "properties-nested-10k.geojson", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.45,29.58]},"
                + "\"properties\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}", OVER_LIMIT, "max-nesting-depth"));
        cases.add(text(dir, "geometrycollection-nested-2000.geojson", "{\"type\":\"GeometryCollection\",\"geometries\":["
                + "{\"type\":\"GeometryCollection\",\"geometries\":[".repeat(2000) + "]}".repeat(2000) + "]}", OVER_LIMIT,
                "max-nesting-depth"));
        cases.add(text(dir, "number-1m-digits.geojson", "{\"type\":\"Point\",\"coordinates\":[1" + "1".repeat(1_000_000) + ",29.5]}",
                BAD, null));
        cases.add(text(dir, "string-15mb.geojson", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.45,29.58]},"
                + "\"properties\":{\"name\":\"" + "x".repeat(15_000_000) + "\"}}", Set.of(200, 400), null));
        // --- archives
        cases.add(bytes(dir, "zip-10000-entries.zip", manyEntries(10_000), OVER_LIMIT, "max-zip-entries"));
        cases.add(bytes(dir, "zip-ratio-1000.zip", zip("zeros.geojson", new byte[200_000_000]), TOO_LARGE, "max-compression-ratio"));
        cases.add(bytes(dir, "kmz-ratio-1000.kmz", zip("doc.kml", new byte[200_000_000]), TOO_LARGE, "max-compression-ratio"));
        cases.add(bytes(dir, "zip-entry-60mb-ratio-57.zip", zip("big.csv", sparse(60_000_000)), TOO_LARGE, "max-zip-entry-bytes"));
        cases.add(bytes(dir, "zip-total-80mb.zip", zip(List.of("a.csv", "b.txt"), List.of(sparse(40_000_000), sparse(40_000_000))),
                TOO_LARGE, "max-zip-uncompressed-bytes"));
        cases.add(bytes(dir, "zip-in-zip.zip", zip("inner.zip", zip("zeros.geojson", new byte[50_000_000])), BAD, null));
        // --- KML and GPX
        StringBuilder pm = new StringBuilder();
        for (int i = 0; i < 100_000; i++) pm.append("<Placemark><Point><coordinates>106.45,29.58</coordinates></Point></Placemark>");
        cases.add(text(dir, "placemarks-100k.kml", kml(pm.toString()), OVER_LIMIT, "max-features"));
        StringBuilder line = new StringBuilder("<Placemark><LineString><coordinates>");
        for (int i = 0; i < 1_000_000; i++) line.append("106.").append(4 + i % 5).append(",29.5 ");
        cases.add(text(dir, "linestring-1m-vertices.kml", kml(line.append("</coordinates></LineString></Placemark>").toString()),
                OVER_LIMIT, "max-vertices"));
        cases.add(text(dir, "folders-nested-100k.kml", kml("<Folder>".repeat(100_000) + "</Folder>".repeat(100_000)), OVER_LIMIT,
                "max-nesting-depth"));
        cases.add(text(dir, "billion-laughs.kml", "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><kml><Placemark><name>&d;</name></Placemark></kml>", BAD, null));
        cases.add(text(dir, "xxe-file.kml", "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<kml><Placemark><name>&x;</name><Point><coordinates>106.45,29.58</coordinates></Point></Placemark></kml>", BAD, null));
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg>");
        for (int i = 0; i < 500_000; i++) gpx.append("<trkpt lat=\"29.58\" lon=\"106.45\"/>");
        cases.add(text(dir, "trackpoints-500k.gpx", gpx.append("</trkseg></trk></gpx>").toString(), OVER_LIMIT, "max-vertices"));
        StringBuilder wpts = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\">");
        for (int i = 0; i < 200_000; i++) wpts.append("<wpt lat=\"29.58\" lon=\"106.45\"/>");
        cases.add(text(dir, "waypoints-200k.gpx", wpts.append("</gpx>").toString(), OVER_LIMIT, "max-features"));
        // --- CSV and WKT
        StringBuilder rows = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 500_000; i++) rows.append("p,106.45,29.58\n");
        cases.add(text(dir, "rows-500k.csv", rows.toString(), OVER_LIMIT, "max-features"));
        cases.add(text(dir, "wkt-cell-800k-vertices.csv", "name,wkt\nbig,\"" + polygonWkt(800_000) + "\"\n", OVER_LIMIT, "max-vertices"));
        cases.add(text(dir, "unterminated-quote-15mb.csv", "name,lon,lat\n\"" + "x".repeat(15_000_000), BAD, null));
        StringBuilder wide = new StringBuilder("lon,lat");
        for (int i = 0; i < 50_000; i++) wide.append(",c").append(i);
        cases.add(text(dir, "columns-50k.csv", wide.append("\n106.45,29.58").append(",v".repeat(50_000)).append('\n').toString(),
                Set.of(200), null));
        cases.add(text(dir, "polygon-800k-vertices.wkt", polygonWkt(800_000), OVER_LIMIT, "max-vertices"));
        cases.add(text(dir, "points-200k-lines.wkt", "POINT (106.45 29.58)\n".repeat(200_000), OVER_LIMIT, "max-features"));
        // --- Shapefile
        cases.add(bytes(dir, "shapefile-200k-points.zip", shapefileZip("many", 200_000, true), OVER_LIMIT, "max-features"));
        cases.add(bytes(dir, "shapefile-lying-parts.zip", lyingShapefileZip(), BAD, null));
        // --- GeoPackage (an SQLite file: the library reads rows and geometry blobs, so the limits must hold there too)
        cases.add(bytes(dir, "gpkg-100k-points.gpkg", geopackage(100_000, i -> pointWkb(106.3 + (i % 1000) * 1e-4, 29.5 + (i / 1000) * 1e-4)),
                OVER_LIMIT, "max-features"));
        cases.add(bytes(dir, "gpkg-polygon-800k-vertices.gpkg", geopackage(1, i -> polygonWkb(800_000)), OVER_LIMIT, "max-vertices"));
        cases.add(bytes(dir, "gpkg-gc-nested-100k.gpkg", geopackage(1, i -> nestedCollectionWkb(100_000)), OVER_LIMIT,
                "max-nesting-depth"));
        cases.add(bytes(dir, "gpkg-lying-point-count.gpkg", geopackage(1, i -> lyingLineWkb()), BAD, null));
        // --- the JSON body of /api/overlays/analyze
        Files.writeString(dir.resolve("body-gc-nested.json"), "{\"wkt\":\"" + nestedGc + "\"}");
        cases.add(new Case("body-gc-nested.json", OVER_LIMIT, "max-nesting-depth", true));
        Files.writeString(dir.resolve("body-2.5m-vertices.json"), "{\"geometry\":"
                + new String(compactPolygon(2_500_000), StandardCharsets.UTF_8) + "}");
        cases.add(new Case("body-2.5m-vertices.json", OVER_LIMIT, "max-vertices", true));
        Files.writeString(dir.resolve("body-nested.json"), "{\"geometry\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}");
        cases.add(new Case("body-nested.json", OVER_LIMIT, "max-nesting-depth", true));
        return cases;
    }

    private static Case text(Path dir, String name, String content, Set<Integer> statuses, String limit) throws IOException {
        Files.writeString(dir.resolve(name), content);
        return Case.file(name, statuses, limit);
    }

    private static Case bytes(Path dir, String name, byte[] content, Set<Integer> statuses, String limit) throws IOException {
        Files.write(dir.resolve(name), content);
        return Case.file(name, statuses, limit);
    }

    private static String kml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>" + body
                + "</Document></kml>";
    }

    /** A ring around 磁器口 with {@code n} vertices: as its own GeoJSON object (or a Feature). */
    static byte[] polygonGeoJson(int n, boolean jitter) {
        StringBuilder out = new StringBuilder(n * 24).append("{\"type\":\"Polygon\",\"coordinates\":[[[106.46,29.58]");
        for (int i = 1; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = jitter ? 0.01 + RANDOM.nextDouble() * 1e-5 : 0.01;
            out.append(",[").append(micro(106.45 + r * Math.cos(a))).append(',').append(micro(29.58 + r * Math.sin(a))).append(']');
        }
        return out.append(",[106.46,29.58]]]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ring of {@code n} one-digit vertices, 6 bytes each ({@code [1,2],}): 2.5 million in 15 MB, as in the issue. */
    private static byte[] compactPolygon(int n) {
        StringBuilder out = new StringBuilder(n * 6 + 64).append("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],");
        for (int i = 1; i < n - 1; i++) out.append('[').append(i % 7 + 1).append(',').append(i % 5 + 1).append("],");
        return out.append("[0,0]]]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String polygonWkt(int n) {
        StringBuilder out = new StringBuilder(n * 22).append("POLYGON ((");
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            out.append(micro(106.45 + 0.01 * Math.cos(a))).append(' ').append(micro(29.58 + 0.01 * Math.sin(a))).append(", ");
        }
        return out.append("106.46 29.58))").toString();
    }

    /** Degrees rounded to 6 decimals (about 0.1 m), without the cost of String.format. */
    private static double micro(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static byte[] pointsGeoJson(int n) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{\"name\":\"p").append(i)
                    .append("\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.45,29.58]}}");
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One random byte every 200 zeros: deflates about 57 to 1, under the ratio limit. */
    private static byte[] sparse(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i += 200) b[i] = (byte) RANDOM.nextInt(256);
        return b;
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        return zip(List.of(name), List.of(content));
    }

    static byte[] zip(List<String> names, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (int i = 0; i < names.size(); i++) {
                z.putNextEntry(new ZipEntry(names.get(i)));
                z.write(contents.get(i));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] manyEntries(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < n; i++) {
                z.putNextEntry(new ZipEntry("f" + i + ".csv"));
                z.write('x');
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A point Shapefile (.shp, .shx, .dbf with one text field) of {@code n} points, zipped. */
    static byte[] shapefileZip(String base, int n, boolean spread) throws IOException {
        ByteBuffer shp = ByteBuffer.allocate(100 + 28 * n);
        ByteBuffer shx = ByteBuffer.allocate(100 + 8 * n);
        header(shp, 100 + 28 * n, 1);
        header(shx, 100 + 8 * n, 1);
        for (int i = 0; i < n; i++) {
            // spread: a true file; not spread: every record says it is record 1 and every index entry points to it,
            // so the 140 MB of a 5-million-point file deflate to a few hundred KB, as a hostile file would
            shx.order(ByteOrder.BIG_ENDIAN).putInt(spread ? shp.position() / 2 : 50).putInt(10);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(spread ? i + 1 : 1).putInt(10);
            double x = spread ? 106.3 + (i % 1000) * 1e-4 : 106.45;
            double y = spread ? 29.5 + (i / 1000) * 1e-4 : 29.58;
            shp.order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(x).putDouble(y);
        }
        return zip(List.of(base + ".shp", base + ".shx", base + ".dbf"), List.of(shp.array(), shx.array(), dbf(n, spread)));
    }

    /** One polygon record whose header claims 2^30 parts and points in a file of a few hundred bytes. */
    private static byte[] lyingShapefileZip() throws IOException {
        int content = 44 + 4 + 16 * 4;
        ByteBuffer shp = ByteBuffer.allocate(100 + 8 + content);
        ByteBuffer shx = ByteBuffer.allocate(108);
        header(shp, shp.capacity(), 5);
        header(shx, 108, 5);
        shx.order(ByteOrder.BIG_ENDIAN).putInt(50).putInt(content / 2);
        shp.order(ByteOrder.BIG_ENDIAN).putInt(1).putInt(content / 2);
        shp.order(ByteOrder.LITTLE_ENDIAN).putInt(5).putDouble(106.4).putDouble(29.5).putDouble(106.5).putDouble(29.6)
                .putInt(1 << 30).putInt(1 << 30).putInt(0);
        for (int i = 0; i < 4; i++) shp.putDouble(106.4 + (i % 2) * 0.01).putDouble(29.5 + (i / 2) * 0.01);
        return zip(List.of("liar.shp", "liar.shx", "liar.dbf"), List.of(shp.array(), shx.array(), dbf(1, true)));
    }

    /**
     * An OGC GeoPackage with one feature table ({@code hostile}, EPSG:4326) of {@code n} rows whose geometry blobs
     * are the GeoPackage header (magic, version, little-endian flag, no envelope, srs_id) followed by the given WKB,
     * written as is, so a blob may lie. The rows go in through JDBC in one transaction: the library's insert
     * commits each row, minutes for 100,000.
     */
    static byte[] geopackage(int n, java.util.function.IntFunction<byte[]> wkb) throws IOException {
        Path dir = Files.createTempDirectory("hostile-gpkg-");
        Path file = dir.resolve("hostile.gpkg");
        try {
            GeoPackageManager.create(file.toFile());
            GeoPackage gp = GeoPackageManager.open(file.toFile());
            try {
                GeometryColumns gc = new GeometryColumns();
                gc.setId(new TableColumnKey("hostile", "geom"));
                gc.setGeometryType(GeometryType.GEOMETRY);
                gc.setZ((byte) 0);
                gc.setM((byte) 0);
                gc.setSrsId(4326L);
                gp.createFeatureTable(FeatureTableMetadata.create(gc, List.of(FeatureColumn.createColumn("name", GeoPackageDataType.TEXT)),
                        new BoundingBox(106.3, 29.5, 106.6, 29.8)));
                Connection c = gp.getConnection().getConnection();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO hostile (name, geom) VALUES (?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        byte[] w = wkb.apply(i);
                        ps.setString(1, "f" + i);
                        ps.setBytes(2, ByteBuffer.allocate(8 + w.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'G').put((byte) 'P')
                                .put((byte) 0).put((byte) 1).putInt(4326).put(w).array());
                        ps.addBatch();
                        if (i % 10_000 == 9_999) ps.executeBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            } finally {
                gp.close();
            }
            return Files.readAllBytes(file);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    /** Little-endian WKB of a point. */
    private static byte[] pointWkb(double x, double y) {
        return ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(1).putDouble(x).putDouble(y).array();
    }

    /** Little-endian WKB of a closed polygon ring of {@code n} vertices around Shapingba. */
    private static byte[] polygonWkb(int n) {
        ByteBuffer b = ByteBuffer.allocate(13 + 16 * n).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(3).putInt(1).putInt(n);
        for (int i = 0; i < n - 1; i++) {
            double a = 2 * Math.PI * i / (n - 1);
            b.putDouble(106.45 + 0.05 * Math.cos(a)).putDouble(29.58 + 0.05 * Math.sin(a));
        }
        return b.putDouble(106.5).putDouble(29.58).array();
    }

    /** GeometryCollections nested {@code depth} deep around one point: 9 bytes a level, a recursive reader's stack. */
    private static byte[] nestedCollectionWkb(int depth) {
        ByteBuffer b = ByteBuffer.allocate(9 * depth + 21).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < depth; i++) b.put((byte) 1).putInt(7).putInt(1);
        return b.put(pointWkb(106.45, 29.58)).array();
    }

    /** A LineString whose count claims 2^30 points in a blob that holds two. */
    private static byte[] lyingLineWkb() {
        return ByteBuffer.allocate(9 + 32).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(2).putInt(1 << 30)
                .putDouble(106.45).putDouble(29.58).putDouble(106.46).putDouble(29.59).array();
    }

    private static void header(ByteBuffer b, int lengthBytes, int shapeType) {
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994).position(24);
        b.putInt(lengthBytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
        b.putDouble(106.3).putDouble(29.5).putDouble(106.6).putDouble(29.8).putDouble(0).putDouble(0).putDouble(0).putDouble(0);
    }

    private static byte[] dbf(int n, boolean distinct) {
        int recordLength = 1 + 10;
        ByteBuffer b = ByteBuffer.allocate(32 + 32 + 1 + recordLength * n + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1).putInt(n).putShort((short) 65).putShort((short) recordLength);
        b.position(32);
        b.put("NAME".getBytes(StandardCharsets.US_ASCII)).position(32 + 11);
        b.put((byte) 'C').position(32 + 16);
        b.put((byte) 10).position(64);
        b.put((byte) 0x0D);
        byte[] same = "point     ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            b.put((byte) ' ').put(distinct ? String.format("p%09d", (i * 2654435761L) % 1_000_000_000L).getBytes(StandardCharsets.US_ASCII) : same);
        }
        b.put((byte) 0x1A);
        return b.array();
    }
}
