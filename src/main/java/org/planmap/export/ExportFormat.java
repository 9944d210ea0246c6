package org.planmap.export;

import java.util.Locale;
import org.planmap.system.ApiException;

/** The download formats, with their media type and file extension. */
enum ExportFormat {
    GEOJSON("application/geo+json", "geojson"),
    GPKG("application/geopackage+sqlite3", "gpkg"),
    KML("application/vnd.google-earth.kml+xml", "kml"),
    CSV("text/csv;charset=UTF-8", "csv"),
    SHP("application/zip", "zip");

    final String mediaType;
    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static ExportFormat parse(String text) {
        if (text == null || text.isBlank()) return GEOJSON;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "geojson", "json" -> GEOJSON;
            case "gpkg", "geopackage" -> GPKG;
            case "kml" -> KML;
            case "csv" -> CSV;
            case "shp", "shapefile", "zip" -> SHP;
            default -> throw ApiException.badParameter("format", text, "use geojson, gpkg, kml, csv or shp");
        };
    }
}
