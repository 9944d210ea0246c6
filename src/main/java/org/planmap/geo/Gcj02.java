package org.planmap.geo;

/**
 * Conversion between WGS84 (EPSG:4326) and GCJ-02, the obfuscated datum that Chinese map
 * providers (AMap/Gaode, DataV, Tencent) publish coordinates in.
 *
 * <p>The forward transform is the public GCJ-02 formula on the Krasovsky 1940 ellipsoid
 * (a = 6 378 245.0 m, e² = 0.00669342162296594323) with the usual {@code transformLat} /
 * {@code transformLon} polynomials. It is deterministic; published reimplementations
 * (coordtransform, eviltransform) agree with the official shift to about 1 m.
 *
 * <p>The inverse has no closed form. {@link #gcj02ToWgs84(double, double)} solves
 * {@code wgs84ToGcj02(w) = g} by fixed-point iteration, starting from {@code g − δ(g)} and
 * adding the residual {@code g − wgs84ToGcj02(w)} until both components of the residual are
 * below {@link #INVERSE_TOLERANCE_DEG} (1e-9°, well inside the required 1e-7°) or
 * {@link #MAX_ITERATIONS} steps have been taken. Near Shapingba it converges in 3–4 steps.
 *
 * <p><b>Outside China</b> the shift is not applied: both directions return the input unchanged.
 * "Outside" is decided by the customary rectangle test of the public formula,
 * {@link #isOutsideChina(double, double)}: longitude outside [72.004, 137.8347] or latitude
 * outside [0.8293, 55.8271]. The rectangle is crude: it also covers neighbouring countries
 * (where real GCJ-02 data would not exist) and it is not a border test. For the inverse the test
 * is applied to the GCJ-02 input.
 *
 * <p>Arguments are degrees, longitude first as in GeoJSON. NaN in gives NaN out; no argument
 * range is enforced beyond the rectangle test.
 */
public final class Gcj02 {

    /** Semi-major axis of the Krasovsky 1940 ellipsoid, metres. */
    public static final double KRASOVSKY_A = 6378245.0;
    /** First eccentricity squared of the Krasovsky 1940 ellipsoid. */
    public static final double KRASOVSKY_EE = 0.00669342162296594323;
    /** Convergence threshold of the inverse, degrees (both components). */
    public static final double INVERSE_TOLERANCE_DEG = 1e-9;
    /** Upper bound on inverse iterations. */
    public static final int MAX_ITERATIONS = 30;

    /** A longitude/latitude pair in degrees. */
    public record LonLat(double lon, double lat) {
    }

    private Gcj02() {
    }

    /**
     * True when the point lies outside the rectangle lon 72.004–137.8347, lat 0.8293–55.8271,
     * i.e. where this class leaves coordinates unchanged.
     */
    public static boolean isOutsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 → GCJ-02 (forward formula). Points outside China are returned unchanged. */
    public static LonLat wgs84ToGcj02(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double[] d = delta(lon, lat);
        return new LonLat(lon + d[0], lat + d[1]);
    }

    /**
     * GCJ-02 → WGS84 by iteration of the forward formula (residual &lt; 1e-9°).
     * Points outside China are returned unchanged.
     */
    public static LonLat gcj02ToWgs84(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double[] d = delta(lon, lat);
        double wLon = lon - d[0];
        double wLat = lat - d[1];
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            LonLat g = wgs84ToGcj02(wLon, wLat);
            double rLon = lon - g.lon();
            double rLat = lat - g.lat();
            wLon += rLon;
            wLat += rLat;
            if (Math.abs(rLon) < INVERSE_TOLERANCE_DEG && Math.abs(rLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
        }
        return new LonLat(wLon, wLat);
    }

    /** The GCJ-02 shift {dLon, dLat} in degrees at a WGS84 point. */
    private static double[] delta(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
