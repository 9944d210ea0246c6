package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.geo.GeoJsonFeatures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real OGC API – Features client against the running app: GDAL's OAPIF driver lists every collection and
 * copies one (paging through {@code next} links) into a GeoPackage with every feature and its Chinese name.
 * Needs {@code ogrinfo}/{@code ogr2ogr} (Debian: {@code apt-get install gdal-bin}); never skipped. Runs on H2GIS and
 * PostGIS (the two subclasses): the coordinates GDAL checks come out of each database's own transform.
 */
abstract class OgcApiGdalContract extends OgcApiTestBase {
    static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    static final String COLLECTION = "project-sites";

    @Autowired
    CollectionRegistry registry;

    @TempDir
    Path dir;

    String service() {
        return "OAPIF:" + base() + "/ogcapi";
    }

    @Test
    void ogrinfoListsEveryCollection() {
        String out = run(OGRINFO.toString(), "-ro", "-so", service());
        for (CollectionDef def : registry.all()) {
            assertThat(out).as(out).containsPattern("\\d+: " + java.util.regex.Pattern.quote(def.id()) + " \\(title: "
                    + java.util.regex.Pattern.quote(def.titleZh()) + "\\)");
        }
    }

    @Test
    void ogr2ogrCopiesACollectionIntoAGeoPackageWithEveryFeatureAndItsChineseName() {
        Path gpkg = dir.resolve("out.gpkg");
        run(OGR2OGR.toString(), "-f", "GPKG", gpkg.toString(), service(), COLLECTION);
        List<GeoJsonFeatures.Parsed> expected = GeodataOracle.features(COLLECTION);
        String summary = run(OGRINFO.toString(), "-ro", "-so", "-al", gpkg.toString());
        assertThat(summary).contains("Feature Count: " + expected.size());
        String all = run(OGRINFO.toString(), "-ro", "-al", gpkg.toString());
        List<String> missing = new ArrayList<>();
        for (GeoJsonFeatures.Parsed f : expected) {
            if (!all.contains("name (String) = " + f.properties().get("name"))) missing.add(f.id());
            if (!all.contains("= " + f.id())) missing.add(f.id() + " (id)");
        }
        assertThat(missing).as("features whose id or Chinese name is not in the GeoPackage").isEmpty();
    }

    /**
     * OGC API – Features Part 2: coordinates come in the axis order the CRS's authority defines. GDAL 3.6's OAPIF
     * and GeoJSON drivers always read x = easting/longitude, so the test hands the server's coordinate pair verbatim,
     * under the server's {@code Content-Crs}, to GDAL's GML reader, which follows the EPSG axis order of that CRS
     * (PROJ's database: EPSG:4326/4490 lat,lon; 4544/4545 northing,easting); {@code ogr2ogr} then puts it in CRS84.
     * It must land on the feature (within 1e-7°, about a centimetre) for every CRS the API offers.
     */
    @Test
    void ogr2ogrReadingTheOutputInEachOfferedCrsLandsOnTheFeature() throws IOException {
        GeoJsonFeatures.Parsed point = GeodataOracle.firstPoint(COLLECTION);
        double lon = point.geometry().getCoordinate().x;
        double lat = point.geometry().getCoordinate().y;
        List<String> wrong = new ArrayList<>();
        for (String crs : OgcCrs.URIS) {
            var r = get("/ogcapi/collections/" + COLLECTION + "/items/" + point.id() + "?crs=" + crs);
            assertThat(r.statusCode()).as(crs).isEqualTo(200);
            String contentCrs = r.headers().firstValue("Content-Crs").orElseThrow().replaceAll("[<>]", "");
            assertThat(contentCrs).isEqualTo(crs);
            List<Double> c = OgcApiContract.coordinates(r);
            double[] landed = toCrs84(contentCrs, c.get(0), c.get(1));
            if (Math.abs(landed[0] - lon) > 1e-7 || Math.abs(landed[1] - lat) > 1e-7) {
                wrong.add(crs + ": " + c + " read by GDAL as " + landed[0] + "," + landed[1] + ", expected " + lon + "," + lat);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The other way round: GDAL writes the feature's place in each CRS (GML 3 with OGC URL names, EPSG axis order);
     * a small box around those coordinates, in that order, as {@code bbox} with that {@code bbox-crs}, selects it.
     */
    @Test
    void aBboxInTheCrsAxisOrderGdalWritesSelectsTheFeature() throws IOException {
        GeoJsonFeatures.Parsed point = GeodataOracle.firstPoint(COLLECTION);
        Coordinate p = point.geometry().getCoordinate();
        for (String crs : List.of(OgcApiContract.EPSG + "4326", OgcApiContract.EPSG + "4490", OgcApiContract.EPSG + "4544",
                OgcApiContract.EPSG + "4545", OgcApiContract.EPSG + "3857")) {
            Path in = dir.resolve("crs84.gml");
            Files.writeString(in, gml(OgcApiContract.CRS84, p.x, p.y));
            Path out = dir.resolve("out-" + crs.replaceAll("\\D", "") + ".gml");
            run(OGR2OGR.toString(), "-f", "GML", out.toString(), in.toString(), "-t_srs", "EPSG:" + crs.replaceAll(".*/", ""),
                    "-dsco", "FORMAT=GML3", "-dsco", "SRSNAME_FORMAT=OGC_URL");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<gml:pos>(\\S+) (\\S+)</gml:pos>").matcher(Files.readString(out));
            assertThat(m.find()).as(crs).isTrue();
            double a = Double.parseDouble(m.group(1));
            double b = Double.parseDouble(m.group(2));
            double d = crs.endsWith("/4326") || crs.endsWith("/4490") ? 1e-4 : 10;
            String bbox = (a - d) + "," + (b - d) + "," + (a + d) + "," + (b + d);
            var r = get("/ogcapi/collections/" + COLLECTION + "/items?limit=50&bbox-crs=" + crs + "&bbox=" + bbox);
            assertThat(r.statusCode()).as(crs + " " + bbox + " → " + r.body()).isEqualTo(200);
            assertThat(OgcApiContract.ids(OgcApiTestBase.json(r))).as(crs + " " + bbox).contains(point.id());
        }
    }

    /** One point in a GML 3.2 document whose srsName is {@code crs}; the pair is written as given. */
    static String gml(String crs, double first, double second) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ogr:FeatureCollection xmlns:ogr=\"http://ogr.maptools.org/\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                + "<ogr:featureMember><ogr:p gml:id=\"p.1\"><ogr:geometryProperty><gml:Point srsName=\"" + crs
                + "\" gml:id=\"g.1\"><gml:pos>" + first + " " + second + "</gml:pos></gml:Point></ogr:geometryProperty>"
                + "</ogr:p></ogr:featureMember></ogr:FeatureCollection>\n";
    }

    /** GDAL's reading of one coordinate pair in {@code crs}, as CRS84 lon, lat. */
    double[] toCrs84(String crs, double first, double second) throws IOException {
        // a file of its own per CRS: GDAL's GML reader keeps what it learnt of a file (its .gfs schema, with the
        // SRS) beside it and would read the next CRS's point with the previous one's
        String stem = "point-" + crs.replaceAll("\\W", "");
        Path in = dir.resolve(stem + ".gml");
        Path out = dir.resolve(stem + ".csv");
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir.resolve(stem + ".gfs"));
        Files.writeString(in, gml(crs, first, second));
        run(OGR2OGR.toString(), "-f", "CSV", out.toString(), in.toString(), "-t_srs", "OGC:CRS84", "-lco", "GEOMETRY=AS_WKT");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("POINT \\((\\S+) (\\S+)\\)").matcher(Files.readString(out));
        assertThat(m.find()).as(Files.readString(out)).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /** Runs a GDAL tool, failing with its output when it exits non-zero or takes over two minutes. */
    static String run(String... command) {
        if (!Files.isExecutable(Path.of(command[0]))) {
            fail(command[0] + " is missing: install GDAL's command-line tools (apt-get install gdal-bin)");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        for (String proxy : List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
            pb.environment().remove(proxy);
        }
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
