package org.planmap.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catalog of collections. Identifiers used in SQL or URLs are resolved here first, so a request can only
 * ever name a collection that exists (STYLE.md rule 3).
 */
@Component
public class CollectionRegistry {
    /** The group of the plan's own area layers (ch. 16–18 and the Science City framework). */
    public static final String LAYOUT = "layout";
    private static final List<String> COMMON = List.of("accuracy", "zone");
    private final Map<String, CollectionDef> byId = new LinkedHashMap<>();

    public CollectionRegistry() {
        add(new CollectionDef("district", "沙坪坝区行政区域", "Shapingba District boundary",
                "沙坪坝区区界（DataV 区界，由 GCJ-02 转换为 WGS84）。", "District boundary (DataV, converted from GCJ-02 to WGS84).",
                "base", "feature", List.of(), COMMON));
        add(new CollectionDef("zones", "“东中西”总体空间布局", "East–Central–West layout",
                "第十六章：东部人文母城、两山生态屏障（缙云山、中梁山）、西部现代新城。示意性重建，非官方边界。",
                "Chapter 16: East humanities mother city, the two-mountain ecological barrier, West modern new city. Schematic reconstruction, not an official boundary.",
                LAYOUT, "feature", List.of("p6-c16"), COMMON));
        add(new CollectionDef("showcase-areas", "“山水城”风貌展示区", "Mountain–water–city showcase areas",
                "第十七章及专栏8：四大特色功能风貌展示区（示意）。", "Chapter 17 and column 8: the four showcase areas (schematic).",
                LAYOUT, "feature", List.of("p6-c17", "col-8"), COMMON));
        add(new CollectionDef("demonstration-zones", "“产学研”特色示范区", "Industry–academia–research demonstration zones",
                "第十八章及专栏9：六大特色示范区（示意）。", "Chapter 18 and column 9: the six demonstration zones (schematic).",
                LAYOUT, "feature", List.of("p6-c18", "col-9"), COMMON));
        add(new CollectionDef("science-city", "科学城沙坪坝片科创生态功能骨架", "Science City framework",
                "第四章第一节：四条南北轴线和五大生产、生活空间（示意）。",
                "Chapter 4 §1: four north–south axes and five production and living spaces (schematic).",
                LAYOUT, "feature", List.of("p2-c4-s1"), List.of("accuracy", "zone", "kind")));
        add(new CollectionDef("project-sites", "专栏重点项目", "Column project sites",
                "十七个专栏中可定位的重点项目（点、线、面），附定位精度说明。",
                "Key projects of the plan's 17 columns that can be located, each with its accuracy.",
                "projects", "feature", List.of(), List.of("accuracy", "zone", "column", "columnGroup")));
        add(new CollectionDef("context-water", "水体（OSM）", "Water bodies (OSM)",
                "OpenStreetMap 水体，© OpenStreetMap contributors（ODbL）。", "OpenStreetMap water bodies, © OpenStreetMap contributors (ODbL).",
                "context", "feature", List.of(), COMMON));
        add(new CollectionDef("context-rivers", "河流", "Rivers",
                "嘉陵江（沿区界东缘）与梁滩河（示意）。", "The Jialing River along the east edge and the Liangtan River (schematic).",
                "context", "feature", List.of(), COMMON));
        add(new CollectionDef("context-stations", "铁路与轨道车站（OSM）", "Rail and metro stations (OSM)",
                "OpenStreetMap 车站，© OpenStreetMap contributors（ODbL）。", "OpenStreetMap stations, © OpenStreetMap contributors (ODbL).",
                "context", "feature", List.of(), COMMON));
        add(new CollectionDef("context-landmarks", "地标（OSM）", "Landmarks (OSM)",
                "OpenStreetMap 命名建筑中的地标，© OpenStreetMap contributors（ODbL）。",
                "Landmarks among OpenStreetMap named buildings, © OpenStreetMap contributors (ODbL).",
                "context", "feature", List.of(), COMMON));
    }

    private void add(CollectionDef def) {
        byId.put(def.id(), def);
    }

    public List<CollectionDef> all() {
        return List.copyOf(byId.values());
    }

    public Optional<CollectionDef> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The plan's area layers, in registry order: what a place lies in (feature panel), what an overlay is measured
     * against, and the first names the gazetteer tries.
     */
    public List<String> areaCollections() {
        return byId.values().stream().filter(d -> d.group().equals(LAYOUT)).map(CollectionDef::id).toList();
    }

    public boolean isArea(String collectionId) {
        CollectionDef def = byId.get(collectionId);
        return def != null && def.group().equals(LAYOUT);
    }
}
