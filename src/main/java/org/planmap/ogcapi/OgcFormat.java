package org.planmap.ogcapi;

import java.util.List;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two encodings every OGC resource here has, chosen once per request: by {@code f} when given, else by
 * the {@code Accept} header (quality values honoured, specific types before wildcards, then header order).
 * No {@code Accept} means JSON. Anything that names neither encoding is a 406.
 */
enum OgcFormat {
    JSON, HTML;

    /**
     * @param jsonTypes the JSON media types this resource answers to besides {@code application/json}
     *                  (e.g. {@code application/geo+json} for features)
     */
    static OgcFormat negotiate(String f, String accept, List<MediaType> jsonTypes) {
        if (f != null) {
            return switch (f) {
                case "json" -> JSON;
                case "html" -> HTML;
                default -> throw new ApiException(HttpStatus.NOT_ACCEPTABLE,
                        "Unsupported format f=" + f + "; supported: json, html", "f", f);
            };
        }
        if (accept == null || accept.isBlank()) return JSON;
        List<MediaType> requested;
        try {
            requested = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE, "The Accept header cannot be read", "Accept", accept);
        }
        OgcFormat best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (MediaType m : requested) {
            double q = m.getQualityValue();
            OgcFormat format = match(m, jsonTypes);
            if (format == null || q <= 0) continue;
            int specificity = m.isWildcardType() ? 0 : m.isWildcardSubtype() ? 1 : 2;
            if (q > bestQ || (q == bestQ && specificity > bestSpecificity)) {
                best = format;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        if (best == null) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE,
                    "None of the accepted media types can be produced; available: application/json"
                            + (jsonTypes.isEmpty() ? "" : ", " + jsonTypes.get(0)) + ", text/html", "Accept", accept);
        }
        return best;
    }

    private static OgcFormat match(MediaType m, List<MediaType> jsonTypes) {
        if (m.isWildcardType()) return JSON;
        if (m.getType().equals("application")) {
            if (m.isWildcardSubtype() || m.getSubtype().equals("json")) return JSON;
            for (MediaType t : jsonTypes) {
                if (t.getSubtype().equals(m.getSubtype())) return JSON;
            }
            if (m.getSubtype().equals("xhtml+xml")) return HTML;
            return null;
        }
        if (m.getType().equals("text") && (m.isWildcardSubtype() || m.getSubtype().equals("html"))) return HTML;
        return null;
    }
}
