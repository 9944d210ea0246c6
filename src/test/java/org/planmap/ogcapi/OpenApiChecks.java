package org.planmap.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Structural checks of an OpenAPI 3.0 document (no validator library is available offline): version,
 * info, every path with operations that each have responses, path parameters declared, and every
 * {@code $ref} resolving inside the document.
 */
final class OpenApiChecks {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiChecks() { }

    static List<String> problems(JsonNode doc) {
        List<String> out = new ArrayList<>();
        if (!doc.path("openapi").asString("").startsWith("3.0")) out.add("openapi is not 3.0.x: " + doc.path("openapi"));
        if (doc.path("info").path("title").asString("").isBlank()) out.add("info.title missing");
        if (doc.path("info").path("version").asString("").isBlank()) out.add("info.version missing");
        if (!doc.path("paths").isObject() || doc.path("paths").isEmpty()) out.add("no paths");
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            if (!path.getKey().startsWith("/")) out.add("path does not start with /: " + path.getKey());
            int operations = 0;
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) continue;
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                if (!responses.isObject() || responses.isEmpty()) out.add(where + ": no responses");
                for (Map.Entry<String, JsonNode> r : responses.properties()) {
                    if (!r.getKey().matches("[1-5]\\d\\d|[1-5]XX|default")) out.add(where + ": bad response code " + r.getKey());
                    JsonNode resolved = resolve(doc, r.getValue());
                    if (resolved != null && resolved.path("description").asString("").isBlank()) {
                        out.add(where + " " + r.getKey() + ": response without description");
                    }
                }
                for (String name : templateNames(path.getKey())) {
                    boolean declared = false;
                    for (JsonNode p : op.getValue().path("parameters")) {
                        JsonNode rp = resolve(doc, p);
                        if (rp != null && "path".equals(rp.path("in").asString()) && name.equals(rp.path("name").asString())
                                && rp.path("required").asBoolean(false)) declared = true;
                    }
                    if (!declared) out.add(where + ": path parameter {" + name + "} not declared as required");
                }
            }
            if (operations == 0) out.add(path.getKey() + ": no operations");
        }
        refs(doc, doc, "#", out);
        return out;
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        if (!node.has("$ref")) return node;
        return pointer(doc, node.get("$ref").asString());
    }

    private static JsonNode pointer(JsonNode doc, String ref) {
        if (!ref.startsWith("#/")) return null;
        JsonNode target = doc.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static void refs(JsonNode doc, JsonNode node, String where, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("$ref")) {
                    if (pointer(doc, e.getValue().asString()) == null) out.add(where + ": unresolved $ref " + e.getValue().asString());
                } else {
                    refs(doc, e.getValue(), where + "/" + e.getKey(), out);
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode child : node) refs(doc, child, where + "/" + i++, out);
        }
    }
}
