package org.planmap.geo.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The zone of a feature is the zone holding most of it. Two zones side by side, west and east of
 * 106.40 E, each 0.1° wide: a feature's share is measured in UTM 48N.
 */
class ZoneTaggerTests {

    static final String WEST = "POLYGON ((106.30 29.60, 106.40 29.60, 106.40 29.70, 106.30 29.70, 106.30 29.60))";
    static final String EAST = "POLYGON ((106.40 29.60, 106.50 29.60, 106.50 29.70, 106.40 29.70, 106.40 29.60))";

    final ZoneTagger tagger = new ZoneTagger(List.of(zone("zone-west", WEST), zone("zone-east", EAST)));

    @Test
    void aPolygonWhoseCentroidLiesInTheSmallerPartGetsTheZoneOfItsLargerPart() {
        // an L: a large block in the west zone and a long arm into the east zone that pulls the centroid east
        Feature f = feature("POLYGON ((106.39 29.61, 106.49 29.61, 106.49 29.612, 106.399 29.612, 106.399 29.69,"
                + " 106.39 29.69, 106.39 29.61))");
        assertThat(f.geometry.getCentroid().getX()).as("centroid east of the divide").isGreaterThan(106.40);
        tagger.tag(List.of(f));
        assertThat(f.props.get("zone")).isEqualTo("zone-west");
        assertThat((Double) f.props.get("zoneShare")).isBetween(0.75, 0.85);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> zones = (List<Map<String, Object>>) f.props.get("zones");
        assertThat(zones).extracting(z -> z.get("zone")).containsExactly("zone-west", "zone-east");
        assertThat((Double) zones.get(0).get("share") + (Double) zones.get(1).get("share")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aLineIsTaggedByLength() {
        Feature f = feature("LINESTRING (106.37 29.65, 106.48 29.65)");
        tagger.tag(List.of(f));
        assertThat(f.props.get("zone")).isEqualTo("zone-east");
        assertThat((Double) f.props.get("zoneShare")).isCloseTo(0.727, org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aFeatureInsideOneZoneHasShareOneAndNoZonesList() {
        Feature f = feature("POLYGON ((106.31 29.61, 106.32 29.61, 106.32 29.62, 106.31 29.62, 106.31 29.61))");
        tagger.tag(List.of(f));
        assertThat(f.props).containsEntry("zone", "zone-west").containsEntry("zoneShare", 1.0).doesNotContainKey("zones");
    }

    @Test
    void aPointIsInTheZoneThatCoversItAndAMultiPointCountsItsPoints() {
        Feature p = feature("POINT (106.45 29.65)");
        Feature mp = feature("MULTIPOINT ((106.31 29.65), (106.32 29.65), (106.45 29.65))");
        tagger.tag(List.of(p, mp));
        assertThat(p.props).containsEntry("zone", "zone-east").containsEntry("zoneShare", 1.0);
        assertThat(mp.props).containsEntry("zone", "zone-west").containsEntry("zoneShare", 0.667);
    }

    @Test
    void aPointJustOutsideEveryZoneGetsTheNearest() {
        Feature f = feature("POINT (106.5003 29.65)");
        tagger.tag(List.of(f));
        assertThat(f.props.get("zone")).isEqualTo("zone-east");
    }

    static Feature zone(String id, String wkt) {
        return new Feature(id, geometry(wkt), id, id, List.of(), "schematic", "test", "test", List.of(), "test");
    }

    static Feature feature(String wkt) {
        return new Feature("f", geometry(wkt), "f", "f", List.of(), "schematic", "test", "test", List.of(), "test");
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader(Metric.GF).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
