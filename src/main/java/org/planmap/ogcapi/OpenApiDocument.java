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
 * {@code ogcapi/openapi.json} and completed per request with what only the running app knows: the server URL,
 * the collection ids, and the configured page sizes.
 */
@Component
class OpenApiDocument {
    static final String RESOURCE = "ogcapi/openapi.json";
    private final ObjectNode template;
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
    }

    /** The document for clients that reach the API at {@code serverUrl} (the {@code /ogcapi} root's origin). */
    ObjectNode forServer(String serverUrl) {
        ObjectNode doc = template.deepCopy();
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", serverUrl).put("description", "this server");
        return doc;
    }

    byte[] bytes(ObjectNode doc) {
        return json.writeValueAsBytes(doc);
    }

    /** An HTML overview: every path with its operations, summaries and parameters. */
    String html(ObjectNode doc, java.util.List<Link> links) {
        StringBuilder body = new StringBuilder();
        body.append(HtmlPages.paragraph(doc.get("info").get("description").asString()));
        body.append("<table><tr><th>Path</th><th>Operation</th><th>Parameters</th></tr>");
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getKey().equals("parameters")) continue;
                StringBuilder params = new StringBuilder();
                JsonNode ps = op.getValue().path("parameters");
                for (Iterator<JsonNode> it = ps.iterator(); it.hasNext(); ) {
                    JsonNode p = it.next();
                    String name = p.has("$ref") ? p.get("$ref").asString().replaceAll(".*/", "") : p.path("name").asString();
                    params.append(params.isEmpty() ? "" : ", ").append(name);
                }
                body.append("<tr><td><code>").append(Html.escape(path.getKey())).append("</code></td><td>")
                        .append(Html.escape(op.getKey().toUpperCase())).append(" — ")
                        .append(Html.escape(op.getValue().path("summary").asString(""))).append("</td><td>")
                        .append(Html.escape(params)).append("</td></tr>");
            }
        }
        body.append("</table>");
        return HtmlPages.page(doc.get("info").get("title").asString() + " — API", links, body.toString());
    }
}
