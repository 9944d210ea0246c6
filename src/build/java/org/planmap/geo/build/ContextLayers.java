package org.planmap.geo.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.planmap.geo.Gcj02;

/**
 * Context collections from OSM extracts and the district edge: water (re-clipped to the WGS84
 * district), stations inside the district, a landmark subset of the named buildings, and the
 * 嘉陵江 / 梁滩河 lines.
 */
final class ContextLayers {

    private static final String OSM_NOTE = "© OpenStreetMap contributors, ODbL 1.0";

    /** Named lakes in the OSM water extract, with English names. */
    private static final Map<String, String> WATER_EN = Map.ofEntries(
            Map.entry("莲花湖", "Lianhua Lake"), Map.entry("工农水库", "Gongnong Reservoir"),
            Map.entry("石马山水库", "Shimashan Reservoir"), Map.entry("矿场沟水库", "Kuangchanggou Reservoir"),
            Map.entry("苏家桥水库", "Sujiaqiao Reservoir"), Map.entry("朱家沟水库", "Zhujiagou Reservoir"),
            Map.entry("大桥水库", "Daqiao Reservoir"), Map.entry("缙湖", "Jin Lake"), Map.entry("爱情湖", "Aiqing Lake"),
            Map.entry("桃李湖", "Taoli Lake"), Map.entry("五一湖", "Wuyi Lake"), Map.entry("迎霞湖", "Yingxia Lake"));

    /** Where an English name comes from: our own translation unless a source gives one. */
    static final String OUR_TRANSLATION = "planmap translation";
    static final String PINYIN_LINES = "planmap rendering (pinyin); lines from the Amap metro data in the gazetteer";
    static final String PINYIN_NO_LINE = "planmap rendering (pinyin); the sources do not give the line";

    /** An English station name and where it comes from. */
    record EnglishName(String en, String source) {
    }

    /**
     * English names of the named OSM stations, keyed {@code osmName|type}: pinyin + "Station" as Chongqing
     * Rail Transit writes its station names, with the lines where the gazetteer's Amap metro data give them.
     */
    static final Map<String, EnglishName> STATION_EN = Map.ofEntries(
            Map.entry("小龙坎|subway", new EnglishName("Xiaolongkan Station (Lines 1, 9)", PINYIN_LINES)),
            Map.entry("磁器口|subway", new EnglishName("Ciqikou Station (Line 1)", PINYIN_LINES)),
            Map.entry("沙坪坝|subway", new EnglishName("Shapingba Station (Lines 1, 9, Loop Line)", PINYIN_LINES)),
            Map.entry("高庙村|subway", new EnglishName("Gaomiaocun Station (metro)", PINYIN_NO_LINE)),
            Map.entry("虎溪|subway", new EnglishName("Huxi Station (metro)", PINYIN_NO_LINE)),
            Map.entry("大学城南|subway", new EnglishName("Daxuechengnan Station (metro)", PINYIN_NO_LINE)),
            Map.entry("寨山坪|subway", new EnglishName("Zhaishanping Station (metro)", PINYIN_NO_LINE)),
            Map.entry("西永|subway", new EnglishName("Xiyong Station (metro)", PINYIN_NO_LINE)),
            Map.entry("井口|train", new EnglishName("Jingkou Station (railway)", "planmap rendering (pinyin)")),
            Map.entry("重庆科学城|train", new EnglishName("Chongqing Science City Station (railway, under construction)",
                    "zone-facts points.csv")));

    /** The landmark subset of OSM named buildings, with English names (ours; station lines from the gazetteer). */
    static final Map<String, String> LANDMARKS = Map.ofEntries(
            Map.entry("重庆西站", "Chongqing West Railway Station building"), Map.entry("重庆西", "Chongqing West Railway Station building"),
            Map.entry("沙坪坝", "Shapingba Railway Station building"), Map.entry("磁器口", "Ciqikou Station building (Line 1)"),
            Map.entry("石井坡", "Shijingpo Station building (Line 1)"), Map.entry("双碑", "Shuangbei Station building (Line 1)"),
            Map.entry("杨公桥", "Yanggongqiao Station building (Line 1)"), Map.entry("小龙坎", "Xiaolongkan Station building (Lines 1, 9)"),
            Map.entry("马家岩", "Majiayan Station building (Line 1)"), Map.entry("烈士墓", "Lieshimu Station building (Line 1)"),
            Map.entry("赖家桥", "Laijiaqiao Station building (Line 1)"), Map.entry("微电园", "Weidianyuan Station building (Line 1)"),
            Map.entry("陈家桥", "Chenjiaqiao Station building (Line 1)"), Map.entry("大学城", "Daxuecheng Station building (Line 1)"),
            Map.entry("尖顶坡", "Jiandingpo Station building (Line 1)"), Map.entry("宝轮寺", "Baolun Temple"),
            Map.entry("重庆歌乐山革命纪念馆", "Chongqing Geleshan Revolutionary Memorial Hall"),
            Map.entry("歌乐山基督教堂", "Geleshan Christian Church"), Map.entry("融创茂", "Sunac Mall"),
            Map.entry("重庆QG融创电竞中心", "Chongqing QG Sunac E-sports Centre"),
            Map.entry("龙湖·U城天街B馆", "Longfor U-City Paradise Walk, hall B"), Map.entry("罗中立美术馆", "Luo Zhongli Art Museum"),
            Map.entry("重庆市图书馆", "Chongqing Library"), Map.entry("张伯苓纪念馆", "Zhang Boling Memorial Hall"),
            Map.entry("重庆大学B区图书馆", "Chongqing University campus B library"),
            Map.entry("西永政府楼", "Xiyong government building"), Map.entry("沙坪坝区文化馆", "Shapingba District Cultural Centre"),
            Map.entry("回龙坝农贸市场", "Huilongba farmers' market"), Map.entry("华宇广场", "Huayu Plaza"),
            Map.entry("金沙大厦", "Jinsha Building"));

    private final Geometry district;
    private final SourceData src;

    ContextLayers(Geometry district, SourceData src) {
        this.district = district;
        this.src = src;
    }

    List<Feature> water() {
        List<Feature> out = new ArrayList<>();
        for (SourceData.SourceFeature f : src.water) {
            Geometry g = polygonal(Metric.intersection(f.geometry(), district));
            if (g.isEmpty()) {
                continue;
            }
            String osmId = f.props().path("osm_id").asString();
            String name = f.props().path("name").isNull() ? null : f.props().path("name").asString();
            String fclass = f.props().path("fclass").asString();
            Feature w = new Feature("water-osm-" + osmId, g, name != null ? name : "未命名水体（OSM）",
                    name != null ? WATER_EN.getOrDefault(name, name) : "Unnamed water body (OSM)", List.of(), "surveyed",
                    "OSM " + fclass + " 面（Geofabrik 格式，≤2022-08），按 WGS84 区界重新裁剪；来源曾按 GCJ-02 区界预裁剪，西、北边缘约470米宽的带内可能缺少水体",
                    "OSM " + fclass + " polygon (Geofabrik layout, ≤2022-08) re-clipped to the WGS84 district; the source was pre-clipped with the GCJ-02 outline, so bodies in a ~470 m strip at the W/N edges may be missing",
                    List.of(), "osm-water");
            w.put("osmId", osmId).put("fclass", fclass).put("osmName", name).put("attribution", OSM_NOTE);
            if (name == null && Arrays.asList("2308799", "42506095", "42506153").contains(osmId)) {
                w.put("nameNote", "unnamed riverbank; probably a 梁滩河 segment (zone-facts §5.1, unverified)");
            }
            out.add(w);
        }
        return out;
    }

    /** Named identifications of unnamed OSM stations (PROVENANCE §3, zone-facts points.csv). */
    private record StationId(double lon, double lat, String name, String nameEn, String note, boolean identified) {
    }

    private static final List<StationId> STATION_IDS = List.of(
            new StationId(106.43223, 29.50302, "重庆西站", "Chongqing West Railway Station", "unnamed in OSM; identified as 重庆西站 (railway) by proximity (94 m) to the OSM building 重庆西 (PROVENANCE §3)", true),
            new StationId(106.43546, 29.50268, "重庆西站（地铁）", "Chongqing West Railway Station (metro: Line 5, Loop Line)", "unnamed in OSM; identified as the metro station at 重庆西站 by proximity (13 m) to the OSM building 重庆西站 (PROVENANCE §3)", true),
            new StationId(106.45623, 29.55680, "沙坪坝站", "Shapingba Railway Station", "unnamed in OSM; identified as 沙坪坝站 (railway) by proximity (30 m) to the OSM building 沙坪坝 (PROVENANCE §3)", true),
            new StationId(106.37585, 29.64226, null, null, "unnamed in OSM; not identified (PROVENANCE §3); zone-facts infers it may be 团结村站, the railway container centre station (low, unverified)", false),
            new StationId(106.38311, 29.70257, null, null, "unnamed in OSM; not identified (PROVENANCE §3); zone-facts infers it may be 回龙坝站 on the 襄渝铁路 (low, unverified)", false),
            new StationId(106.43383, 29.62694, null, null, "unnamed in OSM; not identified (PROVENANCE §3)", false));

    List<Feature> stations() {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < src.stations.size(); i++) {
            SourceData.SourceFeature f = src.stations.get(i);
            if (!district.covers(f.geometry())) {
                continue;
            }
            Point p = (Point) f.geometry();
            String osmName = f.props().path("name").isNull() ? null : f.props().path("name").asString();
            String type = f.props().path("station").asString();
            String name = osmName;
            EnglishName en = osmName == null ? null : STATION_EN.get(osmName + "|" + type);
            if (osmName != null && en == null) {
                throw new IllegalStateException("no English name for the OSM station " + osmName + " (" + type + ")");
            }
            String nameEn = en == null ? null : en.en();
            String nameEnSource = en == null ? null : en.source();
            String nameNote = null;
            for (StationId s : STATION_IDS) {
                if (osmName == null && Math.abs(s.lon - p.getX()) < 1e-4 && Math.abs(s.lat - p.getY()) < 1e-4) {
                    nameNote = s.note;
                    if (s.identified) {
                        name = s.name;
                        nameEn = s.nameEn;
                        nameEnSource = s.nameEn.contains("metro")
                                ? "Wikipedia (station name); lines from the Amap metro data in the gazetteer" : "Wikipedia";
                    }
                }
            }
            if (name == null) {
                name = "未命名车站（OSM）";
                nameEn = type.equals("train") ? "Unnamed railway station (OSM)" : "Unnamed metro station (OSM)";
                nameEnSource = OUR_TRANSLATION;
                if (nameNote == null) {
                    nameNote = "unnamed in OSM; not identified";
                }
            }
            Feature st = new Feature("station-osm-" + i, f.geometry(), name, nameEn, List.of(), "surveyed",
                    "OSM 车站点（OMap-GeoDB 2025-01 导出）；位置为 OSM 所绘，通常距站台约50米以内",
                    "OSM station point (OMap-GeoDB export 2025-01); position as mapped in OSM, typically within ~50 m of the platforms",
                    List.of(), "osm-stations");
            st.put("nameEnSource", nameEnSource);
            st.put("station", type).put("osmName", osmName).put("attribution", OSM_NOTE);
            if (nameNote != null) {
                st.put("nameNote", nameNote);
            }
            out.add(st);
        }
        return out;
    }

    List<Feature> landmarks() {
        List<Feature> out = new ArrayList<>();
        for (SourceData.SourceFeature f : src.buildings) {
            String name = f.props().path("name").asString();
            if (!LANDMARKS.containsKey(name)) {
                continue;
            }
            Geometry g = polygonal(Metric.intersection(f.geometry(), district));
            if (g.isEmpty()) {
                continue;
            }
            if (g.getNumGeometries() == 1) {
                g = g.getGeometryN(0);
            }
            String osmId = f.props().path("osm_id").asString();
            Feature l = new Feature("landmark-osm-" + osmId, g, name, LANDMARKS.get(name), List.of(), "surveyed",
                    "OSM 建筑轮廓（≤2022-08），按原样；轮廓精度即 OSM 的精度",
                    "OSM building footprint (≤2022-08) as mapped; outline accuracy is that of OSM", List.of(), "osm-buildings");
            l.put("osmId", osmId).put("buildingType", f.props().path("type").isNull() ? null : f.props().path("type").asString())
                    .put("attribution", OSM_NOTE);
            out.add(l);
        }
        return out;
    }

    /**
     * 嘉陵江: the part of the district's exterior ring between the vertices nearest the gazetteer's
     * first and last 沿岸点 (converted from GCJ-02), i.e. where the boundary follows the river
     * (about 29.557–29.670 N in WGS84).
     */
    Feature jialing() {
        LineString ring = ((Polygon) district.getGeometryN(0)).getExteriorRing();
        Coordinate[] cs = ring.getCoordinates();
        Coordinate north = gazetteerPoint("嘉陵江（沿岸点1）");
        Coordinate mid = gazetteerPoint("嘉陵江（沿岸点4）");
        Coordinate south = gazetteerPoint("嘉陵江（沿岸点8）");
        int iN = nearest(cs, north);
        int iS = nearest(cs, south);
        int iM = nearest(cs, mid);
        int n = cs.length - 1;
        List<Coordinate> path = new ArrayList<>();
        // walk forward from iN to iS; if the walk misses the middle point, walk the other way
        boolean forward = passes(iN, iS, iM, n, 1);
        int step = forward ? 1 : -1;
        for (int i = iN;; i = Math.floorMod(i + step, n)) {
            path.add(cs[i]);
            if (i == iS) {
                break;
            }
        }
        if (path.get(0).y < path.get(path.size() - 1).y) {
            java.util.Collections.reverse(path);
        }
        LineString line = Metric.GF.createLineString(path.toArray(new Coordinate[0]));
        Feature f = new Feature("river-jialingjiang", line, "嘉陵江", "Jialing River", List.of("嘉陵江沿岸", "Jialing"), "approximate",
                String.format("北纬%.3f至%.3f之间的区界东段（DataV，由 GCJ-02 转换），假定沿江而行；此线为行政边界（常在江心），并非实测河岸",
                        path.get(path.size() - 1).y, path.get(0).y),
                String.format("the district's E boundary (DataV, converted from GCJ-02) between %.3f and %.3f N, assumed to follow the river; the line is the administrative edge (often mid-river), not a surveyed bank",
                        path.get(path.size() - 1).y, path.get(0).y),
                List.of("p6-c17-s1"), "datav");
        f.put("method", "exterior ring of the district between the vertices nearest the gazetteer's 嘉陵江 沿岸点1 and 沿岸点8 (converted from GCJ-02)");
        return f;
    }

    Feature liangtan(Sketch sketch) {
        Sketch.Line l = sketch.line("liangtan-he");
        Geometry g = AreaBuilder.simplifyType(Metric.intersection(l.geometry(), district));
        Feature f = new Feature("river-liangtanhe", g, "梁滩河", "Liangtan River", List.of("梁滩河谷"), "schematic",
                "示意：经过西永段三个未命名 OSM 河岸面的质心和科学城站以西约300米的估计点绘制（zone-facts §5.1）；其间连线、南端入口和北端出口为手绘，可能偏差1–2公里",
                "schematic: drawn through the three unnamed OSM riverbank centroids of the 西永 reach and an estimate 300 m W of 科学城站 (zone-facts §5.1); the links, the S entry and the N exit are hand-drawn and may be 1–2 km off",
                List.of("p2-c4-s1", "p6-c17-s3"), "sketch");
        f.put("method", l.follows());
        return f;
    }

    private Coordinate gazetteerPoint(String name) {
        Map<String, String> row = src.gazetteer.stream().filter(r -> name.equals(r.get("name_zh"))).findFirst().orElseThrow();
        Gcj02.LonLat w = Gcj02.gcj02ToWgs84(Double.parseDouble(row.get("lon")), Double.parseDouble(row.get("lat")));
        return new Coordinate(w.lon(), w.lat());
    }

    private static int nearest(Coordinate[] cs, Coordinate c) {
        int best = 0;
        for (int i = 1; i < cs.length - 1; i++) {
            if (cs[i].distance(c) < cs[best].distance(c)) {
                best = i;
            }
        }
        return best;
    }

    private static boolean passes(int from, int to, int via, int n, int step) {
        for (int i = from;; i = Math.floorMod(i + step, n)) {
            if (i == via) {
                return true;
            }
            if (i == to) {
                return false;
            }
        }
    }

    private static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        List<Polygon> ps = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                ps.add(p);
            }
        }
        return Metric.GF.createMultiPolygon(ps.toArray(new Polygon[0]));
    }
}
