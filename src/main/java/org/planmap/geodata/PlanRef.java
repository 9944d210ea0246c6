package org.planmap.geodata;

/**
 * One link between a feature and the plan text. {@code declared}: the feature's {@code planRefs} name the node;
 * {@code mention}: a paragraph of the node names the feature (found by {@link MentionFinder}).
 *
 * @param nodeTitle   the node's title ({@code null} when the node is not in the plan)
 * @param nodeKind    the node's kind as in {@link org.planmap.plan.PlanIndex.Entry#kind()}
 * @param paragraphId the paragraph holding the name, or {@code null} for a declared link whose text never names it
 * @param start       offset of {@code matchedName} in the paragraph, or {@code null}
 * @param sentence    the sentence around the name, or the paragraph's first sentence
 */
public record PlanRef(String featureId, String nodeId, String nodeTitle, String nodeKind, String paragraphId,
                      String kind, Integer start, Integer end, String matchedName, String sentence) {
    public static final String DECLARED = "declared";
    public static final String MENTION = "mention";

    public boolean declared() {
        return DECLARED.equals(kind);
    }

    PlanRef titled(String title, String kind) {
        return new PlanRef(featureId, nodeId, title, kind, paragraphId, this.kind, start, end, matchedName, sentence);
    }
}
