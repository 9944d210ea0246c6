package org.planmap.overlay;

/**
 * The counters of one upload, checked as the readers go: features, vertices of the current feature, vertices
 * of the whole upload, nesting depth. A reader calls {@link #feature()} before it builds a feature and
 * {@link #vertex()} for every coordinate it is about to keep, so an over-limit upload stops at the first
 * coordinate too many, with a bounded amount of memory spent.
 */
final class ReadBudget {
    private final OverlayProperties limits;
    private int features;
    private int featureVertices;
    private long totalVertices;

    ReadBudget(OverlayProperties limits) {
        this.limits = limits;
    }

    /** Starts the next feature; throws once there would be more than {@code max-features}. */
    void feature() {
        if (++features > limits.maxFeatures()) {
            throw UploadProblem.limit("The upload has more than " + limits.maxFeatures() + " features",
                    "上传的要素超过 " + limits.maxFeatures() + " 个", "max-features", limits.maxFeatures());
        }
        featureVertices = 0;
    }

    /** Charges {@code n} features at once (a format that states its count up front); throws over the limit. */
    void features(long n) {
        if (features + n > limits.maxFeatures()) {
            throw UploadProblem.limit("The upload has " + (features + n) + " features, more than " + limits.maxFeatures(),
                    "上传的要素有 " + (features + n) + " 个，超过 " + limits.maxFeatures() + " 个", "max-features", limits.maxFeatures());
        }
    }

    /** One more coordinate of the current feature. */
    void vertex() {
        vertices(1);
    }

    /** {@code n} more coordinates of the current feature (a reader that knows the count before it reads them). */
    void vertices(long n) {
        featureVertices += n;
        totalVertices += n;
        if (featureVertices > limits.maxVertices()) {
            throw UploadProblem.limit("Feature " + features + " has more than " + limits.maxVertices() + " vertices",
                    "第 " + features + " 个要素的顶点超过 " + limits.maxVertices() + " 个", "max-vertices", limits.maxVertices());
        }
        if (totalVertices > limits.maxTotalVertices()) {
            throw UploadProblem.limit("The upload has more than " + limits.maxTotalVertices() + " vertices in all",
                    "上传的顶点总数超过 " + limits.maxTotalVertices() + " 个", "max-total-vertices", limits.maxTotalVertices());
        }
    }

    /** Refuses a nesting depth (JSON, XML, geometry collections, WKT brackets) over {@code max-nesting-depth}. */
    void depth(int depth) {
        if (depth > limits.maxNestingDepth()) throw tooDeep();
    }

    org.planmap.system.ApiException tooDeep() {
        return UploadProblem.limit("The upload is nested more than " + limits.maxNestingDepth() + " levels deep",
                "上传的嵌套层级超过 " + limits.maxNestingDepth() + " 层", "max-nesting-depth", limits.maxNestingDepth());
    }

    int features() {
        return features;
    }

    OverlayProperties limits() {
        return limits;
    }
}
