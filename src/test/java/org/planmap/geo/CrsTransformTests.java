package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class CrsTransformTests {
    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(GeoJsonFeatures.WGS84).read(text);
    }

    @Test
    void shapingbaStationLandsInTheGaussKruger105Zone() throws Exception {
        // 沙坪坝站 (Wikipedia, WGS84). CM 105°E: false easting 500 km, the point is ~1.45° east of the meridian.
        Geometry gk = CrsTransform.transform(wkt("POINT (106.45333 29.55639)"), Crs.CRS84, Crs.find("EPSG:4544").orElseThrow());
        assertThat(gk.getCoordinate().x).isCloseTo(640_600, within(1_500.0));
        assertThat(gk.getCoordinate().y).isCloseTo(3_270_900, within(2_500.0));
        Geometry zoned = CrsTransform.transform(wkt("POINT (106.45333 29.55639)"), Crs.CRS84, Crs.find("4523").orElseThrow());
        // zone-numbered variant adds the zone number (35) in front of the easting
        assertThat(zoned.getCoordinate().x).isCloseTo(35_000_000 + gk.getCoordinate().x, within(0.01));
    }

    @Test
    void roundTripThroughWebMercatorIsExact() throws Exception {
        Geometry p = wkt("POLYGON ((106.3 29.6, 106.4 29.6, 106.4 29.7, 106.3 29.6))");
        Geometry back = CrsTransform.transform(CrsTransform.transform(p, Crs.CRS84, Crs.WEB_MERCATOR), Crs.WEB_MERCATOR, Crs.CRS84);
        assertThat(back.equalsExact(p, 1e-9)).isTrue();
    }

    @Test
    void authorityOrderPutsLatitudeFirstFor4326And4490Only() throws Exception {
        Geometry p = wkt("POINT (106.45 29.55)");
        assertThat(CrsTransform.toAuthorityOrder(p, Crs.WGS84).getCoordinate().x).isEqualTo(29.55);
        assertThat(CrsTransform.toAuthorityOrder(p, Crs.CGCS2000).getCoordinate().x).isEqualTo(29.55);
        assertThat(CrsTransform.toAuthorityOrder(p, Crs.CRS84).getCoordinate().x).isEqualTo(106.45);
        assertThat(CrsTransform.toAuthorityOrder(p, Crs.WEB_MERCATOR).getCoordinate().x).isCloseTo(11_850_400, within(500.0));
    }

    @Test
    void findsByUriCodeAndName() {
        assertThat(Crs.find("http://www.opengis.net/def/crs/EPSG/0/4490")).contains(Crs.CGCS2000);
        assertThat(Crs.find("EPSG:3857")).contains(Crs.WEB_MERCATOR);
        assertThat(Crs.find("CRS84")).contains(Crs.CRS84);
        assertThat(Crs.find("EPSG:9999")).isEmpty();
        assertThat(Crs.find("4326; DROP TABLE feature")).isEmpty();
        assertThat(Crs.gaussKrugerFor(106.4).epsg()).isEqualTo(4544);
        assertThat(Crs.gaussKrugerFor(108.2).epsg()).isEqualTo(4545);
    }
}
