package org.planmap.ogcapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.planmap.geo.GeoJsonFeatures;
import tools.jackson.databind.json.JsonMapper;

/**
 * The expected answers, read straight from {@code geodata/*.geojson} (the files the app loads), so the
 * tests state what the API must return without depending on today's feature counts.
 */
final class GeodataOracle {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeodataOracle() { }

    static List<GeoJsonFeatures.Parsed> features(String collection) {
        Path file = Path.of("geodata", collection + ".geojson");
        try {
            return GeoJsonFeatures.readCollection(JSON, Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The project catalogue's item ids, in file order (the features of the {@code progress} collection). */
    static List<String> catalogueIds() {
        try {
            return org.planmap.system.Csv.records(Files.readString(Path.of("geodata", "project-catalogue.csv"))).stream()
                    .map(r -> r.get("catalogueId")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many features the OGC API serves in a collection: the geodata file's, or the catalogue's for progress. */
    static int count(String collection) {
        return collection.equals("progress") ? catalogueIds().size() : features(collection).size();
    }

    static List<String> ids(String collection, Predicate<GeoJsonFeatures.Parsed> where) {
        return features(collection).stream().filter(where).map(GeoJsonFeatures.Parsed::id).toList();
    }

    static Predicate<GeoJsonFeatures.Parsed> property(String name, Object value) {
        return f -> Objects.equals(String.valueOf(f.properties().get(name)), String.valueOf(value));
    }

    static Predicate<GeoJsonFeatures.Parsed> intersects(Envelope e) {
        return f -> f.geometry().intersects(GeoJsonFeatures.WGS84.toGeometry(e));
    }

    static GeoJsonFeatures.Parsed firstPoint(String collection) {
        return features(collection).stream().filter(f -> f.geometry().getGeometryType().equals("Point")).findFirst().orElseThrow();
    }

    static Map<String, Object> props(String collection, String id) {
        return features(collection).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().properties();
    }
}
