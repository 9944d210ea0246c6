package org.planmap.geo.build;

import org.planmap.plan.ColumnItem;
import org.planmap.system.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.planmap.geo.Gcj02;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The committed inputs under {@code geodata/sources/}: the DataV district (converted here from
 * GCJ-02 with {@link Gcj02}), the OSM water, building and station extracts, the gazetteer and the
 * zone-facts points.
 */
final class SourceData {

    /** A source feature: its geometry (WGS84) and its JSON properties. */
    record SourceFeature(Geometry geometry, JsonNode props) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Geometry district;
    final double districtCheckMaxDiffDeg;
    final List<SourceFeature> water;
    final List<SourceFeature> buildings;
    final List<SourceFeature> stations;
    final List<Map<String, String>> gazetteer;
    final List<Map<String, String>> points;

    SourceData(Path dir) throws IOException {
        this.dir = dir;
        this.district = readDistrictFromGcj02(dir.resolve("datav-gmap/shapingba_500106_datav_gcj02.geojson"));
        this.districtCheckMaxDiffDeg = compareWithPublishedWgs84(dir.resolve("datav-gmap/shapingba_500106_datav_wgs84.geojson"));
        this.water = readFeatures(dir.resolve("osm-easy3dcharts/shapingba_water_osm_wgs84.geojson"));
        this.buildings = readFeatures(dir.resolve("osm-easy3dcharts/shapingba_named_buildings_osm_wgs84.geojson"));
        this.stations = readFeatures(dir.resolve("osm-openqgis-stations/chongqing_maincity_rail_stations_osm_wgs84.geojson"));
        this.gazetteer = Csv.records(java.nio.file.Files.readString(dir.resolve("gazetteer/gazetteer.csv")));
        this.points = Csv.records(java.nio.file.Files.readString(dir.resolve("zone-facts/points.csv")));
    }

    /** Reads the DataV GCJ-02 polygon and converts every vertex with {@link Gcj02#gcj02ToWgs84}. */
    private static Geometry readDistrictFromGcj02(Path file) throws IOException {
        JsonNode rings = JSON.readTree(Files.readString(file)).get("features").get(0).get("geometry").get("coordinates").get(0);
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            Coordinate[] cs = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                Gcj02.LonLat w = Gcj02.gcj02ToWgs84(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
                cs[i] = new Coordinate(w.lon(), w.lat());
            }
            LinearRing lr = Metric.GF.createLinearRing(cs);
            if (shell == null) {
                shell = lr;
            } else {
                holes.add(lr);
            }
        }
        Polygon p = Metric.GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
        return Metric.snap(Metric.GF.createMultiPolygon(new Polygon[] {p}));
    }

    /** Hausdorff distance (degrees) between our conversion and the converted file in the sources. */
    private double compareWithPublishedWgs84(Path file) throws IOException {
        Geometry published = readFeatures(file).get(0).geometry();
        return DiscreteHausdorffDistance.distance(district, published);
    }

    static List<SourceFeature> readFeatures(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file));
        GeoJsonReader reader = new GeoJsonReader(Metric.GF);
        List<SourceFeature> out = new ArrayList<>();
        for (JsonNode f : root.get("features")) {
            try {
                Geometry g = reader.read(JSON.writeValueAsString(f.get("geometry")));
                out.add(new SourceFeature(g, f.get("properties")));
            } catch (ParseException e) {
                throw new IOException("bad geometry in " + file, e);
            }
        }
        return out;
    }
}
