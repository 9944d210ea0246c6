package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoJsonGeometryWriterTests {
    private final GeoJsonGeometryWriter writer = new GeoJsonGeometryWriter(7);

    private String write(Geometry g) {
        StringBuilder out = new StringBuilder();
        writer.append(out, g);
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "POINT (106.4424 29.5794)",
            "LINESTRING (106.3 29.6, 106.31 29.61, 106.32 29.605)",
            "POLYGON ((106.3 29.6, 106.4 29.6, 106.4 29.7, 106.3 29.7, 106.3 29.6), (106.33 29.63, 106.34 29.63, 106.34 29.64, 106.33 29.63))",
            "MULTIPOINT ((106.3 29.6), (106.4 29.7))",
            "MULTILINESTRING ((106.3 29.6, 106.4 29.7), (106.5 29.5, 106.6 29.6))",
            "MULTIPOLYGON (((106.3 29.6, 106.4 29.6, 106.4 29.7, 106.3 29.6)), ((106.5 29.5, 106.6 29.5, 106.6 29.6, 106.5 29.5)))",
            "GEOMETRYCOLLECTION (POINT (106.3 29.6), LINESTRING (106.3 29.6, 106.4 29.7))"})
    void readsBackAsTheSameGeometry(String wkt) throws Exception {
        Geometry g = new WKTReader().read(wkt);
        Geometry back = GeoJsonFeatures.readGeometry(write(g), "test");
        assertThat(back.equalsExact(g, 1e-9)).as(write(g)).isTrue();
        assertThat(write(g)).doesNotContain("crs");
    }

    @Test
    void roundsToSevenDecimalsAndWritesWholeNumbersPlainly() throws Exception {
        assertThat(write(new WKTReader().read("POINT (106.123456789 29.5)"))).isEqualTo("{\"type\":\"Point\",\"coordinates\":[106.1234568,29.5]}");
        assertThat(write(new WKTReader().read("POINT (11850400 3447000)"))).isEqualTo("{\"type\":\"Point\",\"coordinates\":[11850400,3447000]}");
    }

    @Test
    void refusesNonFiniteOrdinates() throws Exception {
        Geometry g = new WKTReader().read("POINT (1 2)");
        g.getCoordinates()[0].x = Double.NaN;
        g.geometryChanged();
        assertThatThrownBy(() -> write(g)).hasMessageContaining("Non-finite");
    }
}
