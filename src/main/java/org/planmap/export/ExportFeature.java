package org.planmap.export;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A feature to export: id, flat text/number attributes (in column order), geometry already in the target CRS. */
public record ExportFeature(String id, Map<String, Object> attributes, Geometry geometry) { }
