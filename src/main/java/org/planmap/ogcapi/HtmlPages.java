package org.planmap.ogcapi;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Server-rendered HTML for the OGC resources: plain pages with the same content and links as the JSON, from one
 * Mustache template ({@code templates/ogcapi/page.mustache}). The template engine HTML-escapes every value and the
 * template writes none raw, so text from data or the request is always text. A page is a title, its links and one
 * content block, built by the static methods here.
 */
@Component
class HtmlPages {
    static final String TEMPLATE = "templates/ogcapi/page.mustache";
    private final Template page;

    /**
     * @param compiler Spring Boot's Mustache compiler (HTML escaping on); missing or null values render as nothing,
     *                 and an empty text or list hides its block
     */
    HtmlPages(Mustache.Compiler compiler) {
        Mustache.Compiler c = compiler.escapeHTML(true).defaultValue("").emptyStringIsFalse(true);
        try (Reader in = new InputStreamReader(new ClassPathResource(TEMPLATE).getInputStream(), StandardCharsets.UTF_8)) {
            this.page = c.compile(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + TEMPLATE, e);
        }
    }

    /** Without Spring (unit tests): the engine's defaults, which escape HTML. */
    static HtmlPages standalone() {
        return new HtmlPages(Mustache.compiler());
    }

    /** A whole page of the API at {@code api}: {@code content} is one of the blocks below. */
    String page(OgcLinks api, String title, List<Link> links, Map<String, Object> content) {
        Map<String, Object> model = new LinkedHashMap<>(content);
        model.put("title", title);
        model.put("links", links);
        model.put("home", OgcLinks.f(api.base(), "html"));
        return page.execute(model);
    }

    static Map<String, Object> paragraph(String text) {
        return Map.of("paragraph", text);
    }

    /** A list of codes (the conformance classes). */
    static Map<String, Object> codes(List<String> codes) {
        return Map.of("codes", Map.of("list", codes));
    }

    /** A table of collections: title (linked to the collection page), id, description, items link. */
    static Map<String, Object> collections(List<Map<String, Object>> collections, OgcLinks links) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> c : collections) {
            String id = (String) c.get("id");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("href", OgcLinks.f(links.collection(id), "html"));
            row.put("title", text(c.get("title")));
            row.put("titleEn", text(c.get("titleEn")));
            row.put("description", text(c.get("description")));
            row.put("itemsHref", OgcLinks.f(links.items(id), "html"));
            rows.add(row);
        }
        return Map.of("collections", Map.of("list", rows));
    }

    /** Name/value rows of a map; values are written with {@code toString()}. */
    static Map<String, Object> table(Map<String, ?> rows) {
        List<Map<String, String>> list = new ArrayList<>();
        rows.forEach((k, v) -> list.add(Map.of("name", k, "value", text(v))));
        return Map.of("rows", Map.of("list", list));
    }

    static Map<String, Object> items(List<StoredFeature> features, String collection, OgcLinks links, long matched, long offset) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (StoredFeature f : features) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", f.id());
            row.put("href", OgcLinks.f(links.item(collection, f.id()), "html"));
            row.put("name", text(f.name()));
            row.put("nameEn", text(f.nameEn()));
            row.put("accuracy", text(f.accuracy()));
            row.put("zone", text(f.zone()));
            row.put("geometry", f.geometry() == null ? "none" : f.geometry().getGeometryType());
            list.add(row);
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("matched", Long.toString(matched));
        block.put("showing", features.isEmpty() ? "none" : (offset + 1) + "–" + (offset + features.size()));
        block.put("list", list);
        return Map.of("features", block);
    }

    /** One API operation in the OpenAPI overview. */
    record Operation(String path, String method, String summary, String parameters) { }

    static Map<String, Object> operations(String description, List<Operation> operations) {
        return Map.of("paragraph", description, "operations", Map.of("list", operations));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
