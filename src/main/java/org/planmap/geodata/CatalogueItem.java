package org.planmap.geodata;

/**
 * One entry of the project catalogue: a 专栏 item ({@code col-N-item-K}), mapped to the project-site feature
 * that has its {@code catalogueId}, or unmapped with the reason.
 *
 * @param number       1-based position in its column
 * @param nameEn       English name (ours: see {@code nameEnSource})
 * @param nameEnSource whose English name it is ({@code planmap translation})
 * @param status       {@code mapped} | {@code unmapped}
 * @param reason       why it is unmapped ({@code district-wide programme}, …), {@code null} when mapped
 * @param decision     why it is mapped the way it is, or why not (one sentence, English)
 * @param featureId    the project site, {@code null} when unmapped
 */
public record CatalogueItem(String id, int column, int number, String columnGroup, String name, String nameEn,
                            String nameEnSource, String status, String reason, String decision, String featureId) {
    public boolean mapped() {
        return "mapped".equals(status);
    }
}
