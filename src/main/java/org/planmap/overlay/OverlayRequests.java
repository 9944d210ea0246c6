package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
        for (MultipartFile f : files) parts.add(new UploadReader.Part(f.getOriginalFilename(), source(f)));
        return reader.read(parts);
    }

    /** A multipart file as Tomcat keeps it (on disk): opened as a stream, never read whole into memory here. */
    private static UploadSource source(MultipartFile f) {
        return new UploadSource() {
            @Override
            public InputStream open() throws IOException {
                return f.getInputStream();
            }

            @Override
            public long size() {
                return f.getSize();
            }
        };
    }

    /**
     * A JSON request body, read with the streaming parser straight from the request: {@code geometry} goes to
     * {@link GeoJsonUpload} token by token; at most {@code max-upload-bytes} are read (413 beyond).
     */
    JsonRequest fromJson(InputStream body, long contentLength) {
        if (contentLength > limits.maxUploadBytes()) {
            throw UploadProblem.tooLarge("The request body is larger than allowed", "请求体超过上限", "max-upload-bytes", limits.maxUploadBytes());
        }
        GeoJsonUpload geojson = new GeoJsonUpload(limits.maxNestingDepth());
        ReadBudget budget = new ReadBudget(limits);
        String crs = null;
        String distance = null;
        String name = null;
        String wkt = null;
        Upload drawn = null;
        try (JsonParser p = geojson.parser(new LimitedInputStream(body, limits.maxUploadBytes()))) {
            JsonToken first = p.nextToken();
            if (first == null) throw UploadProblem.bad("The request body is empty: send {\"geometry\": …} or {\"wkt\": …}.");
            if (first != JsonToken.START_OBJECT) throw UploadProblem.bad("The request body must be a JSON object with \"geometry\" or \"wkt\".");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "crs" -> crs = text(p, value);
                    case "distance" -> distance = text(p, value);
                    case "name" -> name = text(p, value);
                    case "wkt" -> wkt = text(p, value);
                    case "geometry" -> {
                        if (value == JsonToken.START_OBJECT) {
                            Upload u = geojson.readObject(p, budget, "draw");
                            drawn = new Upload("draw", u.features(), u.crs(), u.crsSource(), u.notes());
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw UploadProblem.bad("\"geometry\" must be a GeoJSON object.");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            throw geojson.translate(e, budget);
        }
        Upload upload;
        if (drawn != null) {
            upload = drawn;
        } else if (wkt != null) {
            upload = WktUpload.read(wkt, budget);
        } else {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "The request has neither \"geometry\" (GeoJSON) nor \"wkt\".", "geometry", null);
        }
        return new JsonRequest(upload, crs, distance, name);
    }

    /** Scalars as text; an object or array given where text belongs is kept as its JSON. */
    private static String text(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) return null;
        if (value.isScalarValue()) return p.getString() != null ? p.getString() : p.getNumberValue().toString();
        JsonNode node = p.readValueAsTree();
        return node.toString();
    }

    /** Reads at most {@code max} bytes, then answers 413 (a body sent without Content-Length, chunked). */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) throw tooLarge();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) throw tooLarge();
            return n;
        }

        private RuntimeException tooLarge() {
            return UploadProblem.tooLarge("The request body is larger than allowed", "请求体超过上限", "max-upload-bytes", max);
        }
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

}
