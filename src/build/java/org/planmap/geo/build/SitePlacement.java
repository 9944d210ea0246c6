package org.planmap.geo.build;

import org.planmap.plan.ColumnItem;
import org.planmap.system.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Places the catalogue items from {@code geodata/sketch/project-sites.csv}. Each catalogue item
 * must have exactly one row there, with the same name as parsed from the plan, an English name and
 * a {@code decision} (why it is mapped the way it is, or why not). A mapped row gives {@code place}:
 * <ul>
 *   <li>{@code anchor:KEY} – a Point at an anchor;</li>
 *   <li>{@code anchors:KEY|KEY|…} – a MultiPoint at several anchors (an item that names several places);</li>
 *   <li>{@code path:KEY|KEY|…} – a LineString through anchors, in order;</li>
 *   <li>{@code line:KEY} – a sketch line from {@code lines.json} (clipped to the district);</li>
 *   <li>{@code feature:ID} – the geometry of an already built feature;</li>
 *   <li>{@code nearest:ID|KEY} – the point of an already built feature nearest to an anchor (a pier on
 *       the river next to the place it is named after).</li>
 * </ul>
 * Point sites that share one position are told so: {@code sharedAnchor} ({@code anchorId}, {@code count}
 * of sites on it) and a sentence in both accuracy notes, so that nobody reads a shared anchor as the
 * project's own site.
 */
final class SitePlacement {

    static final Set<String> REASONS = Set.of("district-wide programme", "location not stated", "outside the district", "not a place");
    static final Set<String> ACCURACY = Set.of("surveyed", "approximate", "schematic");

    /** One row of the output catalogue. */
    record CatalogueRow(ColumnItem item, String nameEn, String status, String reason, String decision) {
    }

    final List<Feature> sites = new ArrayList<>();
    final List<CatalogueRow> catalogue = new ArrayList<>();

    SitePlacement(Path csv, List<ColumnItem> items, Anchors anchors, Sketch sketch, Geometry district,
            Map<String, Feature> built) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.records(java.nio.file.Files.readString(csv))) {
            if (rows.put(r.get("catalogueId"), r) != null) {
                throw new IllegalStateException("duplicate row " + r.get("catalogueId"));
            }
        }
        Map<String, List<Feature>> byPosition = new LinkedHashMap<>();
        for (ColumnItem item : items) {
            Map<String, String> r = rows.remove(item.id());
            if (r == null) {
                throw new IllegalStateException("no placement row for " + item.id() + " " + item.name());
            }
            if (!item.name().equals(r.get("name"))) {
                throw new IllegalStateException("name mismatch for " + item.id() + ": plan '" + item.name() + "' vs sketch '" + r.get("name") + "'");
            }
            require(item, r, "nameEn");
            require(item, r, "decision");
            String status = r.get("status");
            if (status.equals("unmapped")) {
                if (!REASONS.contains(r.get("reason"))) {
                    throw new IllegalStateException("bad reason for " + item.id() + ": " + r.get("reason"));
                }
                catalogue.add(new CatalogueRow(item, r.get("nameEn"), status, r.get("reason"), r.get("decision")));
                continue;
            }
            if (!status.equals("mapped") || !ACCURACY.contains(r.get("accuracy")) || !r.get("reason").isEmpty()) {
                throw new IllegalStateException("bad status/accuracy/reason for " + item.id());
            }
            require(item, r, "accuracyNote");
            require(item, r, "accuracyNoteEn");
            String place = r.get("place");
            Placed placed = place(place, item, anchors, sketch, district, built);
            List<String> refs = new ArrayList<>(List.of("col-" + item.column(), item.id()));
            for (String s : r.get("sections").split(" ")) {
                if (!s.isBlank()) {
                    refs.add(s);
                }
            }
            Feature f = new Feature("site-" + item.id(), placed.geometry(), item.name(), r.get("nameEn"), List.of(), r.get("accuracy"),
                    r.get("accuracyNote"), r.get("accuracyNoteEn"), refs, placed.source());
            f.put("catalogueId", item.id()).put("column", item.column()).put("columnGroup", item.group()).put("place", place);
            sites.add(f);
            if (placed.geometry() instanceof Point p) {
                byPosition.computeIfAbsent(p.getX() + " " + p.getY(), k -> new ArrayList<>()).add(f);
            }
            catalogue.add(new CatalogueRow(item, r.get("nameEn"), "mapped", "", r.get("decision")));
        }
        if (!rows.isEmpty()) {
            throw new IllegalStateException("placement rows without a catalogue item: " + rows.keySet());
        }
        byPosition.values().forEach(SitePlacement::markShared);
    }

    private record Placed(Geometry geometry, String source) {
    }

    private static Placed place(String place, ColumnItem item, Anchors anchors, Sketch sketch, Geometry district,
            Map<String, Feature> built) {
        int colon = place.indexOf(':');
        String kind = colon < 0 ? place : place.substring(0, colon);
        String arg = place.substring(colon + 1);
        switch (kind) {
            case "anchor" -> {
                Anchors.Anchor a = anchors.get(arg);
                return new Placed(a.point(), a.source());
            }
            case "anchors" -> {
                String[] keys = arg.split("\\|");
                Point[] ps = new Point[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    ps[i] = anchors.get(keys[i]).point();
                }
                return new Placed(Metric.GF.createMultiPoint(ps), anchors.get(keys[0]).source());
            }
            case "path" -> {
                String[] keys = arg.split("\\|");
                Coordinate[] cs = new Coordinate[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    cs[i] = anchors.get(keys[i]).point().getCoordinate();
                }
                return new Placed(Metric.GF.createLineString(cs), anchors.get(keys[0]).source());
            }
            case "line" -> {
                return new Placed(AreaBuilder.simplifyType(Metric.intersection(sketch.line(arg).geometry(), district)), "sketch");
            }
            case "feature" -> {
                Feature f = builtFeature(built, arg, item);
                return new Placed(f.geometry.copy(), (String) f.props.get("source"));
            }
            case "nearest" -> {
                String[] parts = arg.split("\\|");
                Feature f = builtFeature(built, parts[0], item);
                Point near = anchors.get(parts[1]).point();
                Coordinate c = DistanceOp.nearestPoints(f.geometry, near)[0];
                return new Placed(Metric.snap(Metric.GF.createPoint(c)), (String) f.props.get("source"));
            }
            default -> throw new IllegalStateException("bad place for " + item.id() + ": " + place);
        }
    }

    private static Feature builtFeature(Map<String, Feature> built, String id, ColumnItem item) {
        Feature f = built.get(id);
        if (f == null) {
            throw new IllegalStateException("unknown feature " + id + " in the place of " + item.id());
        }
        return f;
    }

    private static void require(ColumnItem item, Map<String, String> r, String column) {
        String v = r.get(column);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("no " + column + " for " + item.id());
        }
    }

    /** The text ended as a sentence ({@code end} added unless it already ends with a full stop). */
    private static String sentence(Object text, String end) {
        String t = String.valueOf(text).strip();
        return t.endsWith("。") || t.endsWith(".") ? t + (end.equals("。") ? "" : " ") : t + end;
    }

    /** Tells each of several point sites on one position that it shares it, and with how many. */
    private static void markShared(List<Feature> onOnePosition) {
        int n = onOnePosition.size();
        if (n < 2) {
            return;
        }
        for (Feature f : onOnePosition) {
            String place = (String) f.props.get("place");
            String anchorId = place.substring(place.indexOf(':') + 1);
            Map<String, Object> shared = new LinkedHashMap<>();
            shared.put("anchorId", anchorId);
            shared.put("count", n);
            f.put("sharedAnchor", shared);
            f.put("accuracyNote", sentence(f.props.get("accuracyNote"), "。") + "此点与另外" + (n - 1) + "个项目共用同一定位点（" + anchorId
                    + "），只表示项目所在的地方，并非项目本身的位置。");
            f.put("accuracyNoteEn", sentence(f.props.get("accuracyNoteEn"), ". ") + "This point is shared with " + (n - 1) + " other project site"
                    + (n > 2 ? "s" : "") + " (anchor " + anchorId + "): it marks the place the project belongs to, not the project's own site.");
        }
    }
}
