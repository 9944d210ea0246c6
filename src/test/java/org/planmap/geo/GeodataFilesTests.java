package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the committed {@code geodata/*.geojson} files and {@code project-catalogue.csv} against
 * the contract in docs/architecture.md. Areas and distances are computed in UTM 48N (EPSG:32648).
 */
class GeodataFilesTests {

    static final List<String> COLLECTIONS = List.of("district", "zones", "showcase-areas", "demonstration-zones",
            "science-city", "project-sites", "context-water", "context-rivers", "context-stations", "context-landmarks");
    static final Set<String> ACCURACY = Set.of("surveyed", "approximate", "schematic");
    static final Set<String> REASONS = Set.of("district-wide programme", "location not stated", "outside the district", "not a place");
    static final Set<String> ZONES = Set.of("zone-east", "zone-barrier-zhongliang", "zone-barrier-jinyun", "zone-west");

    record F(String collection, String id, JsonNode props, Geometry geom) {
    }

    static Path geodata;
    static Map<String, List<F>> files = new HashMap<>();
    static Geometry districtUtm;
    static CoordinateTransform toUtm;

    @BeforeAll
    static void load() throws IOException {
        String dir = System.getenv("PLANMAP_PROJECT_DIR");
        geodata = Path.of(dir != null ? dir : System.getProperty("user.dir")).resolve("geodata");
        CRSFactory crs = new CRSFactory();
        toUtm = new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:32648"));
        ObjectMapper json = new ObjectMapper();
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        for (String c : COLLECTIONS) {
            JsonNode root = json.readTree(Files.readString(geodata.resolve(c + ".geojson")));
            assertThat(root.get("type").asString()).isEqualTo("FeatureCollection");
            List<F> fs = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                assertThat(f.get("id").isString()).as(c + " id is a string").isTrue();
                try {
                    fs.add(new F(c, f.get("id").asString(), f.get("properties"), reader.read(json.writeValueAsString(f.get("geometry")))));
                } catch (org.locationtech.jts.io.ParseException e) {
                    throw new IOException(e);
                }
            }
            files.put(c, fs);
        }
        districtUtm = utm(files.get("district").get(0).geom());
    }

    static Geometry utm(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            public void filter(CoordinateSequence seq, int i) {
                ProjCoordinate out = new ProjCoordinate();
                toUtm.transform(new ProjCoordinate(seq.getX(i), seq.getY(i)), out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            public boolean isDone() {
                return false;
            }

            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }

    static List<F> all() {
        List<F> out = new ArrayList<>();
        COLLECTIONS.forEach(c -> out.addAll(files.get(c)));
        return out;
    }

    @Test
    void everyGeometryIsValidAndInsideTheDistrictWithin50m() {
        Geometry tolerance = districtUtm.buffer(50);
        for (F f : all()) {
            assertThat(f.geom().isEmpty()).as(f.id()).isFalse();
            assertThat(f.geom().isValid()).as(f.id() + " valid").isTrue();
            assertThat(tolerance.covers(utm(f.geom()))).as(f.id() + " inside district").isTrue();
        }
    }

    @Test
    void coordinatesHaveAtMostSixDecimals() {
        for (F f : all()) {
            for (var c : f.geom().getCoordinates()) {
                assertThat(Math.abs(c.x * 1e6 - Math.rint(c.x * 1e6))).as(f.id()).isLessThan(1e-3);
                assertThat(Math.abs(c.y * 1e6 - Math.rint(c.y * 1e6))).as(f.id()).isLessThan(1e-3);
            }
        }
    }

    @Test
    void zonesPartitionTheDistrict() {
        List<F> zones = files.get("zones");
        assertThat(zones).extracting(F::id).containsExactlyInAnyOrderElementsOf(ZONES);
        double district = districtUtm.getArea();
        Geometry union = null;
        for (F z : zones) {
            Geometry g = utm(z.geom());
            union = union == null ? g : union.union(g);
        }
        assertThat(Math.abs(union.getArea() - district) / district).isLessThan(0.001);
        assertThat(union.symDifference(districtUtm).getArea() / district).isLessThan(0.001);
        for (int i = 0; i < zones.size(); i++) {
            for (int j = i + 1; j < zones.size(); j++) {
                double overlap = utm(zones.get(i).geom()).intersection(utm(zones.get(j).geom())).getArea();
                assertThat(overlap / district).as(zones.get(i).id() + " ∩ " + zones.get(j).id()).isLessThan(0.0001);
            }
        }
    }

    @Test
    void everyFeatureHasTheRequiredProperties() {
        for (F f : all()) {
            JsonNode p = f.props();
            assertThat(p.path("name").isString() && !p.path("name").asString().isBlank()).as(f.id() + " name").isTrue();
            assertThat(p.path("nameEn").isString()).as(f.id() + " nameEn").isTrue();
            assertThat(p.path("aliases").isArray()).as(f.id() + " aliases").isTrue();
            assertThat(ACCURACY).as(f.id() + " accuracy").contains(p.path("accuracy").asString());
            assertThat(p.path("nameEnSource").asString()).as(f.id() + " nameEnSource").isNotBlank();
            assertThat(p.path("accuracyNote").asString()).as(f.id() + " accuracyNote (zh)").isNotBlank()
                    .containsPattern("\\p{IsHan}");
            assertThat(p.path("accuracyNoteEn").asString()).as(f.id() + " accuracyNoteEn").isNotBlank()
                    .doesNotContain("。");
            assertThat(p.path("planRefs").isArray()).as(f.id() + " planRefs").isTrue();
            assertThat(p.has("zone")).as(f.id() + " zone").isTrue();
            assertThat(p.path("source").asString()).as(f.id() + " source").isNotBlank();
            if (!f.collection().equals("district")) {
                assertThat(ZONES).as(f.id() + " zone value").contains(p.path("zone").asString());
            }
            if (!f.collection().equals("district") && !f.collection().equals("zones")) {
                assertThat(p.path("zoneShare").asDouble()).as(f.id() + " zoneShare").isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void aFeaturesZoneHoldsTheLargestPartOfItsAreaOrLength() {
        for (String c : List.of("showcase-areas", "demonstration-zones", "science-city", "context-rivers", "project-sites")) {
            for (F f : files.get(c)) {
                if (f.geom().getDimension() == 0) {
                    continue;
                }
                Map<String, Double> share = new HashMap<>();
                double total = measure(utm(f.geom()), f.geom().getDimension());
                for (F z : files.get("zones")) {
                    share.put(z.id(), measure(utm(f.geom()).intersection(utm(z.geom())), f.geom().getDimension()) / total);
                }
                String largest = share.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertThat(f.props().path("zone").asString()).as(f.id() + " zone").isEqualTo(largest);
                assertThat(f.props().path("zoneShare").asDouble()).as(f.id() + " zoneShare").isCloseTo(share.get(largest), within(0.002));
                long zonesHolding = share.values().stream().filter(v -> v >= 0.005).count();
                assertThat(f.props().path("zones").size()).as(f.id() + " zones list").isEqualTo(zonesHolding > 1 ? (int) zonesHolding : 0);
            }
        }
        // the case issue #13 named: the three station discs lie mostly in the east zone, 4.9 % in the 中梁山 belt
        JsonNode hsr = files.get("demonstration-zones").stream().filter(f -> f.id().equals("demo-hsr-station-city")).findFirst()
                .orElseThrow().props();
        assertThat(hsr.path("zone").asString()).isEqualTo("zone-east");
        assertThat(hsr.path("zones").toString()).contains("zone-barrier-zhongliang");
    }

    static double measure(Geometry utm, int dimension) {
        return dimension == 2 ? utm.getArea() : utm.getLength();
    }

    @Test
    void pointSitesOnOnePositionSayThatTheyShareIt() {
        Map<String, List<F>> byPosition = new HashMap<>();
        for (F f : files.get("project-sites")) {
            if (f.geom().getGeometryType().equals("Point")) {
                byPosition.computeIfAbsent(f.geom().getCoordinate().x + " " + f.geom().getCoordinate().y, k -> new ArrayList<>()).add(f);
            }
        }
        for (List<F> same : byPosition.values()) {
            for (F f : same) {
                JsonNode shared = f.props().path("sharedAnchor");
                if (same.size() == 1) {
                    assertThat(shared.isMissingNode()).as(f.id() + " alone on its point").isTrue();
                } else {
                    assertThat(shared.path("count").asInt()).as(f.id() + " sharedAnchor.count").isEqualTo(same.size());
                    assertThat(f.props().path("accuracyNoteEn").asString()).as(f.id()).contains("shared with " + (same.size() - 1) + " other");
                    assertThat(f.props().path("accuracyNote").asString()).as(f.id()).contains("另外" + (same.size() - 1) + "个项目共用");
                }
            }
        }
        // issue #13: 24 sites stood on the one unverified logistics-hub point; no anchor may carry that many again
        assertThat(byPosition.values()).allMatch(l -> l.size() <= 20);
    }

    @Test
    void namedStationsHaveEnglishStationNamesNotTheChineseNameWithAType() {
        for (F f : files.get("context-stations")) {
            String en = f.props().path("nameEn").asString();
            assertThat(en).as(f.id()).doesNotContainPattern("\\p{IsHan}").doesNotContain("(subway)").doesNotContain("(train)");
            if (!f.props().path("osmName").isNull() || !f.props().path("name").asString().startsWith("未命名")) {
                assertThat(en).as(f.id()).contains("Station");
            }
        }
    }

    @Test
    void drawnAreasStayNearTheFiguresTheyAreComparedWith() {
        Map<String, Double> drawn = new HashMap<>();
        for (F f : all()) {
            if (f.geom().getDimension() == 2) {
                drawn.put(f.id(), utm(f.geom()).getArea() / 1e6);
            }
        }
        // 青凤 was 31.6 km² against the plan's 15 km²; 物流城 15 % under the cited 35.28 km² (issue #13)
        assertThat(drawn.get("demo-qingfeng")).isBetween(13.0, 20.0);
        assertThat(drawn.get("demo-logistics-city") / 35.28 - 1).isGreaterThanOrEqualTo(-0.16);
        JsonNode link = files.get("demonstration-zones").stream().filter(f -> f.id().equals("demo-high-tech-zone-link"))
                .findFirst().orElseThrow().props();
        assertThat(link.path("accuracyNoteEn").asString()).contains("缙云山");
        assertThat(link.path("zones").toString()).contains("zone-barrier-jinyun");
    }

    @Test
    void idsAreUniqueAcrossFiles() {
        Set<String> seen = new HashSet<>();
        for (F f : all()) {
            assertThat(seen.add(f.id())).as("duplicate id " + f.id()).isTrue();
        }
    }

    @Test
    void schematicAreasHaveTheExpectedCountsAndShapes() {
        assertThat(files.get("showcase-areas")).hasSize(4);
        assertThat(files.get("demonstration-zones")).hasSize(6);
        F hsr = files.get("demonstration-zones").stream().filter(f -> f.id().equals("demo-hsr-station-city")).findFirst().orElseThrow();
        assertThat(hsr.geom().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(hsr.geom().getNumGeometries()).isEqualTo(3);
        F road = files.get("demonstration-zones").stream().filter(f -> f.id().equals("demo-kexue-dadao")).findFirst().orElseThrow();
        assertThat(road.geom().getGeometryType()).isEqualTo("LineString");
        List<F> sc = files.get("science-city");
        assertThat(sc.stream().filter(f -> f.props().path("kind").asString().equals("axis"))).hasSize(4)
                .allMatch(f -> f.geom().getGeometryType().equals("LineString"));
        assertThat(sc.stream().filter(f -> f.props().path("kind").asString().equals("space"))).hasSize(5)
                .allMatch(f -> f.geom().getDimension() == 2);
    }

    @Test
    void catalogueMatchesTheSitesOneToOne() throws IOException {
        List<String> lines = Files.readAllLines(geodata.resolve("project-catalogue.csv"));
        assertThat(lines.get(0)).isEqualTo("catalogueId,column,columnGroup,name,nameEn,nameEnSource,status,reason,decision");
        Set<String> ids = new HashSet<>();
        Set<String> mapped = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = parse(line);
            assertThat(ids.add(cells[0])).as("duplicate " + cells[0]).isTrue();
            assertThat(cells[0]).matches("col-" + cells[1] + "-item-\\d+");
            assertThat(cells[4]).as(cells[0] + " nameEn").isNotBlank();
            assertThat(cells[5]).as(cells[0] + " nameEnSource").isEqualTo("planmap translation");
            assertThat(cells[8]).as(cells[0] + " decision").startsWith(cells[6]);
            if (cells[6].equals("mapped")) {
                assertThat(cells[7]).isEmpty();
                mapped.add(cells[0]);
            } else {
                assertThat(cells[6]).isEqualTo("unmapped");
                assertThat(REASONS).contains(cells[7]);
            }
        }
        assertThat(ids.size()).isBetween(380, 400);
        assertThat(mapped.size()).isGreaterThanOrEqualTo(100);
        Map<String, Integer> featuresPerItem = new HashMap<>();
        for (F f : files.get("project-sites")) {
            String cid = f.props().path("catalogueId").asString();
            featuresPerItem.merge(cid, 1, Integer::sum);
            assertThat(f.props().path("column").isInt()).as(f.id()).isTrue();
            assertThat(f.props().path("columnGroup").asString()).as(f.id()).isNotBlank();
            assertThat(f.props().path("planRefs").toString()).as(f.id()).contains("\"" + cid + "\"");
        }
        assertThat(featuresPerItem.keySet()).isEqualTo(mapped);
        assertThat(featuresPerItem.values()).allMatch(n -> n == 1);
    }

    /** One CSV line with quoted fields. */
    static String[] parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
