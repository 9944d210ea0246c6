package org.planmap.ogcapi;

import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;

/**
 * Server-rendered HTML for the OGC resources: plain pages with the same content and links as the JSON.
 * Every value goes through {@link Html#escape}; nothing from data or the request is written raw.
 */
final class HtmlPages {
    private HtmlPages() { }

    static String page(String title, List<Link> links, String body) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title>")
                .append("<style>body{font-family:system-ui,'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
                .append("nav a{margin-right:1em}</style></head><body>")
                .append("<nav><a href=\"").append(Html.escape(linkHref(links, "home"))).append("\">OGC API</a></nav>")
                .append("<h1>").append(Html.escape(title)).append("</h1>").append(body);
        out.append("<h2>Links</h2><ul>");
        for (Link l : links) {
            out.append("<li><a href=\"").append(Html.escape(l.href())).append("\">").append(Html.escape(l.title()))
                    .append("</a> <small>(").append(Html.escape(l.rel())).append(", ").append(Html.escape(l.type()))
                    .append(")</small></li>");
        }
        return out.append("</ul></body></html>\n").toString();
    }

    private static String linkHref(List<Link> links, String rel) {
        return links.stream().filter(l -> l.rel().equals(rel)).map(Link::href).findFirst().orElse("/ogcapi?f=html");
    }

    static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    /** A table of collections: title (linked to the collection page), id, description, items link. */
    static String collections(List<Map<String, Object>> collections, OgcLinks links) {
        StringBuilder out = new StringBuilder("<table><tr><th>标题 Title</th><th>id</th><th>说明 Description</th><th>要素 Items</th></tr>");
        for (Map<String, Object> c : collections) {
            String id = (String) c.get("id");
            out.append("<tr><td><a href=\"").append(Html.escape(OgcLinks.f(links.collection(id), "html"))).append("\">")
                    .append(Html.escape(c.get("title"))).append("</a><br><small>").append(Html.escape(c.get("titleEn")))
                    .append("</small></td><td><code>").append(Html.escape(id)).append("</code></td><td>")
                    .append(Html.escape(c.get("description"))).append("</td><td><a href=\"")
                    .append(Html.escape(OgcLinks.f(links.items(id), "html"))).append("\">items</a></td></tr>");
        }
        return out.append("</table>").toString();
    }

    /** Name/value rows of a map; values are written with {@code toString()} and escaped. */
    static String table(Map<String, ?> rows) {
        StringBuilder out = new StringBuilder("<table>");
        rows.forEach((k, v) -> out.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v))
                .append("</td></tr>"));
        return out.append("</table>").toString();
    }

    static String items(List<StoredFeature> features, String collection, OgcLinks links, long matched, long offset) {
        StringBuilder out = new StringBuilder();
        out.append("<p>").append(Html.escape(matched)).append(" matched; showing ")
                .append(Html.escape(features.isEmpty() ? "none" : (offset + 1) + "–" + (offset + features.size())))
                .append(".</p><table><tr><th>id</th><th>名称 Name</th><th>Name (en)</th><th>accuracy</th><th>zone</th><th>geometry</th></tr>");
        for (StoredFeature f : features) {
            out.append("<tr><td><a href=\"").append(Html.escape(OgcLinks.f(links.item(collection, f.id()), "html")))
                    .append("\">").append(Html.escape(f.id())).append("</a></td><td>").append(Html.escape(f.name()))
                    .append("</td><td>").append(Html.escape(f.nameEn())).append("</td><td>").append(Html.escape(f.accuracy()))
                    .append("</td><td>").append(Html.escape(f.zone())).append("</td><td>")
                    .append(Html.escape(f.geometry() == null ? "none" : f.geometry().getGeometryType())).append("</td></tr>");
        }
        return out.append("</table>").toString();
    }
}
