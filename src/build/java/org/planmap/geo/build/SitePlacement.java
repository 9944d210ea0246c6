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

/**
 * Places the catalogue items from {@code geodata/sketch/project-sites.csv}. Each catalogue item
 * must have exactly one row there, with the same name as parsed from the plan. A mapped row gives
 * {@code place}:
 * <ul>
 *   <li>{@code anchor:KEY} – a Point at an anchor;</li>
 *   <li>{@code path:KEY|KEY|…} – a LineString through anchors, in order;</li>
 *   <li>{@code line:KEY} – a sketch line from {@code lines.json} (clipped to the district);</li>
 *   <li>{@code feature:ID} – the geometry of an already built feature;</li>
 *   <li>{@code interior:ID} – the interior point of an already built feature.</li>
 * </ul>
 */
final class SitePlacement {

    static final Set<String> REASONS = Set.of("district-wide programme", "location not stated", "outside the district", "not a place");
    static final Set<String> ACCURACY = Set.of("surveyed", "approximate", "schematic");

    /** One row of the output catalogue. */
    record CatalogueRow(ColumnItem item, String status, String reason) {
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
        for (ColumnItem item : items) {
            Map<String, String> r = rows.remove(item.id());
            if (r == null) {
                throw new IllegalStateException("no placement row for " + item.id() + " " + item.name());
            }
            if (!item.name().equals(r.get("name"))) {
                throw new IllegalStateException("name mismatch for " + item.id() + ": plan '" + item.name() + "' vs sketch '" + r.get("name") + "'");
            }
            String status = r.get("status");
            if (status.equals("unmapped")) {
                if (!REASONS.contains(r.get("reason"))) {
                    throw new IllegalStateException("bad reason for " + item.id() + ": " + r.get("reason"));
                }
                catalogue.add(new CatalogueRow(item, status, r.get("reason")));
                continue;
            }
            if (!status.equals("mapped") || !ACCURACY.contains(r.get("accuracy"))) {
                throw new IllegalStateException("bad status/accuracy for " + item.id());
            }
            String place = r.get("place");
            String source = "sketch";
            Geometry g;
            if (place.startsWith("anchor:")) {
                Anchors.Anchor a = anchors.get(place.substring(7));
                g = a.point();
                source = a.source();
            } else if (place.startsWith("path:")) {
                String[] keys = place.substring(5).split("\\|");
                Coordinate[] cs = new Coordinate[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    cs[i] = anchors.get(keys[i]).point().getCoordinate();
                }
                g = Metric.GF.createLineString(cs);
                source = anchors.get(keys[0]).source();
            } else if (place.startsWith("line:")) {
                g = AreaBuilder.simplifyType(Metric.intersection(sketch.line(place.substring(5)).geometry(), district));
            } else if (place.startsWith("feature:")) {
                g = built.get(place.substring(8)).geometry.copy();
            } else if (place.startsWith("interior:")) {
                g = Metric.snap(built.get(place.substring(9)).geometry.getInteriorPoint());
            } else {
                throw new IllegalStateException("bad place for " + item.id() + ": " + place);
            }
            List<String> refs = new ArrayList<>(List.of("col-" + item.column(), item.id()));
            for (String s : r.get("sections").split(" ")) {
                if (!s.isBlank()) {
                    refs.add(s);
                }
            }
            Feature f = new Feature("site-" + item.id(), g, item.name(), r.get("nameEn"), List.of(), r.get("accuracy"),
                    r.get("note"), refs, source);
            f.put("catalogueId", item.id()).put("column", item.column()).put("columnGroup", item.group()).put("place", place);
            sites.add(f);
            catalogue.add(new CatalogueRow(item, "mapped", ""));
        }
        if (!rows.isEmpty()) {
            throw new IllegalStateException("placement rows without a catalogue item: " + rows.keySet());
        }
    }
}
