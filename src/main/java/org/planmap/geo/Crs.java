package org.planmap.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coordinate reference systems planmap reads and writes. Stored data is always WGS84 lon/lat.
 *
 * <p>{@code northFirst} is the axis order of the CRS as its authority defines it (OGC API – Features
 * Part 2 requires it): EPSG:4326 and EPSG:4490 are latitude, longitude; the CGCS2000 Gauss–Krüger CRSs
 * (EPSG:4523–4525, 4544–4546) northing, easting; CRS84 longitude, latitude; EPSG:3857 and UTM easting, northing
 * (as PROJ's EPSG database lists them: {@code projinfo EPSG:4545}). Files such as Shapefile, GeoPackage and KML
 * always use the traditional x = easting/longitude order, whatever the CRS.
 *
 * @param uri          OGC URI ({@code http://www.opengis.net/def/crs/EPSG/0/4490})
 * @param epsg         EPSG code, 0 for CRS84
 * @param proj4Name    name proj4j resolves ({@code EPSG:4490})
 * @param geographic   degrees rather than metres
 * @param northFirst   the authority's first axis is latitude or northing
 */
public record Crs(String uri, int epsg, String proj4Name, String titleEn, boolean geographic, boolean northFirst) {
    public static final Crs CRS84 = new Crs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 0, "EPSG:4326",
            "WGS 84 longitude/latitude (CRS84)", true, false);
    public static final Crs WGS84 = epsg(4326, "WGS 84", true, true);
    public static final Crs CGCS2000 = epsg(4490, "China Geodetic Coordinate System 2000", true, true);
    public static final Crs WEB_MERCATOR = epsg(3857, "WGS 84 / Pseudo-Mercator", false, false);
    public static final Crs UTM_48N = epsg(32648, "WGS 84 / UTM zone 48N", false, false);

    /** CGCS2000 3-degree Gauss–Krüger zones covering Chongqing, by zone number and by central meridian. */
    public static final List<Crs> CGCS2000_GK = List.of(
            epsg(4523, "CGCS2000 / 3-degree Gauss-Kruger zone 35 (105°E)", false, true),
            epsg(4524, "CGCS2000 / 3-degree Gauss-Kruger zone 36 (108°E)", false, true),
            epsg(4525, "CGCS2000 / 3-degree Gauss-Kruger zone 37 (111°E)", false, true),
            epsg(4544, "CGCS2000 / 3-degree Gauss-Kruger CM 105E", false, true),
            epsg(4545, "CGCS2000 / 3-degree Gauss-Kruger CM 108E", false, true),
            epsg(4546, "CGCS2000 / 3-degree Gauss-Kruger CM 111E", false, true));

    private static final Map<String, Crs> BY_URI = new LinkedHashMap<>();
    static {
        for (Crs c : all()) BY_URI.put(c.uri(), c);
    }

    private static Crs epsg(int code, String title, boolean geographic, boolean northFirst) {
        return new Crs("http://www.opengis.net/def/crs/EPSG/0/" + code, code, "EPSG:" + code, title, geographic, northFirst);
    }

    public static List<Crs> all() {
        List<Crs> all = new java.util.ArrayList<>(List.of(CRS84, WGS84, CGCS2000, WEB_MERCATOR, UTM_48N));
        all.addAll(CGCS2000_GK);
        return all;
    }

    /** By OGC URI, by {@code EPSG:n}, or by bare EPSG number; CRS84 also as {@code CRS84}. */
    public static Optional<Crs> find(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (BY_URI.containsKey(t)) return Optional.of(BY_URI.get(t));
        if (t.equalsIgnoreCase("CRS84") || t.equalsIgnoreCase("OGC:CRS84")) return Optional.of(CRS84);
        String digits = t.toUpperCase().startsWith("EPSG:") ? t.substring(5) : t;
        if (!digits.matches("\\d{4,5}")) return Optional.empty();
        int code = Integer.parseInt(digits);
        return all().stream().filter(c -> c.epsg() == code).findFirst();
    }

    /** The GK zone (by central meridian code 4544–4546) whose meridian is nearest to {@code lon}. */
    public static Crs gaussKrugerFor(double lon) {
        int index = (int) Math.max(0, Math.min(2, Math.round((lon - 105) / 3)));
        return CGCS2000_GK.get(3 + index);
    }
}
