package org.planmap.overlay;

import org.planmap.geo.Crs;

/**
 * The coordinate system a planner's coordinates are in: one of the {@link Crs} registry or GCJ-02 (the
 * offset system of Chinese web maps, which has no EPSG code).
 */
record SourceCrs(Crs crs, boolean gcj02) {
    static final SourceCrs GCJ02 = new SourceCrs(Crs.CRS84, true);

    static SourceCrs of(Crs crs) {
        return new SourceCrs(crs, false);
    }

    boolean geographic() {
        return gcj02 || crs.geographic();
    }

    String label() {
        return gcj02 ? "GCJ-02" : crs.epsg() == 0 || crs.epsg() == 4326 ? "EPSG:4326" : crs.proj4Name();
    }

    String title() {
        return gcj02 ? "GCJ-02 (Chinese web-map offset coordinates)" : crs.titleEn() + " (" + label() + ")";
    }

    /**
     * Parses the {@code crs} request field: empty or {@code auto} = from the file; {@code GCJ-02}; an EPSG code,
     * {@code EPSG:n} or OGC URI of a supported CRS. Anything else is a 400 naming the parameter.
     */
    static SourceCrs parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("auto")) return null;
        String t = text.trim();
        String compact = t.toUpperCase().replace("-", "").replace("_", "").replace(" ", "");
        if (compact.equals("GCJ02") || compact.equals("GCJ")) return GCJ02;
        if (compact.equals("WGS84")) return of(Crs.CRS84);
        if (compact.equals("CGCS2000")) return of(Crs.CGCS2000);
        return Crs.find(t).map(SourceCrs::of).orElseThrow(() -> org.planmap.system.ApiException.badParameter("crs", t,
                "not a supported coordinate system; use auto, EPSG:4326 (WGS84), EPSG:4490 (CGCS2000), EPSG:4523–4525 or "
                        + "EPSG:4544–4546 (CGCS2000 Gauss–Krüger), EPSG:32648 (UTM 48N), EPSG:3857 or GCJ-02"));
    }
}
