package org.planmap.overlay;

import java.util.List;

/**
 * The analysis of a planner's geometry against the plan. Areas and lengths are computed in CGCS2000 /
 * 3-degree Gauss–Krüger CM 105°E (EPSG:4544), the local projection for Shapingba (scale error under 0.03 %);
 * distances in the same projection.
 */
public record OverlayReport(String format, String crs, String crsSource, String metricCrs, double distanceMetres,
                            List<String> notes, List<String> caveats, List<Indicative> indicative, Summary summary,
                            List<FeatureReport> features) {

    /**
     * One planner feature: its size, the plan areas it touches, the project sites nearby, what the plan says (each
     * paragraph once, most relevant first, see {@link ReportSummary}).
     *
     * @param kind  {@code point}, {@code line} or {@code polygon} (a UI names an unnamed feature by it: "Drawn polygon")
     * @param named whether {@code name} came from the feature's own attributes; false when the reader made it up
     *              ("Feature 1", "WKT 1")
     */
    public record FeatureReport(int index, String name, boolean named, String kind, String geometryType, Double areaM2,
                                Double areaHa, Double lengthM, List<Touch> touches, List<Nearby> nearbySites, List<PlanRef> plan,
                                List<Indicator> indicators, List<Target> targets) { }

    /**
     * What to read first: the plan areas the whole overlay lies in with their shares (zones of ch. 16 apart from the
     * other areas), the few most relevant plan passages (each paragraph once, ranked), the few targets of the places
     * it lies in, and how many sites are inside or nearby. The ranking is {@link ReportSummary}'s.
     *
     * @param measure   {@code area}, {@code length} or {@code count}: what the shares are shares of
     * @param passages  at most {@link ReportSummary#PASSAGES}, best first
     * @param targets   at most {@link ReportSummary#TARGETS}, only of areas the overlay touches or sites inside it
     */
    public record Summary(String measure, Double areaM2, Double areaHa, Double lengthM, List<Share> zones, List<Share> areas,
                          List<Passage> passages, List<Target> targets, int sitesInside, int sitesNearby,
                          int paragraphs, int targetsInDetails) { }

    /** A plan area and the part of the whole overlay in it ({@code shareOfProject}: of the overlay's area or length). */
    public record Share(String id, String collection, String name, String nameEn, String accuracy, Double areaM2, Double areaHa,
                        Double lengthM, Double shareOfProject, Double shareOfZone) { }

    /**
     * A plan paragraph, once, with the touched or nearby features it speaks of.
     *
     * @param relation  why it is here, from its most relevant feature: {@code area} (the overlay lies in it),
     *                  {@code inside} (a project site inside the overlay), {@code nearby} (a site within the radius)
     * @param distanceM that site's distance for {@code nearby}, else null
     */
    public record Passage(String nodeId, String title, String paragraphId, String sentence, String kind, String relation,
                          Double distanceM, List<String> featureIds, List<String> featureNames, List<String> featureNamesEn) { }

    /** The touched or nearby features of one accuracy level that is not a survey ({@code schematic}, {@code approximate}). */
    public record Indicative(String accuracy, List<String> ids, List<String> names, List<String> namesEn) { }

    /**
     * A plan feature the planner's geometry touches. For polygons: the area of the overlap and its share of the
     * project and of the zone; for lines: the length inside (of the planner's line, or of the plan's line when the
     * planner drew a polygon).
     */
    public record Touch(String id, String collection, String name, String nameEn, String accuracy, Double areaM2, Double areaHa,
                        Double shareOfProject, Double shareOfZone, Double lengthM) { }

    public record Nearby(String id, String name, String nameEn, String accuracy, Integer column, String catalogueId, double distanceM) { }

    /** A Table 1/2 indicator tied to a touched or nearby plan feature ({@code geodata/indicators/indicator-zones.csv}). */
    public record Indicator(String featureId, String featureName, String id, String table, String name, String unit,
                            String target, String result, String outcome, String reason) { }

    /** A quantified target of a plan section that a touched or nearby feature refers to; {@code featureIds}: which of them. */
    public record Target(String id, String sectionId, String label, String sentence, double value, Double valueMax, String unit,
                         String comparator, Integer year, List<String> featureIds) { }

    public record PlanRef(String featureId, String featureName, String featureNameEn, String nodeId, String title,
                          String paragraphId, String kind, String sentence) { }
}
