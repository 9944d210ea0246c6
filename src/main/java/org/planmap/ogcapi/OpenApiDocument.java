package org.planmap.ogcapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 definition of the whole HTTP API ({@code /ogcapi…} and the app's {@code /api…}), kept as
 * {@code ogcapi/openapi.json} and completed per request with what only the running app knows: the server URLs,
 * the collection ids, and the configured page sizes.
 *
 * <p>As served, the document's {@code servers} URL is the API's own root ({@code …/ogcapi}, as the client reached
 * it: context path and proxy included) and the OGC paths are relative to it ({@code /collections}), so a client
 * that joins the two — OGC API – Features Part 1 /req/oas30/oas-impl, the ETS — reaches the resources whether it was
 * given the landing page as {@code …/ogcapi} or {@code …/ogcapi/}. The app's {@code /api…} paths carry their own
 * path-level {@code servers} entry, the app's root.
 */
@Component
class OpenApiDocument {
    static final String RESOURCE = "ogcapi/openapi.json";
    private static final String OGC_PREFIX = OgcLinks.ROOT;
    /** The resource file as written: full paths ({@code /ogcapi/collections}), for the HTML overview. */
    private final ObjectNode template;
    /** As served: OGC paths relative to the API root, app paths marked for their own server. */
    private final ObjectNode served;
    private final java.util.List<String> appPaths = new java.util.ArrayList<>();
    private final JsonMapper json;

    OpenApiDocument(JsonMapper json, OgcCollections registry, OgcApiProperties properties) {
        this.json = json;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.template = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        ObjectNode params = (ObjectNode) template.get("components").get("parameters");
        ObjectNode limit = (ObjectNode) params.get("limit").get("schema");
        limit.put("default", properties.defaultLimit());
        limit.put("maximum", properties.maxLimit());
        ArrayNode ids = ((ObjectNode) params.get("collectionId").get("schema")).putArray("enum");
        for (CollectionDef def : registry.all()) ids.add(def.id());
        for (String name : new String[] {"crs", "bbox-crs"}) {
            ArrayNode crs = ((ObjectNode) params.get(name).get("schema")).putArray("enum");
            OgcCrs.URIS.forEach(crs::add);
        }
        this.served = template.deepCopy();
        ObjectNode paths = served.putObject("paths");
        for (Map.Entry<String, JsonNode> path : template.get("paths").properties()) {
            String p = path.getKey();
            if (p.equals(OGC_PREFIX) || p.startsWith(OGC_PREFIX + "/")) {
                String relative = p.substring(OGC_PREFIX.length());
                paths.set(relative.isEmpty() ? "/" : relative, path.getValue().deepCopy());
            } else {
                paths.set(p, path.getValue().deepCopy());
                appPaths.add(p);
            }
        }
    }

    /**
     * The document for a client that reaches the API root at {@code apiRoot} ({@code …/ogcapi}) and the app at
     * {@code appRoot}.
     */
    ObjectNode forServer(String apiRoot, String appRoot) {
        ObjectNode doc = served.deepCopy();
        doc.putArray("servers").addObject().put("url", apiRoot).put("description", "this server's OGC API – Features");
        ObjectNode paths = (ObjectNode) doc.get("paths");
        for (String p : appPaths) {
            ((ObjectNode) paths.get(p)).putArray("servers").addObject().put("url", appRoot)
                    .put("description", "this server's app API");
        }
        return doc;
    }

    byte[] bytes(ObjectNode doc) {
        return json.writeValueAsBytes(doc);
    }

    String title() {
        return template.get("info").get("title").asString();
    }

    /** The HTML overview: the description, and every path (from the host's root) with its operations and parameters. */
    Map<String, Object> overview() {
        java.util.List<HtmlPages.Operation> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> path : template.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getKey().equals("parameters") || op.getKey().equals("servers")) continue;
                StringBuilder params = new StringBuilder();
                for (Iterator<JsonNode> it = op.getValue().path("parameters").iterator(); it.hasNext(); ) {
                    JsonNode p = it.next();
                    String name = p.has("$ref") ? p.get("$ref").asString().replaceAll(".*/", "") : p.path("name").asString();
                    params.append(params.isEmpty() ? "" : ", ").append(name);
                }
                rows.add(new HtmlPages.Operation(path.getKey(), op.getKey().toUpperCase(java.util.Locale.ROOT),
                        op.getValue().path("summary").asString(""), params.toString()));
            }
        }
        return HtmlPages.operations(template.get("info").get("description").asString(), rows);
    }
}
