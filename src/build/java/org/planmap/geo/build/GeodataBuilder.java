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
 * Rebuilds every {@code geodata/*.geojson} file, {@code geodata/project-catalogue.csv} and
 * {@code docs/geodata-areas.md} from {@code geodata/sources/}, {@code geodata/sketch/} and the plan text. Deterministic: the same
 * inputs give byte-identical outputs.
 *
 * <p>An offline tool, not part of the runtime jar: it lives in the {@code src/build/java} test source
 * folder and runs with {@code mvn -o -q test-compile exec:java@build-geodata} (see geodata/README.md).
 * {@code GeodataBuilderTests} runs it into a temporary directory and checks that it reproduces the
 * committed files.
 */
public final class GeodataBuilder {

    static final String OSM = "© OpenStreetMap contributors (ODbL 1.0)";
    static final String DATAV = "District boundary: DataV.GeoAtlas/AMap (no open licence stated; converted from GCJ-02 here; replace before a public release)";

    private GeodataBuilder() {
    }

    /**
     * {@code [projectDir [outDir]]}: reads {@code projectDir/geodata} (default: the working directory) and
     * writes the outputs under {@code outDir} (default: projectDir, i.e. in place). Fails (exception, so
     * {@code exec:java} reports a build failure) when a geometry is invalid or outside the district.
     */
    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path out = args.length > 1 ? Path.of(args[1]).toAbsolutePath().normalize() : project;
        Result result = build(project, out);
        result.log().forEach(System.out::println);
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException("geodata build failed: " + result.problems());
        }
    }

    /**
     * What one build wrote and found.
     *
     * @param written  the output files, relative to the output directory, in writing order
     * @param problems invalid or out-of-district geometries (empty when the build is good)
     * @param log      the counts and areas printed by {@link #main}
     */
    public record Result(List<Path> written, List<String> problems, List<String> log) {
    }

    /**
     * Builds every output from {@code project/geodata} (sources, sketch, plan text) into {@code outRoot}
     * ({@code outRoot/geodata/…}). Writes even when there are problems, so they can be inspected.
     */
    public static Result build(Path project, Path outRoot) throws IOException {
        Path geodata = project.resolve("geodata");
        Path outGeodata = outRoot.resolve("geodata");
        Files.createDirectories(outGeodata);
        List<Path> written = new ArrayList<>();
        List<String> log = new ArrayList<>();
        SourceData src = new SourceData(geodata.resolve("sources"));
        Sketch sketch = new Sketch(geodata.resolve("sketch"));
        Anchors anchors = new Anchors(geodata.resolve("sketch/anchors.csv"), src);
        List<ColumnItem> items = org.planmap.plan.PlanParser.parse(geodata.resolve("plan/shapingba-14th-five-year-plan-outline.txt"))
                .columns().stream().flatMap(c -> c.allItems().stream()).toList();
        log.add(String.format("district: %.2f km², Hausdorff distance to the published WGS84 file %.2e°",
                Metric.areaKm2(src.district), src.districtCheckMaxDiffDeg));

        Map<String, Feature> built = new LinkedHashMap<>();
        Feature district = new Feature("district-shapingba", src.district, "沙坪坝区", "Shapingba District",
                List.of("Shapingba", "500106"), "surveyed",
                "DataV.GeoAtlas（高德）区界，678个节点，本项目用 Gcj02 从 GCJ-02 转换为 WGS84（误差约1米）；为高德概化数据，绝对精度未知（成都核对约50–100米）；未声明许可",
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
        rivers.forEach(r -> built.put(r.id, r));

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
        CitedFigures.apply(sketch.citedFigures, collections);

        List<String> problems = check(collections, src.district);
        for (Map.Entry<String, List<Feature>> e : collections.entrySet()) {
            String attribution = switch (e.getKey()) {
                case "context-water", "context-stations", "context-landmarks" -> OSM;
                case "district" -> DATAV;
                default -> "planmap schematic sketch after the Shapingba 14th FYP outline; anchors from OSM (ODbL), Wikipedia and AMap-derived points (see geodata/README.md); " + DATAV;
            };
            Path file = outGeodata.resolve(e.getKey() + ".geojson");
            FeatureWriter.write(file, e.getKey(), attribution, e.getValue());
            written.add(outRoot.relativize(file));
            log.add(String.format("%-22s %4d features", e.getKey(), e.getValue().size()));
        }
        Path catalogue = outGeodata.resolve("project-catalogue.csv");
        writeCatalogue(catalogue, sites.catalogue);
        written.add(outRoot.relativize(catalogue));
        Path page = outRoot.resolve("docs/geodata-areas.md");
        FiguresPage.write(page, collections, sites.catalogue);
        written.add(outRoot.relativize(page));
        summary(zones, sites.catalogue, log);
        problems.forEach(p -> log.add("PROBLEM " + p));
        return new Result(List.copyOf(written), List.copyOf(problems), List.copyOf(log));
    }

    private static List<String> check(Map<String, List<Feature>> collections, Geometry district) {
        Geometry tolerance = Metric.toUtm(district).buffer(50);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Feature>> e : collections.entrySet()) {
            for (Feature f : e.getValue()) {
                if (f.geometry.isEmpty() || !f.geometry.isValid()) {
                    problems.add("invalid " + e.getKey() + " " + f.id);
                }
                if (!tolerance.covers(Metric.toUtm(f.geometry))) {
                    problems.add("outside the district " + e.getKey() + " " + f.id);
                }
            }
        }
        return problems;
    }

    private static void writeCatalogue(Path file, List<SitePlacement.CatalogueRow> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("catalogueId,column,columnGroup,name,nameEn,nameEnSource,status,reason,decision");
        for (SitePlacement.CatalogueRow r : rows) {
            lines.add(Csv.line(List.of(r.item().id(), String.valueOf(r.item().column()), r.item().group(), r.item().name(),
                    r.nameEn(), ContextLayers.OUR_TRANSLATION, r.status(), r.reason(), r.decision())));
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static void summary(List<Feature> zones, List<SitePlacement.CatalogueRow> rows, List<String> log) {
        double total = 0;
        for (Feature z : zones) {
            log.add(String.format("%-26s %8.2f km²", z.id, z.props.get("areaKm2")));
            total += (Double) z.props.get("areaKm2");
        }
        log.add(String.format("zones total %.2f km²", total));
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
            log.add(String.format("col-%-3d mapped %3d unmapped %3d", e.getKey(), e.getValue()[0], e.getValue()[1]));
            mapped += e.getValue()[0];
        }
        log.add(String.format("catalogue: %d items, %d mapped, %d unmapped %s", rows.size(), mapped, rows.size() - mapped, byReason));
    }
}
