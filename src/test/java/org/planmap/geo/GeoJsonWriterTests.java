package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

class GeoJsonWriterTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String write(Geometry g) {
        return write(GeoJsonWriter.WGS84, g);
    }

    private static String write(GeoJsonWriter writer, Geometry g) {
        return new String(GeoJsonWriter.bytes(JSON, 64, gen -> writer.geometry(gen, g)), StandardCharsets.UTF_8);
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
    void writesPlainDecimalsNeverExponents() throws Exception {
        assertThat(write(new WKTReader().read("POINT (0.0001 -0.00000004)"))).isEqualTo("{\"type\":\"Point\",\"coordinates\":[0.0001,0]}");
        assertThat(write(new WKTReader().read("POINT (-0.5 -106.0000001)"))).isEqualTo("{\"type\":\"Point\",\"coordinates\":[-0.5,-106.0000001]}");
        assertThat(write(new GeoJsonWriter(3), new WKTReader().read("POINT (35512345.67891 3275000.1)")))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[35512345.679,3275000.1]}");
    }

    @Test
    void sameDigitsAsTheRoundedDoubleForMapCoordinates() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            double v = (r.nextDouble() - 0.5) * 360;
            double rounded = Math.round(v * 1e7) / 1e7;
            String text = write(GeoJsonFeatures.WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(v, 0)));
            String x = text.substring(text.indexOf('[') + 1, text.indexOf(',', text.indexOf('[')));
            assertThat(Double.parseDouble(x)).as(x).isEqualTo(rounded);
        }
    }

    @Test
    void featureAndCollectionAreStreamedWithPropertiesAndForeignMembers() throws Exception {
        Geometry g = new WKTReader().read("POINT (106.4 29.5)");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", "磁器口 \"old town\"");
        props.put("n", 3);
        String text = new String(GeoJsonWriter.bytes(JSON, 64, gen -> {
            GeoJsonWriter.startCollection(gen);
            gen.writeName("features");
            gen.writeStartArray();
            GeoJsonWriter.WGS84.startFeature(gen, "a", g);
            GeoJsonWriter.properties(gen, props);
            gen.writeStringProperty("extra", "x");
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeEndObject();
        }), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.4,29.5]},\"properties\":{\"name\":\"磁器口 \\\"old town\\\"\",\"n\":3},"
                + "\"extra\":\"x\"}]}");
        assertThat(JSON.writeValueAsString(Map.of("geometry", GeoJsonWriter.WGS84.value(g))))
                .isEqualTo("{\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.4,29.5]}}");
    }

    @Test
    void refusesNonFiniteOrdinates() throws Exception {
        Geometry g = new WKTReader().read("POINT (1 2)");
        g.getCoordinates()[0].x = Double.NaN;
        g.geometryChanged();
        assertThatThrownBy(() -> write(g)).hasMessageContaining("Non-finite");
    }
}
