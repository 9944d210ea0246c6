package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planmap.geo.Gcj02.LonLat;

class Gcj02Tests {

    /** Haversine distance in metres (R = 6 371 008.8 m). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double r = 6371008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    // pairs from shared/geodata-sources/zone-facts/points.csv (Vonng/adcode seats) and the
    // DataV centroid in gazetteer/README.md; sources round to 6 decimals (~0.1 m)
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "歌乐山街道, 29.568009, 106.418504, 29.570538, 106.414483, 1.0",
        "山洞街道,   29.512705, 106.423116, 29.515257, 106.419100, 1.0",
        "中梁镇,     29.640407, 106.413118, 29.642912, 106.409092, 1.0",
        "青木关镇,   29.67486,  106.31162,  29.677485, 106.307771, 1.0",
        "DataV centroid, 29.624503, 106.368212, 29.627040, 106.364234, 10.0"
    })
    void gcj02ToWgs84MatchesPublishedPairs(String name, double gLat, double gLon, double wLat, double wLon, double tolM) {
        LonLat w = Gcj02.gcj02ToWgs84(gLon, gLat);
        assertThat(metres(w.lon(), w.lat(), wLon, wLat)).as(name).isLessThan(tolM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "歌乐山街道, 29.568009, 106.418504, 29.570538, 106.414483",
        "DataV centroid, 29.624503, 106.368212, 29.627040, 106.364234"
    })
    void wgs84ToGcj02MatchesPublishedPairs(String name, double gLat, double gLon, double wLat, double wLon) {
        LonLat g = Gcj02.wgs84ToGcj02(wLon, wLat);
        assertThat(metres(g.lon(), g.lat(), gLon, gLat)).as(name).isLessThan(10.0);
    }

    @Test
    void roundTripIsBelowHalfAMetreAcrossTheDistrict() {
        for (double lon = 106.24; lon <= 106.50; lon += 0.02) {
            for (double lat = 29.49; lat <= 29.76; lat += 0.02) {
                LonLat g = Gcj02.wgs84ToGcj02(lon, lat);
                LonLat back = Gcj02.gcj02ToWgs84(g.lon(), g.lat());
                assertThat(metres(lon, lat, back.lon(), back.lat())).isLessThan(0.5);
                assertThat(Math.abs(back.lon() - lon)).isLessThan(1e-7);
                assertThat(Math.abs(back.lat() - lat)).isLessThan(1e-7);
            }
        }
    }

    @Test
    void offsetInShapingbaIsAbout470To481Metres() {
        for (double lon = 106.25; lon <= 106.49; lon += 0.04) {
            for (double lat = 29.50; lat <= 29.75; lat += 0.05) {
                LonLat g = Gcj02.wgs84ToGcj02(lon, lat);
                double d = metres(lon, lat, g.lon(), g.lat());
                assertThat(d).isBetween(465.0, 485.0);
                // GCJ-02 lies east and south of the true position here
                assertThat(g.lon()).isGreaterThan(lon);
                assertThat(g.lat()).isLessThan(lat);
            }
        }
    }

    @Test
    void pointsOutsideChinaAreUnchanged() {
        LonLat paris = Gcj02.wgs84ToGcj02(2.3522, 48.8566);
        assertThat(paris).isEqualTo(new LonLat(2.3522, 48.8566));
        assertThat(Gcj02.gcj02ToWgs84(2.3522, 48.8566)).isEqualTo(new LonLat(2.3522, 48.8566));
        assertThat(Gcj02.isOutsideChina(151.2093, -33.8688)).isTrue();
        assertThat(Gcj02.isOutsideChina(106.45, 29.55)).isFalse();
    }
}
