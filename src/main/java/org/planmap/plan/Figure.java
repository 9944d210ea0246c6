package org.planmap.plan;

/**
 * A figure caption line ({@code 图1 沙坪坝区“东中西”空间布局示意图}); the image is not part of the text.
 *
 * @param id       {@code fig-N}
 * @param number   N
 * @param caption  the words after {@code 图N}
 * @param parentId id of the section (or chapter) in which the caption appears
 */
public record Figure(String id, int number, String caption, String parentId) {
}
