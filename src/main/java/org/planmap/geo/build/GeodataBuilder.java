package org.planmap.geo.build;

import org.planmap.plan.ColumnItem;
import org.planmap.system.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;

/**
 * Rebuilds every {@code geodata/*.geojson} file and {@code geodata/project-catalogue.csv} from
 * {@code geodata/sources/}, {@code geodata/sketch/} and the plan text. Deterministic: the same
 * inputs give byte-identical outputs.
 *
 * <p>Usage: {@code java -cp … org.planmap.geo.build.GeodataBuilder [projectDir]} (default: the
 * working directory). Prints counts, zone areas and a validity summary; exits non-zero when a
 * geometry is invalid or outside the district.
 */
public final class GeodataBuilder {

    static final String OSM = "© OpenStreetMap contributors (ODbL 1.0)";
    static final String DATAV = "District boundary: DataV.GeoAtlas/AMap (no open licence stated; converted from GCJ-02 here; replace before a public release)";

    private GeodataBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path geodata = project.resolve("geodata");
        SourceData src = new SourceData(geodata.resolve("sources"));
        Sketch sketch = new Sketch(geodata.resolve("sketch"));
        Anchors anchors = new Anchors(geodata.resolve("sketch/anchors.csv"), src);
        List<ColumnItem> items = org.planmap.plan.PlanParser.parse(geodata.resolve("plan/shapingba-14th-five-year-plan-outline.txt"))
                .columns().stream().flatMap(c -> c.allItems().stream()).toList();
        System.out.printf("district: %.2f km², Hausdorff distance to the published WGS84 file %.2e°%n",
                Metric.areaKm2(src.district), src.districtCheckMaxDiffDeg);

        Map<String, Feature> built = new LinkedHashMap<>();
        Feature district = new Feature("district-shapingba", src.district, "沙坪坝区", "Shapingba District",
                List.of("Shapingba", "500106"), "surveyed",
                "DataV.GeoAtlas (AMap) boundary, 678 vertices, converted here from GCJ-02 to WGS84 with Gcj02 (~1 m); an AMap generalisation with unknown absolute accuracy (~50–100 m at Chengdu checks); licence not stated",
                List.of(), "datav");
        district.put("adcode", 500106).put("areaKm2", Math.round(Metric.areaKm2(src.district) * 100) / 100.0)
                .put("licence", "none stated (DataV/AMap); must be replaced before a public release");
        built.put(district.id, district);

        List<Feature> zones = ZonePartition.build(src.district, sketch);
        zones.forEach(z -> built.put(z.id, z));
        AreaBuilder areas = new AreaBuilder(src.district, sketch, anchors, built);
        List<Feature> showcase = areas.build("showcase-areas");
        List<Feature> demos = areas.build("demonstration-zones");
        List<Feature> science = areas.build("science-city");

        ContextLayers ctx = new ContextLayers(src.district, src);
        List<Feature> water = ctx.water();
        List<Feature> stations = ctx.stations();
        List<Feature> landmarks = ctx.landmarks();
        List<Feature> rivers = List.of(ctx.jialing(), ctx.liangtan(sketch));

        SitePlacement sites = new SitePlacement(geodata.resolve("sketch/project-sites.csv"), items, anchors, sketch,
                src.district, built);

        Map<String, List<Feature>> collections = new LinkedHashMap<>();
        collections.put("district", List.of(district));
        collections.put("zones", zones);
        collections.put("showcase-areas", showcase);
        collections.put("demonstration-zones", demos);
        collections.put("science-city", science);
        collections.put("project-sites", sites.sites);
        collections.put("context-water", water);
        collections.put("context-rivers", rivers);
        collections.put("context-stations", stations);
        collections.put("context-landmarks", landmarks);

        ZoneTagger tagger = new ZoneTagger(zones);
        collections.forEach((id, fs) -> {
            if (!id.equals("district") && !id.equals("zones")) {
                tagger.tag(fs);
            }
        });
        zones.forEach(z -> z.props.put("zone", z.id));

        boolean ok = check(collections, src.district);
        for (Map.Entry<String, List<Feature>> e : collections.entrySet()) {
            String attribution = switch (e.getKey()) {
                case "context-water", "context-stations", "context-landmarks" -> OSM;
                case "district" -> DATAV;
                default -> "planmap schematic sketch after the Shapingba 14th FYP outline; anchors from OSM (ODbL), Wikipedia and AMap-derived points (see geodata/README.md); " + DATAV;
            };
            FeatureWriter.write(geodata.resolve(e.getKey() + ".geojson"), e.getKey(), attribution, e.getValue());
            System.out.printf("%-22s %4d features%n", e.getKey(), e.getValue().size());
        }
        writeCatalogue(geodata.resolve("project-catalogue.csv"), sites.catalogue);
        summary(zones, sites.catalogue);
        if (!ok) {
            System.exit(1);
        }
    }

    private static boolean check(Map<String, List<Feature>> collections, Geometry district) {
        Geometry tolerance = Metric.toUtm(district).buffer(50);
        boolean ok = true;
        for (Map.Entry<String, List<Feature>> e : collections.entrySet()) {
            for (Feature f : e.getValue()) {
                if (f.geometry.isEmpty() || !f.geometry.isValid()) {
                    System.out.println("INVALID " + e.getKey() + " " + f.id);
                    ok = false;
                }
                if (!tolerance.covers(Metric.toUtm(f.geometry))) {
                    System.out.println("OUTSIDE " + e.getKey() + " " + f.id);
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static void writeCatalogue(Path file, List<SitePlacement.CatalogueRow> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("catalogueId,column,columnGroup,name,status,reason");
        for (SitePlacement.CatalogueRow r : rows) {
            lines.add(Csv.line(List.of(r.item().id(), String.valueOf(r.item().column()), r.item().group(), r.item().name(),
                    r.status(), r.reason())));
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static void summary(List<Feature> zones, List<SitePlacement.CatalogueRow> rows) {
        double total = 0;
        for (Feature z : zones) {
            System.out.printf("%-26s %8.2f km²%n", z.id, z.props.get("areaKm2"));
            total += (Double) z.props.get("areaKm2");
        }
        System.out.printf("zones total %.2f km²%n", total);
        Map<Integer, int[]> byColumn = new TreeMap<>();
        Map<String, Integer> byReason = new TreeMap<>();
        for (SitePlacement.CatalogueRow r : rows) {
            int[] c = byColumn.computeIfAbsent(r.item().column(), k -> new int[2]);
            c[r.status().equals("mapped") ? 0 : 1]++;
            if (!r.reason().isEmpty()) {
                byReason.merge(r.reason(), 1, Integer::sum);
            }
        }
        int mapped = 0;
        for (Map.Entry<Integer, int[]> e : byColumn.entrySet()) {
            System.out.printf("col-%-3d mapped %3d unmapped %3d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
            mapped += e.getValue()[0];
        }
        System.out.printf("catalogue: %d items, %d mapped, %d unmapped %s%n", rows.size(), mapped, rows.size() - mapped, byReason);
    }
}
