package org.planmap.overlay;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One feature as read from an upload: a display name, its attributes, geometry in the file's own CRS (x = east). */
public record UploadedFeature(String name, Map<String, Object> properties, Geometry geometry) { }
