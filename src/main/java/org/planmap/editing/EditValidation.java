package org.planmap.editing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.plan.PlanDocument;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * What a saved feature must be, checked before anything is written (a refusal leaves the stored data as it was):
 * <ul>
 * <li>a valid, non-empty geometry of a type its collection holds (a project site may be a point, a line or a
 *     polygon; a station stays a point), at most {@value #MAX_VERTICES} vertices;</li>
 * <li>inside the district or touching it: a point must lie in it or on its edge, a line or polygon must share at
 *     least a point with it (rivers and water run across the edge);</li>
 * <li>a Chinese name, an accuracy level the map knows, plan references that exist in the plan.</li>
 * </ul>
 */
final class EditValidation {
    static final Set<String> ACCURACY = Set.of("surveyed", "approximate", "schematic");
    static final int MAX_VERTICES = 20_000;

    private EditValidation() { }

    static void check(DataSnapshot data, StoredFeature f) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) throw refuse("geometry", "the geometry is empty", "几何图形为空");
        if (g.getNumPoints() > MAX_VERTICES) {
            throw refuse("geometry", "the geometry has more than " + MAX_VERTICES + " vertices", "几何图形的顶点超过 " + MAX_VERTICES + " 个");
        }
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            throw refuse("geometry", "the geometry is not valid: " + valid.getValidationError().getMessage()
                    + " at " + valid.getValidationError().getCoordinate(), "几何图形无效（自相交或环未闭合等）");
        }
        Set<String> types = types(data, f.collection());
        if (!types.isEmpty() && !types.contains(g.getGeometryType())) {
            throw refuse("geometry", "a " + g.getGeometryType() + " does not belong in '" + f.collection() + "', which holds "
                    + String.join(", ", types), "该图层不接受 " + g.getGeometryType() + "，只接受 " + String.join("、", types));
        }
        if (!"district".equals(f.collection())) {
            List<StoredFeature> district = data.features("district");
            boolean touches = district.stream().anyMatch(d -> d.geometry().intersects(g));
            if (!district.isEmpty() && !touches) {
                throw refuse("geometry", "the geometry lies outside the district", "几何图形在区界之外");
            }
        }
        if (f.name() == null || f.name().isBlank()) throw refuse("name", "the Chinese name is empty", "中文名称不能为空");
        if (!ACCURACY.contains(f.accuracy())) {
            throw refuse("accuracy", "accuracy must be one of " + new TreeSet<>(ACCURACY) + ", was " + f.accuracy(),
                    "精度须为 surveyed、approximate 或 schematic");
        }
        if (f.properties().get("planRefs") instanceof List<?> refs) {
            PlanDocument plan = data.plan();
            for (Object ref : refs) {
                String id = String.valueOf(ref);
                if (plan.node(id).isEmpty() && plan.item(id).isEmpty()) {
                    throw refuse("planRefs", "planRefs names '" + id + "', which is not in the plan", "规划中没有“" + id + "”");
                }
            }
        }
    }

    /** The geometry types the collection holds now; a project site may be any of point, line and polygon. */
    static Set<String> types(DataSnapshot data, String collection) {
        Set<String> types = new TreeSet<>();
        data.features(collection).forEach(s -> types.add(s.geometry().getGeometryType()));
        if ("project-sites".equals(collection)) types.addAll(List.of("Point", "LineString", "Polygon"));
        return types;
    }

    static ApiException refuse(String parameter, String detail, String detailZh) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, parameter, null).withChinese(detailZh);
    }
}
