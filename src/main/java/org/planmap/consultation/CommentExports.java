package org.planmap.consultation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.export.ExportFeature;
import org.planmap.export.ExportWriters;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonWriter;
import org.planmap.system.ApiException;
import org.planmap.system.Csv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads of a consultation's published comments as CSV, GeoJSON and GeoPackage (WGS84). Built from
 * {@link #attributes} only, which holds no personal data: no contact, no client hash, no moderation notes. A comment
 * on plan text has no geometry (GeoJSON {@code null}, GeoPackage NULL, CSV empty {@code wkt}).
 */
@RestController
class CommentExports {
    private final ConsultationRepository consultations;
    private final CommentRepository comments;
    private final JsonMapper json;

    CommentExports(ConsultationRepository consultations, CommentRepository comments, JsonMapper json) {
        this.consultations = consultations;
        this.comments = comments;
        this.json = json;
    }

    static final List<String> COLUMNS = List.of("id", "consultation", "created_at", "published_at", "topic", "question", "text",
            "anchor", "anchor_ref", "zone", "areas", "section", "agree_count");

    static Map<String, Object> attributes(Comment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("consultation", c.consultationId());
        m.put("created_at", c.createdAt().toString());
        m.put("published_at", c.publishedAt() == null ? null : c.publishedAt().toString());
        m.put("topic", Comment.lower(c.topic()));
        m.put("question", c.questionNo());
        m.put("text", c.text());
        m.put("anchor", Comment.lower(c.anchorKind()));
        m.put("anchor_ref", c.anchorRef());
        m.put("zone", c.zone());
        m.put("areas", String.join(";", c.areaIds()));
        m.put("section", c.sectionId());
        m.put("agree_count", c.agreeCount());
        return m;
    }

    @GetMapping("/api/consultations/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "geojson") String format) throws Exception {
        Consultation c = consultations.find(id).orElseThrow(() -> ApiException.notFound("Consultation", id));
        List<Comment> published = comments.published(c.id());
        String base = "consultation-" + c.id() + "-comments";
        return switch (format) {
            case "csv" -> file(csv(published), "text/csv;charset=UTF-8", base + ".csv");
            case "geojson" -> file(geojson(published), "application/geo+json", base + ".geojson");
            case "gpkg" -> file(ExportWriters.gpkg(published.stream().map(x -> new ExportFeature(x.id(), attributes(x), x.geometry())).toList(),
                    Crs.CRS84, "comments"), "application/geopackage+sqlite3", base + ".gpkg");
            default -> throw ApiException.badParameter("format", format, "one of csv, geojson, gpkg");
        };
    }

    private static byte[] csv(List<Comment> published) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(COLUMNS);
        header.add("wkt");
        out.append(Csv.row(header));
        for (Comment c : published) {
            Map<String, Object> a = attributes(c);
            List<Object> row = new ArrayList<>();
            row.add(c.id());
            for (String col : COLUMNS.subList(1, COLUMNS.size())) row.add(a.get(col));
            row.add(c.geometry() == null ? null : c.geometry().toText());
            out.append(Csv.row(row));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] geojson(List<Comment> published) {
        return GeoJsonWriter.bytes(json, published.size() * 400 + 64, gen -> {
            GeoJsonWriter.startCollection(gen);
            gen.writeName("features");
            gen.writeStartArray();
            for (Comment c : published) {
                GeoJsonWriter.WGS84.startFeature(gen, c.id(), c.geometry());
                GeoJsonWriter.properties(gen, attributes(c));
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
