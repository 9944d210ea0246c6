package org.planmap.overlay;

import java.util.List;

/**
 * An upload after coordinate conversion and repair.
 *
 * @param format    reader that produced it ({@code geojson}, {@code shapefile}, {@code draw}, …)
 * @param crs       the CRS the coordinates were read in ({@code EPSG:4544}, {@code GCJ-02}, …)
 * @param crsSource how that CRS was chosen ({@code .prj}, {@code crs field}, {@code assumed}, …)
 * @param notes     what the planner should know (repairs, encodings, assumptions, warnings)
 */
public record PreparedOverlay(String format, List<OverlayFeature> features, String crs, String crsSource, List<String> notes) { }
