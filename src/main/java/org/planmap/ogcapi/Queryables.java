package org.planmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema of each queryable property (the public names of {@code FeatureSelection.QUERYABLES}). */
final class Queryables {
    private Queryables() { }

    static Map<String, Object> schema(String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (name) {
            case "accuracy" -> {
                s.put("title", "定位精度 Accuracy");
                s.put("type", "string");
                s.put("enum", List.of("surveyed", "approximate", "schematic"));
            }
            case "zone" -> {
                s.put("title", "所在片区 Zone (chapter 16)");
                s.put("type", "string");
                s.put("examples", List.of("zone-east", "zone-barrier-zhongliang", "zone-barrier-jinyun", "zone-west"));
            }
            case "column" -> {
                s.put("title", "专栏号 Column number");
                s.put("type", "integer");
                s.put("minimum", 1);
            }
            case "columnGroup" -> {
                s.put("title", "专栏分组 Column group");
                s.put("type", "string");
            }
            case "kind" -> {
                s.put("title", "类型 Kind");
                s.put("type", "string");
            }
            default -> s.put("type", "string");
        }
        return s;
    }
}
