package org.planmap.features;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature as the store holds it: indexed columns plus the full property map of the source file.
 * Geometry is WGS84 lon/lat (SRID 4326).
 */
public record StoredFeature(String id, String collection, String name, String nameEn, String accuracy, String zone,
                            Integer column, Map<String, Object> properties, Geometry geometry) {

    public Envelope envelope() {
        return geometry.getEnvelopeInternal();
    }
}
