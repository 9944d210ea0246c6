package org.planmap.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.CollectionDef;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.system.ApiException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Parses the query parameters of the OGC resources once, into typed values, and refuses anything else with
 * an {@link ApiException} naming the parameter and its value (STYLE.md rule 2). Unknown parameters are a 400,
 * as OGC API – Features Part 1 recommends (/rec/core/query-param-unknown), so a misspelt filter never
 * silently returns everything.
 */
@Component
class ItemsQueryParser {
    static final Set<String> ITEMS_PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime");
    static final Set<String> FEATURE_PARAMETERS = Set.of("f", "crs");
    static final int MAX_VALUE_LENGTH = 200;
    static final List<String> ACCURACY = List.of("surveyed", "approximate", "schematic");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern UNSIGNED = Pattern.compile("\\d{1,19}");
    private static final double MERCATOR_MAX = 20037508.342789244;

    private final OgcApiProperties properties;

    ItemsQueryParser(OgcApiProperties properties) {
        this.properties = properties;
    }

    ItemsQuery parseItems(CollectionDef def, Map<String, String[]> raw, String accept) {
        Map<String, String> p = single(raw, allowed(def), def.queryables());
        OgcFormat format = OgcFormat.negotiate(p.get("f"), accept, OgcMediaTypes.FEATURES);
        int limit = limit(p.get("limit"));
        long offset = offset(p.get("offset"));
        Crs bboxCrs = crs("bbox-crs", p.get("bbox-crs"));
        String bboxText = p.get("bbox");
        List<Envelope> bbox = bboxText == null ? List.of() : bbox(bboxText, bboxCrs);
        Crs crs = crs("crs", p.get("crs"));
        String datetime = p.get("datetime");
        if (datetime != null) datetime(datetime);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String q : def.queryables()) {
            String v = p.get(q);
            if (v == null) continue;
            filterValue(q, v);
            filters.put(q, v);
        }
        return new ItemsQuery(def, format, limit, offset, bbox, bboxText, bboxCrs, crs, filters, datetime);
    }

    /**
     * Values with a known domain are checked against it: {@code accuracy} is one of three words, {@code column}
     * a number, {@code zone} and {@code kind} ids. {@code columnGroup} is free text (it is bound, never SQL).
     */
    private static void filterValue(String name, String v) {
        switch (name) {
            case "accuracy" -> {
                if (!ACCURACY.contains(v)) throw ApiException.badParameter(name, v, "must be one of " + ACCURACY);
            }
            case "column" -> {
                if (!v.matches("\\d{1,9}")) throw ApiException.badParameter(name, v, "must be a column number (a positive integer)");
            }
            case "zone", "kind" -> {
                if (!v.matches("[a-z0-9][a-z0-9-]{0,79}")) {
                    throw ApiException.badParameter(name, v, "must be an id (lowercase letters, digits and '-')");
                }
            }
            default -> { }
        }
    }

    /** Parameters of a single feature: {@code f} and {@code crs}. */
    FeatureRequest parseFeature(Map<String, String[]> raw, String accept) {
        Map<String, String> p = single(raw, FEATURE_PARAMETERS, List.of());
        return new FeatureRequest(OgcFormat.negotiate(p.get("f"), accept, OgcMediaTypes.FEATURES), crs("crs", p.get("crs")));
    }

    record FeatureRequest(OgcFormat format, Crs crs) { }

    /** For metadata resources: only {@code f} is read; other parameters are ignored. */
    static OgcFormat format(Map<String, String[]> raw, String accept, List<MediaType> jsonTypes) {
        String[] f = raw.get("f");
        if (f != null && f.length > 1) throw ApiException.badParameter("f", String.join(",", f), "is given more than once");
        return OgcFormat.negotiate(f == null ? null : f[0], accept, jsonTypes);
    }

    private static Set<String> allowed(CollectionDef def) {
        Set<String> allowed = new TreeSet<>(ITEMS_PARAMETERS);
        allowed.addAll(def.queryables());
        return allowed;
    }

    /** One value per parameter; unknown names, repeats, empty and over-long values are refused. */
    private static Map<String, String> single(Map<String, String[]> raw, Set<String> allowed, List<String> filters) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : raw.entrySet()) {
            String name = e.getKey();
            String[] values = e.getValue();
            if (!allowed.contains(name)) {
                throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "Unknown query parameter '" + clip(name) + "'; this resource accepts " + new TreeSet<>(allowed),
                        clip(name), values.length == 0 ? null : values[0]);
            }
            if (values.length != 1) {
                throw ApiException.badParameter(name, String.join(",", values), "is given more than once");
            }
            String v = values[0];
            if (v.isEmpty()) throw ApiException.badParameter(name, v, "is empty");
            if (v.length() > MAX_VALUE_LENGTH) {
                throw ApiException.badParameter(name, v, "is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            if (v.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badParameter(name, v, "contains control characters");
            }
            out.put(name, v);
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private int limit(String v) {
        if (v == null) return properties.defaultLimit();
        if (!UNSIGNED.matcher(v).matches() || v.length() > 10 || Long.parseLong(v) > Integer.MAX_VALUE || Long.parseLong(v) < 1) {
            throw ApiException.badParameter("limit", v, "must be an integer from 1 to " + Integer.MAX_VALUE
                    + " (values above " + properties.maxLimit() + " are served as " + properties.maxLimit() + ")");
        }
        return (int) Math.min(Long.parseLong(v), properties.maxLimit());
    }

    private static long offset(String v) {
        if (v == null) return 0;
        if (!UNSIGNED.matcher(v).matches() || v.length() > 10 || Long.parseLong(v) > Integer.MAX_VALUE) {
            throw ApiException.badParameter("offset", v, "must be an integer from 0 to " + Integer.MAX_VALUE);
        }
        return Long.parseLong(v);
    }

    static Crs crs(String parameter, String v) {
        if (v == null) return Crs.CRS84;
        String t = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v; // safe CURIE [EPSG:4326]
        return Crs.find(t).filter(OgcCrs.SUPPORTED::contains).orElseThrow(() -> ApiException.badParameter(parameter, v,
                "unsupported CRS; supported: " + OgcCrs.SUPPORTED.stream().map(Crs::uri).toList()));
    }

    /**
     * A bbox in {@code crs} axis order → the boxes in CRS84 it covers. Four numbers are the lower and upper corner;
     * six are a 3D box (lower corner with its bottom, upper corner with its top), whose vertical range is checked
     * and then ignored: every feature here is 2D, so it lies in any height range. A geographic box whose lower
     * longitude is east of its upper one crosses the antimeridian (OGC API – Features Part 1 §7.15.3) and becomes
     * two boxes, one each side of it.
     */
    static List<Envelope> bbox(String v, Crs crs) {
        String[] parts = v.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badParameter("bbox", v, "must be 4 comma-separated numbers (lower-left and upper-right corner)"
                    + " or 6 (a 3D box: lower corner and bottom, upper corner and top)");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < n.length; i++) {
            String s = parts[i].trim();
            if (!NUMBER.matcher(s).matches()) throw ApiException.badParameter("bbox", v, "'" + clip(s) + "' is not a number");
            n[i] = Double.parseDouble(s);
            if (!Double.isFinite(n[i])) throw ApiException.badParameter("bbox", v, "'" + clip(s) + "' is not a finite number");
        }
        int upper = n.length / 2; // index of the upper corner's first number
        if (n.length == 6 && n[2] > n[5]) throw ApiException.badParameter("bbox", v, "the bottom (3rd number) is above the top (6th)");
        // corners as (x, y) = (easting/longitude, northing/latitude), whatever the CRS's axis order
        int xi = crs.northFirst() ? 1 : 0;
        int yi = crs.northFirst() ? 0 : 1;
        double minX = n[xi];
        double minY = n[yi];
        double maxX = n[upper + xi];
        double maxY = n[upper + yi];
        String xName = crs.geographic() ? "longitude" : "easting";
        String yName = crs.geographic() ? "latitude" : "northing";
        if (minY > maxY) throw ApiException.badParameter("bbox", v, "lower-left " + yName + " is greater than upper-right " + yName);
        if (crs.geographic()) {
            if (Math.min(minX, maxX) < -180 || Math.max(minX, maxX) > 180) {
                throw ApiException.badParameter("bbox", v, "longitude must be within -180..180");
            }
            if (minY < -90 || maxY > 90) throw ApiException.badParameter("bbox", v, "latitude must be within -90..90");
            if (minX > maxX) return List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
            return List.of(new Envelope(minX, maxX, minY, maxY));
        }
        if (minX > maxX) throw ApiException.badParameter("bbox", v, "lower-left " + xName + " is greater than upper-right " + xName);
        if (crs == Crs.WEB_MERCATOR && (Math.max(Math.abs(minX), Math.abs(maxX)) > MERCATOR_MAX
                || Math.max(Math.abs(minY), Math.abs(maxY)) > MERCATOR_MAX)) {
            throw ApiException.badParameter("bbox", v, "coordinates must be within ±" + MERCATOR_MAX + " m in EPSG:3857");
        }
        return List.of(toCrs84(new Envelope(minX, maxX, minY, maxY), crs, v));
    }

    /** The CRS84 envelope of a projected box, from its boundary densified to 16 points a side. */
    private static Envelope toCrs84(Envelope e, Crs crs, String v) {
        int n = 16;
        Coordinate[] ring = new Coordinate[4 * n + 1];
        for (int i = 0; i < n; i++) {
            double t = (double) i / n;
            ring[i] = new Coordinate(e.getMinX() + t * e.getWidth(), e.getMinY());
            ring[n + i] = new Coordinate(e.getMaxX(), e.getMinY() + t * e.getHeight());
            ring[2 * n + i] = new Coordinate(e.getMaxX() - t * e.getWidth(), e.getMaxY());
            ring[3 * n + i] = new Coordinate(e.getMinX(), e.getMaxY() - t * e.getHeight());
        }
        ring[4 * n] = ring[0];
        Geometry line = GeoJsonFeatures.WGS84.createLineString(ring);
        Envelope out = CrsTransform.transform(line, crs, Crs.CRS84).getEnvelopeInternal();
        if (!Double.isFinite(out.getMinX()) || !Double.isFinite(out.getMaxY())) {
            throw ApiException.badParameter("bbox", v, "lies outside the area where " + crs.uri() + " is defined");
        }
        return out;
    }

    /** RFC 3339 instant, or an interval {@code start/end} with {@code ..} or empty for an open end. */
    private static void datetime(String v) {
        String[] parts = v.split("/", -1);
        if (parts.length > 2) throw ApiException.badParameter("datetime", v, "must be an instant or one interval start/end");
        int open = 0;
        for (String part : parts) {
            if (parts.length == 2 && (part.isEmpty() || part.equals(".."))) {
                open++;
                continue;
            }
            try {
                if (part.length() == 10) LocalDate.parse(part);
                else OffsetDateTime.parse(part);
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter("datetime", v, "'" + clip(part) + "' is not an RFC 3339 date or date-time");
            }
        }
        if (open == 2) throw ApiException.badParameter("datetime", v, "an interval needs at least one closed end");
    }
}
