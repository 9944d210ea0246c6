package org.planmap.overlay;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A planner's feature ready for analysis: valid, WGS84 lon/lat (SRID 4326). */
public record OverlayFeature(String name, Map<String, Object> properties, Geometry geometry) { }
