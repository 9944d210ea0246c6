package org.planmap.overlay;

import java.util.List;

/**
 * The analysis of a planner's geometry against the plan. Areas and lengths are computed in CGCS2000 /
 * 3-degree Gauss–Krüger CM 105°E (EPSG:4544), the local projection for Shapingba (scale error under 0.03 %);
 * distances in the same projection.
 */
public record OverlayReport(String format, String crs, String crsSource, String metricCrs, double distanceMetres,
                            List<String> notes, List<String> caveats, List<FeatureReport> features) {

    /** One planner feature: its size, the plan areas it touches, the project sites nearby, what the plan says. */
    public record FeatureReport(int index, String name, String geometryType, Double areaM2, Double areaHa, Double lengthM,
                                List<Touch> touches, List<Nearby> nearbySites, List<PlanRef> plan,
                                List<Indicator> indicators, List<Target> targets) { }

    /**
     * A plan feature the planner's geometry touches. For polygons: the area of the overlap and its share of the
     * project and of the zone; for lines: the length inside (of the planner's line, or of the plan's line when the
     * planner drew a polygon).
     */
    public record Touch(String id, String collection, String name, String accuracy, Double areaM2, Double areaHa,
                        Double shareOfProject, Double shareOfZone, Double lengthM) { }

    public record Nearby(String id, String name, String accuracy, Integer column, String catalogueId, double distanceM) { }

    /** A Table 1/2 indicator tied to a touched or nearby plan feature ({@code geodata/indicators/indicator-zones.csv}). */
    public record Indicator(String featureId, String featureName, String id, String table, String name, String unit,
                            String target, String result, String outcome, String reason) { }

    /** A quantified target of a plan section that a touched or nearby feature refers to; {@code featureIds}: which of them. */
    public record Target(String id, String sectionId, String label, String sentence, double value, Double valueMax, String unit,
                         String comparator, Integer year, List<String> featureIds) { }

    public record PlanRef(String featureId, String featureName, String nodeId, String title, String paragraphId,
                          String kind, String sentence) { }
}
