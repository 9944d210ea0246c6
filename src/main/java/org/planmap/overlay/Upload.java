package org.planmap.overlay;

import java.util.List;
import org.planmap.geo.Crs;

/**
 * What a reader made of one upload, before any coordinate conversion.
 *
 * @param format     short format name ({@code geojson}, {@code shapefile}, …)
 * @param crs        the CRS the file declares ({@code .prj}, srs_id, GeoJSON {@code crs} member), or null if it declares none
 * @param crsSource  where {@code crs} came from, for the report
 * @param notes      remarks for the planner (encoding used, layers skipped, …)
 */
public record Upload(String format, List<UploadedFeature> features, Crs crs, String crsSource, List<String> notes) { }
