package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI resource file itself: structurally valid, and documenting the app's JSON endpoints. */
class OpenApiDocumentTests {
    private static JsonNode document() throws Exception {
        try (InputStream in = new ClassPathResource(OpenApiDocument.RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void resourceIsStructurallyValid() throws Exception {
        assertThat(OpenApiChecks.problems(document())).isEmpty();
    }

    @Test
    void documentsTheAppEndpointsOfTheArchitectureContract() throws Exception {
        assertThat(document().get("paths").propertyNames()).contains("/api/layers", "/api/layers/{id}",
                "/api/features/{id}", "/api/plan", "/api/plan/{id}", "/api/indicators", "/api/search", "/api/catalogue");
    }

    @Test
    void checksCatchABrokenReference() throws Exception {
        JsonNode doc = document();
        ((tools.jackson.databind.node.ObjectNode) doc.get("components").get("parameters")).remove("bbox");
        assertThat(OpenApiChecks.problems(doc)).anyMatch(p -> p.contains("unresolved $ref #/components/parameters/bbox"));
    }
}
