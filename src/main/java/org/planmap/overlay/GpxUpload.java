package org.planmap.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2gis.api.EmptyProgressVisitor;
import org.h2gis.functions.io.gpx.GPXDriverFunction;
import org.planmap.geo.Crs;

/** Reads GPX waypoints, routes and tracks with the H2GIS GPX driver ({@code GPXRead}). GPX is WGS84 by definition. */
final class GpxUpload {
    private GpxUpload() { }

    static Upload read(byte[] bytes, Path workDir) {
        String text = TextDecoding.requireUtf8(bytes, "GPX");
        if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
            throw UploadProblem.bad("The GPX file contains a DOCTYPE declaration, which planmap does not accept "
                    + "(it can hide external or recursive entities). Remove the <!DOCTYPE …> line.");
        }
        KmlUpload.XmlSafety.parse(bytes, "GPX"); // well-formedness first, with a clear message
        List<UploadedFeature> out = new ArrayList<>();
        try (ScratchDatabase db = new ScratchDatabase()) {
            Path file = workDir.resolve("upload.gpx");
            Files.write(file, bytes);
            new GPXDriverFunction().importFile(db.connection, "UPLOAD", file.toFile(), true, new EmptyProgressVisitor());
            for (String table : db.tables()) {
                String kind = table.endsWith("_WAYPOINT") ? "waypoint" : table.endsWith("_ROUTE") ? "route"
                        : table.endsWith("_TRACK") ? "track" : null;
                if (kind == null) continue;
                int i = 0;
                for (ScratchDatabase.Row row : db.rows(table)) {
                    i++;
                    if (row.geometry() == null || row.geometry().isEmpty()) continue;
                    Map<String, Object> props = new LinkedHashMap<>();
                    row.values().forEach((k, v) -> {
                        if (v != null && !k.equalsIgnoreCase("ID")) props.put(k.toLowerCase(), v.toString());
                    });
                    props.put("gpxType", kind);
                    out.add(new UploadedFeature(UploadNames.nameOf(props, kind + " " + i), props, row.geometry()));
                }
            }
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            if (e instanceof org.planmap.system.ApiException api) throw api;
            throw UploadProblem.bad("The GPX file cannot be read: it is not valid GPX 1.0/1.1.");
        }
        if (out.isEmpty()) throw UploadProblem.bad("The GPX file contains no waypoint, route or track.");
        return new Upload("gpx", out, Crs.CRS84, "GPX (always WGS84)", new ArrayList<>());
    }
}
