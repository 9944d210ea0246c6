package org.planmap.features;

import java.util.List;

/**
 * One collection of plan geometry: its id (equal to the {@code geodata/<id>.geojson} file name), bilingual
 * title and description, the layer-list group it belongs to, and the plan sections it comes from.
 */
public record CollectionDef(String id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                            String group, String itemType, List<String> planRefs, List<String> queryables) {

    public String fileName() {
        return id + ".geojson";
    }
}
