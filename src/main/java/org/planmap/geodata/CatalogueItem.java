package org.planmap.geodata;

/**
 * One entry of the project catalogue: a 专栏 item ({@code col-N-item-K}), mapped to the project-site feature
 * that has its {@code catalogueId}, or unmapped with the reason.
 *
 * @param number     1-based position in its column
 * @param status     {@code mapped} | {@code unmapped}
 * @param reason     why it is unmapped ({@code district-wide programme}, …), {@code null} when mapped
 * @param featureId  the project site, {@code null} when unmapped
 */
public record CatalogueItem(String id, int column, int number, String columnGroup, String name, String status, String reason,
                            String featureId) {
    public boolean mapped() {
        return "mapped".equals(status);
    }
}
