package org.planmap.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;

/** A moved or redrawn feature's zone members follow its geometry, by the geodata builder's rule. */
class ZoneSharesTests {
    private static final StoredFeature WEST = zone("zone-west", 106.0, 106.3);
    private static final StoredFeature EAST = zone("zone-east", 106.3, 106.6);

    private static StoredFeature zone(String id, double x0, double x1) {
        Geometry g = GeoJsonFeatures.WGS84.toGeometry(new org.locationtech.jts.geom.Envelope(x0, x1, 29.4, 29.8));
        return FeatureDocuments.of(id, "zones", Map.of("name", id, "accuracy", "schematic"), g);
    }

    @Test
    void aPointTakesTheZoneThatHoldsIt() {
        Geometry p = GeoJsonFeatures.WGS84.createPoint(new Coordinate(106.45, 29.6));
        Map<String, Object> props = ZoneShares.tag(Map.of("zone", "zone-west", "zoneShare", 1.0,
                "zones", List.of()), p, List.of(WEST, EAST));
        assertThat(props).containsEntry("zone", "zone-east").containsEntry("zoneShare", 1.0).doesNotContainKey("zones");
    }

    @Test
    void aLineAcrossTwoZonesListsBothLargestFirst() {
        Geometry line = GeoJsonFeatures.WGS84.createLineString(new Coordinate[] {new Coordinate(106.2, 29.6), new Coordinate(106.6, 29.6)});
        Map<String, Object> props = ZoneShares.tag(Map.of("name", "x"), line, List.of(WEST, EAST));
        assertThat(props).containsEntry("zone", "zone-east").containsEntry("zoneShare", 0.75);
        assertThat(props.get("zones")).isEqualTo(List.of(Map.of("zone", "zone-east", "share", 0.75), Map.of("zone", "zone-west", "share", 0.25)));
    }
}
