package org.planmap.overlay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what a planner may upload, and the analysis defaults. Every limit that is exceeded is answered
 * with 413 (sizes) or 400 (counts), naming the limit's key so the planner (or the operator) knows which one.
 *
 * @param maxUploadBytes          largest uploaded file or JSON body, in bytes (default 20 MB; keep it in step
 *                                with {@code spring.servlet.multipart.max-file-size})
 * @param maxFeatures             features per upload (default 1,000)
 * @param maxVertices             vertices per feature (default 200,000)
 * @param maxZipEntries           entries in a zip or KMZ (default 64)
 * @param maxZipUncompressedBytes total bytes after unzipping (default 200 MB); stops zip bombs
 * @param maxJsonDepth            nesting depth of GeoJSON / JSON bodies (default 64)
 * @param defaultDistanceMetres   radius for "project sites nearby" when the request names none (default 1,000 m)
 * @param maxDistanceMetres       largest radius a request may ask for (default 10,000 m)
 */
@ConfigurationProperties("planmap.overlay")
public record OverlayProperties(Long maxUploadBytes, Integer maxFeatures, Integer maxVertices, Integer maxZipEntries,
                                Long maxZipUncompressedBytes, Integer maxJsonDepth, Double defaultDistanceMetres,
                                Double maxDistanceMetres) {
    public OverlayProperties {
        if (maxUploadBytes == null) maxUploadBytes = 20L * 1024 * 1024;
        if (maxFeatures == null) maxFeatures = 1000;
        if (maxVertices == null) maxVertices = 200_000;
        if (maxZipEntries == null) maxZipEntries = 64;
        if (maxZipUncompressedBytes == null) maxZipUncompressedBytes = 200L * 1024 * 1024;
        if (maxJsonDepth == null) maxJsonDepth = 64;
        if (defaultDistanceMetres == null) defaultDistanceMetres = 1000.0;
        if (maxDistanceMetres == null) maxDistanceMetres = 10_000.0;
    }

    public static OverlayProperties defaults() {
        return new OverlayProperties(null, null, null, null, null, null, null, null);
    }
}
