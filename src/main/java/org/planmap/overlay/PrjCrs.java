package org.planmap.overlay;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.geo.Crs;

/**
 * Recognises the coordinate systems planmap supports in the WKT of a Shapefile {@code .prj} (ESRI or OGC
 * flavour). Matching is by meaning, not by exact text: the datum (WGS 84 or CGCS2000), and for projected
 * systems the Transverse Mercator / Gauss–Krüger parameters (central meridian, false easting, scale).
 * An {@code AUTHORITY["EPSG","n"]} of the outermost system wins when it is one planmap knows.
 */
final class PrjCrs {
    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");

    private PrjCrs() { }

    /** The CRS the WKT describes, or empty if planmap does not support it. */
    static Optional<Crs> match(String wkt) {
        String text = wkt.trim();
        Matcher authority = AUTHORITY.matcher(text);
        if (authority.find()) {
            Optional<Crs> known = Crs.find(authority.group(1));
            if (known.isPresent()) return known;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        boolean cgcs = upper.contains("CGCS2000") || upper.contains("CHINA_2000") || upper.contains("CHINA GEODETIC")
                || upper.contains("CHINA_GEODETIC");
        boolean wgs = upper.contains("WGS_1984") || upper.contains("WGS 84") || upper.contains("WGS84");
        if (upper.startsWith("GEOGCS") || upper.startsWith("GEOGCRS")) {
            if (cgcs) return Optional.of(Crs.CGCS2000);
            if (wgs) return Optional.of(Crs.CRS84);
            return Optional.empty();
        }
        if (!upper.startsWith("PROJCS") && !upper.startsWith("PROJCRS")) return Optional.empty();
        if (upper.contains("MERCATOR_AUXILIARY_SPHERE") || upper.contains("PSEUDO-MERCATOR") || upper.contains("PSEUDO_MERCATOR")) {
            return Optional.of(Crs.WEB_MERCATOR);
        }
        if (!(upper.contains("TRANSVERSE_MERCATOR") || upper.contains("GAUSS_KRUGER") || upper.contains("GAUSS-KRUGER"))) {
            return Optional.empty();
        }
        Double cm = parameter(upper, "CENTRAL_MERIDIAN");
        Double fe = parameter(upper, "FALSE_EASTING");
        Double k = parameter(upper, "SCALE_FACTOR");
        if (cm == null || fe == null) return Optional.empty();
        if (wgs && !cgcs) {
            boolean utm48 = cm == 105 && fe == 500000 && k != null && Math.abs(k - 0.9996) < 1e-9;
            return utm48 ? Optional.of(Crs.UTM_48N) : Optional.empty();
        }
        if (!cgcs || (k != null && k != 1.0)) return Optional.empty();
        int index = cm == 105 ? 0 : cm == 108 ? 1 : cm == 111 ? 2 : -1;
        if (index < 0) return Optional.empty();
        if (fe == 500000) return Optional.of(Crs.CGCS2000_GK.get(3 + index));
        if (fe == (35 + index) * 1_000_000 + 500000) return Optional.of(Crs.CGCS2000_GK.get(index));
        return Optional.empty();
    }

    /** The CRS name the WKT gives itself (first quoted string), for messages. */
    static String name(String wkt) {
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(wkt);
        return m.find() ? m.group(1) : wkt.length() > 60 ? wkt.substring(0, 60) + "…" : wkt;
    }

    private static Double parameter(String upper, String name) {
        Matcher m = Pattern.compile("PARAMETER\\[\"" + name + "\",\\s*(-?[0-9.Ee+-]+)\\s*\\]").matcher(upper);
        if (!m.find()) return null;
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
