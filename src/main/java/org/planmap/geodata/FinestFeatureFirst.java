package org.planmap.geodata;

import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.StoredFeature;

/**
 * Which of the features a name may stand for a mention means, best first:
 * <ol>
 *   <li>the finest: the smallest area, a point or line counting as none (so "重庆西站" is the station, not the
 *       three-disc demonstration zone that lists it; "重庆大学城" the University Town, not the high-tech zone
 *       that contains it). Areas within 2 % of each other are equal: the layers hold copies of one outline;</li>
 *   <li>a feature the paragraph's node declares in its {@code planRefs} (in ch.4 §1 "科学大道" is the Science
 *       City axis, in 专栏9 the demonstration belt);</li>
 *   <li>its own name before an alias, an alias before a variant, a variant before a containing area;</li>
 *   <li>the layer order ({@link MentionFinder#priority}), then the id, so the choice never depends on input order.</li>
 * </ol>
 */
final class FinestFeatureFirst {
    private static final double SAME_AREA = 0.02;

    private final List<String> collectionPriority;

    FinestFeatureFirst(List<String> collectionPriority) {
        this.collectionPriority = collectionPriority;
    }

    Comparator<PlaceLexicon.Candidate> forNode(String nodeId) {
        return (a, b) -> {
            int c = compareSize(area(a.feature().geometry()), area(b.feature().geometry()));
            if (c != 0) return c;
            c = Boolean.compare(!declares(a.feature(), nodeId), !declares(b.feature(), nodeId));
            if (c != 0) return c;
            c = a.kind().compareTo(b.kind());
            if (c != 0) return c;
            c = Integer.compare(rank(a.feature()), rank(b.feature()));
            return c != 0 ? c : a.feature().id().compareTo(b.feature().id());
        };
    }

    private static double area(Geometry g) {
        return g.getDimension() == 2 ? g.getArea() : 0;
    }

    private static int compareSize(double a, double b) {
        if (Math.abs(a - b) <= SAME_AREA * Math.max(a, b)) return 0;
        return Double.compare(a, b);
    }

    private static boolean declares(StoredFeature f, String nodeId) {
        return nodeId != null && f.properties().get("planRefs") instanceof List<?> refs && refs.contains(nodeId);
    }

    private int rank(StoredFeature f) {
        int i = collectionPriority.indexOf(f.collection());
        return i < 0 ? collectionPriority.size() : i;
    }
}
