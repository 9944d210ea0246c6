package org.planmap.geo.build;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

import tools.jackson.databind.JsonNode;

/**
 * Builds the four ch.16 zones so that they partition the district exactly (on the 1e-6° grid):
 * <ol>
 *   <li>中梁山 belt = (band between the sketched east and west edges) ∩ district;</li>
 *   <li>缙云山 belt = (sketched ring along the west rim) ∩ district − 中梁山 belt;</li>
 *   <li>east = district ∩ (half-plane east of the divide line) − both belts;</li>
 *   <li>west = district − east − both belts (everything left).</li>
 * </ol>
 * The divide is the sketched 中梁山 centre line, closed far to the east into a polygon.
 */
final class ZonePartition {

    static final String EAST = "zone-east";
    static final String WEST = "zone-west";
    static final String ZHONGLIANG = "zone-barrier-zhongliang";
    static final String JINYUN = "zone-barrier-jinyun";

    private ZonePartition() {
    }

    static List<Feature> build(Geometry district, Sketch sketch) {
        JsonNode zl = sketch.zones.get(ZHONGLIANG);
        JsonNode jy = sketch.zones.get(JINYUN);
        Geometry zhongliang = Metric.intersection(Sketch.band(zl.get("eastEdge"), zl.get("westEdge")), district);
        Geometry jinyun = Metric.difference(Metric.intersection(Sketch.ring(jy.get("ring")), district), zhongliang);
        Geometry belts = Metric.union(zhongliang, jinyun);
        Geometry eastHalf = eastOf(sketch.line("zhongliang-crest").geometry());
        Geometry east = Metric.difference(Metric.intersection(district, eastHalf), belts);
        Geometry west = Metric.difference(Metric.difference(district, east), belts);

        List<Feature> out = new ArrayList<>();
        out.add(zone(EAST, east, "东部人文母城", "Eastern Humanistic Mother City",
                List.of("东部老城", "井双片区", "沙磁片区", "三峡广场", "上新片区"), "p6-c16-s1",
                "示意：示意性中梁山带以东的区域（山脚锚点重庆西站、烈士陵园、双碑、井口均在本区内）；非官方边界",
                "schematic: the district east of the schematic 中梁山 belt (E-foot anchors 重庆西站, 烈士陵园, 双碑, 井口 stay in this zone); not an official boundary",
                "district ∩ east of the 中梁山 divide line − the two belts; " + zl.get("follows").asString()));
        out.add(zone(ZHONGLIANG, zhongliang, "两山生态屏障·中梁山", "Two-Mountain Ecological Barrier – Zhongliang Mountains",
                List.of("中梁山", "歌乐山", "歌乐—山洞片区", "中部歌乐山麓"), "p6-c16-s3",
                "示意：东麓锚点与槽谷锚点之间约4.6公里宽的带，包含中梁镇、歌乐山、山洞的驻地；没有山脊线或镇街边界数据",
                "schematic: a ~4.6 km band between the E-foot and the valley anchors, containing 中梁镇, 歌乐山 and 山洞 seats; no crest or township boundary data exist",
                zl.get("follows").asString()));
        out.add(zone(JINYUN, jinyun, "两山生态屏障·缙云山", "Two-Mountain Ecological Barrier – Jinyun Mountains",
                List.of("缙云山", "缙云山国家级自然保护区", "虎峰山", "宝峰山"), "p6-c16-s3",
                "示意：沿区界西缘的带，在青木关山口收窄至约400米；任何来源都未给出其宽度",
                "schematic: a band along the W district edge, narrowing to ~400 m at the 青木关 pass; its width is not given by any source",
                jy.get("follows").asString()));
        out.add(zone(WEST, west, "西部现代新城", "Western Modern New City",
                List.of("西部新城", "西部槽谷"), "p6-c16-s2",
                "示意：区内其余部分，即两条示意山带之间的槽谷（大学城、西永、土主、回龙坝、青凤、曾家）",
                "schematic: the rest of the district, the valley between the two schematic belts (大学城, 西永, 土主, 回龙坝, 青凤, 曾家 valley)",
                "district − east zone − the two belts"));
        return out;
    }

    private static Feature zone(String id, Geometry g, String name, String nameEn, List<String> aliases, String planRef,
            String noteZh, String noteEn, String method) {
        Feature f = new Feature(id, g, name, nameEn, aliases, "schematic", noteZh, noteEn, List.of(planRef), "sketch");
        f.put("method", method);
        f.put("areaKm2", Math.round(Metric.areaKm2(g) * 100) / 100.0);
        return f;
    }

    /** Polygon east of a S→N line: the line closed through points far to the east. */
    static Geometry eastOf(LineString divide) {
        List<Coordinate> cs = new ArrayList<>(List.of(divide.getCoordinates()));
        Coordinate last = cs.get(cs.size() - 1);
        Coordinate first = cs.get(0);
        cs.add(new Coordinate(107.0, last.y));
        cs.add(new Coordinate(107.0, first.y));
        cs.add(new Coordinate(first));
        return Metric.GF.createPolygon(cs.toArray(new Coordinate[0]));
    }
}
