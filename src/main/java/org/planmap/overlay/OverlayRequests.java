package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Parses overlay requests into {@link Upload}s: multipart files, or a JSON body
 * {@code {geometry | wkt, crs, distance, name}} where {@code geometry} is a GeoJSON geometry, Feature or
 * FeatureCollection (drawn on the map or pasted). Also parses the {@code distance} parameter once.
 */
@Component
class OverlayRequests {
    private final OverlayProperties limits;
    private final UploadReader reader;

    OverlayRequests(OverlayProperties limits, UploadReader reader) {
        this.limits = limits;
        this.reader = reader;
    }

    record JsonRequest(Upload upload, String crs, String distance, String name) { }

    Upload fromFiles(List<MultipartFile> files) {
        if (files == null || files.isEmpty()) throw UploadProblem.bad("No file was uploaded (form field 'file').");
        List<UploadReader.Part> parts = new ArrayList<>();
        for (MultipartFile f : files) {
            try {
                parts.add(new UploadReader.Part(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw UploadProblem.bad("The uploaded file could not be read completely; try again.");
            }
        }
        return reader.read(parts);
    }

    JsonRequest fromJson(InputStream body, long contentLength) {
        if (contentLength > limits.maxUploadBytes()) {
            throw UploadProblem.tooLarge("The request body is larger than allowed", "max-upload-bytes", limits.maxUploadBytes());
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxUploadBytes() + 1));
        } catch (IOException e) {
            throw UploadProblem.bad("The request body could not be read completely.");
        }
        if (bytes.length > limits.maxUploadBytes()) {
            throw UploadProblem.tooLarge("The request body is larger than allowed", "max-upload-bytes", limits.maxUploadBytes());
        }
        if (bytes.length == 0) throw UploadProblem.bad("The request body is empty: send {\"geometry\": …} or {\"wkt\": …}.");
        GeoJsonUpload geojson = new GeoJsonUpload(limits.maxJsonDepth());
        JsonNode root = geojson.parse(TextDecoding.requireUtf8(bytes, "JSON"));
        if (!root.isObject()) throw UploadProblem.bad("The request body must be a JSON object with \"geometry\" or \"wkt\".");
        String crs = text(root, "crs");
        String distance = text(root, "distance");
        String name = text(root, "name");
        JsonNode geometry = root.get("geometry");
        String wkt = text(root, "wkt");
        Upload upload;
        if (geometry != null && !geometry.isNull()) {
            Upload u = geojson.read(geometry);
            upload = new Upload("draw", u.features(), u.crs(), u.crsSource(), u.notes());
        } else if (wkt != null) {
            upload = WktUpload.read(wkt, limits.maxFeatures());
        } else {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "The request has neither \"geometry\" (GeoJSON) nor \"wkt\".", "geometry", null);
        }
        return new JsonRequest(upload, crs, distance, name);
    }

    double distance(String text) {
        if (text == null || text.isBlank()) return limits.defaultDistanceMetres();
        double d;
        try {
            d = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("distance", text, "not a number of metres");
        }
        if (!Double.isFinite(d) || d < 0 || d > limits.maxDistanceMetres()) {
            throw ApiException.badParameter("distance", text, "must be between 0 and " + limits.maxDistanceMetres().longValue()
                    + " metres (limit: planmap.overlay.max-distance-metres)");
        }
        return d;
    }

    static String name(String requested, PreparedOverlay overlay) {
        String n = requested == null || requested.isBlank()
                ? (overlay.features().size() == 1 ? overlay.features().get(0).name() : overlay.features().size() + " features")
                : requested.trim();
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asString() : n.toString();
    }
}
