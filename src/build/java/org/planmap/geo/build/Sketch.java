package org.planmap.geo.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

import tools.jackson.databind.JsonNode;

/**
 * The hand-authored sketch files under {@code geodata/sketch/}: schematic lines
 * ({@code lines.json}), zone bands ({@code zones.json}), area specifications
 * ({@code areas.json}) and the figures cited for them ({@code cited-figures.json}). Vertices are {@code [lon, lat, optional note]} in WGS84.
 */
final class Sketch {

    record Line(String key, String nameZh, String follows, LineString geometry) {
    }

    final Map<String, Line> lines = new LinkedHashMap<>();
    final JsonNode zones;
    final JsonNode areas;
    /** {@code cited-figures.json}: feature id → the areas and lengths the sources give for it. */
    final JsonNode citedFigures;

    Sketch(Path dir) throws IOException {
        JsonNode l = SourceData.JSON.readTree(Files.readString(dir.resolve("lines.json"))).get("lines");
        for (Map.Entry<String, JsonNode> e : l.properties()) {
            JsonNode v = e.getValue();
            lines.put(e.getKey(), new Line(e.getKey(), v.get("nameZh").asString(), v.get("follows").asString(),
                    Metric.GF.createLineString(coords(v.get("coordinates")))));
        }
        zones = SourceData.JSON.readTree(Files.readString(dir.resolve("zones.json"))).get("bands");
        areas = SourceData.JSON.readTree(Files.readString(dir.resolve("areas.json")));
        citedFigures = SourceData.JSON.readTree(Files.readString(dir.resolve("cited-figures.json"))).get("figures");
    }

    Line line(String key) {
        Line line = lines.get(key);
        if (line == null) {
            throw new IllegalStateException("unknown sketch line " + key);
        }
        return line;
    }

    static Coordinate[] coords(JsonNode list) {
        Coordinate[] cs = new Coordinate[list.size()];
        for (int i = 0; i < list.size(); i++) {
            cs[i] = new Coordinate(list.get(i).get(0).asDouble(), list.get(i).get(1).asDouble());
        }
        return cs;
    }

    /** A closed polygon from a vertex list (closed here if the list is open). */
    static Geometry ring(JsonNode list) {
        List<Coordinate> cs = new ArrayList<>(List.of(coords(list)));
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        Geometry p = Metric.GF.createPolygon(cs.toArray(new Coordinate[0]));
        return p.isValid() ? p : p.buffer(0);
    }

    /** A band polygon from an east edge and a west edge, both listed south → north. */
    static Geometry band(JsonNode eastEdge, JsonNode westEdge) {
        List<Coordinate> cs = new ArrayList<>(List.of(coords(eastEdge)));
        Coordinate[] west = coords(westEdge);
        for (int i = west.length - 1; i >= 0; i--) {
            cs.add(west[i]);
        }
        cs.add(new Coordinate(cs.get(0)));
        return Metric.GF.createPolygon(cs.toArray(new Coordinate[0]));
    }
}
