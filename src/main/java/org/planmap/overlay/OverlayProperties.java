package org.planmap.overlay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what a planner may upload, and the analysis defaults. Every limit is enforced while the upload is
 * read (never after it is in memory) and, when exceeded, answered with 413 (a size) or 422 (a count or depth)
 * naming the limit's key, so the planner (or the operator) knows which one. The defaults keep one analysis
 * under about 150 MB of heap, so that {@code maxConcurrentAnalyses} of them fit in the 512 MB the app is
 * documented to run in (docs/operations.md).
 *
 * @param maxUploadBytes          largest uploaded file or JSON body, in bytes (default 20 MB; keep it in step
 *                                with {@code spring.servlet.multipart.max-file-size})
 * @param maxFeatures             features per upload (default 1,000)
 * @param maxVertices             vertices per feature (default 200,000)
 * @param maxTotalVertices        vertices of all features of one upload together (default 500,000)
 * @param maxZipEntries           entries in a zip or KMZ, folders included (default 64)
 * @param maxZipUncompressedBytes bytes after unzipping, all entries together (default 64 MB)
 * @param maxZipEntryBytes        bytes after unzipping, one entry (default 48 MB)
 * @param maxCompressionRatio     uncompressed ÷ compressed bytes of one entry (default 100); checked once an
 *                                entry has produced more than 1 MB, so small, very repetitive files pass
 * @param maxNestingDepth         nesting depth of JSON, XML elements and geometry collections, and brackets of
 *                                WKT (default 32)
 * @param maxConcurrentAnalyses   uploads read and analysed at the same time; more answer 503 with Retry-After
 *                                (default: the number of CPU cores)
 * @param busyRetryAfterSeconds   the Retry-After of that 503 (default 2)
 * @param bulkheadMinBytes        requests smaller than this (Content-Length) are not counted by the bulkhead: they
 *                                cost little whatever they hold (default 256 KB)
 * @param defaultDistanceMetres   radius for "project sites nearby" when the request names none (default 1,000 m)
 * @param maxDistanceMetres       largest radius a request may ask for (default 10,000 m)
 */
@ConfigurationProperties("planmap.overlay")
public record OverlayProperties(Long maxUploadBytes, Integer maxFeatures, Integer maxVertices, Integer maxTotalVertices,
                                Integer maxZipEntries, Long maxZipUncompressedBytes, Long maxZipEntryBytes,
                                Integer maxCompressionRatio, Integer maxNestingDepth, Integer maxConcurrentAnalyses,
                                Integer busyRetryAfterSeconds, Long bulkheadMinBytes, Double defaultDistanceMetres,
                                Double maxDistanceMetres) {
    public OverlayProperties {
        if (maxUploadBytes == null) maxUploadBytes = 20L * 1024 * 1024;
        if (maxFeatures == null) maxFeatures = 1000;
        if (maxVertices == null) maxVertices = 200_000;
        if (maxTotalVertices == null) maxTotalVertices = 500_000;
        if (maxZipEntries == null) maxZipEntries = 64;
        if (maxZipUncompressedBytes == null) maxZipUncompressedBytes = 64L * 1024 * 1024;
        if (maxZipEntryBytes == null) maxZipEntryBytes = 48L * 1024 * 1024;
        if (maxCompressionRatio == null) maxCompressionRatio = 100;
        if (maxNestingDepth == null) maxNestingDepth = 32;
        if (maxConcurrentAnalyses == null || maxConcurrentAnalyses < 1) {
            maxConcurrentAnalyses = Runtime.getRuntime().availableProcessors();
        }
        if (busyRetryAfterSeconds == null) busyRetryAfterSeconds = 2;
        if (bulkheadMinBytes == null) bulkheadMinBytes = 256L * 1024;
        if (defaultDistanceMetres == null) defaultDistanceMetres = 1000.0;
        if (maxDistanceMetres == null) maxDistanceMetres = 10_000.0;
    }

    public static OverlayProperties defaults() {
        return new OverlayProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
