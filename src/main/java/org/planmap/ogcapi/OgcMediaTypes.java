package org.planmap.ogcapi;

import java.util.List;
import org.springframework.http.MediaType;

/** The media types of OGC API – Features responses. */
final class OgcMediaTypes {
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType JSON = MediaType.APPLICATION_JSON;
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final MediaType OPENAPI_JSON = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    static final List<MediaType> FEATURES = List.of(GEO_JSON);
    static final List<MediaType> OPENAPI = List.of(OPENAPI_JSON);
    static final List<MediaType> SCHEMA = List.of(SCHEMA_JSON);
    static final List<MediaType> PLAIN = List.of();

    private OgcMediaTypes() { }
}
