package org.planmap.overlay;

import java.util.List;
import java.util.Map;

/** Picks a feature's display name from the usual attribute names. */
final class UploadNames {
    private static final List<String> KEYS = List.of("name", "名称", "项目名称", "title", "label", "mc", "xmmc");

    private UploadNames() { }

    static String nameOf(Map<String, Object> props, String fallback) {
        for (String key : KEYS) {
            for (Map.Entry<String, Object> e : props.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key) && e.getValue() != null && !e.getValue().toString().isBlank()) {
                    String v = e.getValue().toString().trim();
                    return v.length() > 200 ? v.substring(0, 200) : v;
                }
            }
        }
        return fallback;
    }
}
