package org.planmap.geodata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one {@code geodata/<collection>.geojson} file into {@link StoredFeature}s, refusing anything the rest
 * of the app relies on being true: a unique string id, a name, a known accuracy level, a valid geometry.
 */
final class FeatureFileReader {
    static final Set<String> ACCURACY = Set.of("surveyed", "approximate", "schematic");

    private FeatureFileReader() { }

    static List<StoredFeature> read(JsonMapper json, String collection, String text, String fileName) {
        List<StoredFeature> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (GeoJsonFeatures.Parsed p : GeoJsonFeatures.readCollection(json, text, fileName)) {
            String label = fileName + " feature '" + p.id() + "'";
            if (p.id() == null || p.id().isBlank()) throw new IllegalArgumentException(fileName + ": a feature has no id");
            if (!ids.add(p.id())) throw new IllegalArgumentException(label + ": duplicate id");
            Map<String, Object> props = p.properties();
            String name = string(props.get("name"));
            if (name == null || name.isBlank()) throw new IllegalArgumentException(label + ": property 'name' is missing");
            String accuracy = string(props.get("accuracy"));
            if (!ACCURACY.contains(accuracy)) {
                throw new IllegalArgumentException(label + ": property 'accuracy' must be one of " + ACCURACY + ", was " + accuracy);
            }
            Geometry g = p.geometry();
            if (g.isEmpty()) throw new IllegalArgumentException(label + ": geometry is empty");
            IsValidOp valid = new IsValidOp(g);
            if (!valid.isValid()) {
                throw new IllegalArgumentException(label + ": geometry is not valid (" + valid.getValidationError() + ")");
            }
            Object column = props.get("column");
            out.add(new StoredFeature(p.id(), collection, name, string(props.get("nameEn")), accuracy,
                    string(props.get("zone")), column instanceof Number n ? n.intValue() : null, props, g));
        }
        return out;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
