package org.planmap.overlay;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.h2gis.api.EmptyProgressVisitor;
import org.h2gis.functions.io.shp.SHPDriverFunction;
import org.planmap.geo.Crs;
import org.planmap.system.ApiException;

/**
 * Reads the Shapefiles of an unzipped upload with the H2GIS Shapefile driver ({@code SHPRead}) into a
 * {@link ScratchDatabase}. Attributes are imported byte-for-byte (ISO-8859-1) and decoded here: with the
 * charset named in the {@code .cpg} when there is one, else as UTF-8 when every value is valid UTF-8, else as
 * GBK (what Chinese desktop GIS writes). The CRS comes from the {@code .prj} ({@link PrjCrs}); several
 * Shapefiles in one zip must share it.
 */
final class ShapefileUpload {
    private ShapefileUpload() { }

    static Upload read(List<Path> shpFiles) {
        List<UploadedFeature> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Crs crs = null;
        String crsFile = null;
        boolean anyPrj = false;
        boolean missingPrj = false;
        int n = 0;
        for (Path shp : shpFiles) {
            String base = shp.getFileName().toString().replaceAll("(?i)\\.shp$", "");
            Path dbf = sibling(shp, base, "dbf").orElseThrow(() -> UploadProblem.bad("The Shapefile '" + base
                    + ".shp' has no .dbf file (its attribute table). Zip the .shp, .shx, .dbf and .prj together."));
            sibling(shp, base, "shx").orElseThrow(() -> UploadProblem.bad("The Shapefile '" + base
                    + ".shp' has no .shx file (its index). Zip the .shp, .shx, .dbf and .prj together."));
            Optional<Path> prj = sibling(shp, base, "prj");
            Crs fileCrs = null;
            if (prj.isPresent()) {
                anyPrj = true;
                String wkt = readSmall(prj.get());
                fileCrs = PrjCrs.match(wkt).orElseThrow(() -> UploadProblem.crs("The .prj of '" + base + "' describes '"
                        + PrjCrs.name(wkt) + "', a coordinate system planmap does not support. Reproject to WGS84, "
                        + "CGCS2000 (EPSG:4490) or a CGCS2000 Gauss–Krüger zone, or choose the CRS in the form.", PrjCrs.name(wkt)));
                if (crs != null && !crs.equals(fileCrs)) {
                    throw UploadProblem.crs("The zip mixes coordinate systems: '" + crsFile + "' is " + crs.titleEn() + " but '"
                            + base + "' is " + fileCrs.titleEn() + ". Upload Shapefiles in one coordinate system at a time.", null);
                }
                crs = fileCrs;
                crsFile = base;
            } else {
                missingPrj = true;
            }
            Charset cpg = sibling(shp, base, "cpg").map(p -> charset(readSmall(p).trim())).orElse(null);
            List<ScratchDatabase.Row> rows;
            try (ScratchDatabase db = new ScratchDatabase()) {
                new SHPDriverFunction().importFile(db.connection, "SHP", shp.toFile(), "ISO-8859-1", true, new EmptyProgressVisitor());
                rows = db.rows("SHP");
            } catch (IOException | java.sql.SQLException | RuntimeException e) {
                if (e instanceof ApiException api) throw api;
                throw UploadProblem.bad("The Shapefile '" + base + "' cannot be read: its .shp, .shx or .dbf is damaged or truncated.");
            }
            String[] used = {cpg == null ? null : cpg.name()};
            Charset charset = cpg != null ? cpg : allUtf8(rows) ? StandardCharsets.UTF_8 : TextDecoding.GBK;
            notes.add("Shapefile '" + base + "': attributes read as " + charset.name()
                    + (cpg != null ? " (from its .cpg)" : charset == StandardCharsets.UTF_8 ? " (no .cpg; the text is valid UTF-8)"
                    : " (no .cpg; the text is not UTF-8, so GBK was used)") + ".");
            List<String> fieldNames = fieldNames(dbf, charset);
            for (ScratchDatabase.Row row : rows) {
                n++;
                if (row.geometry() == null) continue;
                Map<String, Object> props = new LinkedHashMap<>();
                List<Object> values = new ArrayList<>(row.values().values());
                // H2GIS adds a PK column first; H2 upper-cases the column names, so names come from the .dbf header
                int offset = values.size() - fieldNames.size();
                for (int i = 0; i < fieldNames.size(); i++) {
                    Object v = values.get(i + offset);
                    props.put(fieldNames.get(i), v instanceof String s ? TextDecoding.redecode(s, charset, used) : v);
                }
                out.add(new UploadedFeature(UploadNames.nameOf(props, base + " " + n), props, row.geometry()));
            }
        }
        if (anyPrj && missingPrj) {
            throw UploadProblem.crs("Some Shapefiles in the zip have a .prj and some do not, so their coordinate systems may differ. "
                    + "Add the missing .prj files.", null);
        }
        if (out.isEmpty()) throw UploadProblem.bad("The Shapefile contains no shapes.");
        return new Upload("shapefile", out, crs, crs == null ? null : ".prj", notes);
    }

    private static List<String> fieldNames(Path dbf, Charset charset) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dbf)) {
            org.h2gis.functions.io.dbf.internal.DbaseFileHeader header = new org.h2gis.functions.io.dbf.internal.DbaseFileHeader();
            header.readHeader(ch, "ISO-8859-1");
            List<String> names = new ArrayList<>();
            String[] used = new String[1];
            for (int i = 0; i < header.getNumFields(); i++) names.add(TextDecoding.redecode(header.getFieldName(i), charset, used));
            return names;
        } catch (IOException e) {
            throw UploadProblem.bad("The .dbf of the Shapefile is damaged and its attribute names cannot be read.");
        }
    }

    private static boolean allUtf8(List<ScratchDatabase.Row> rows) {
        for (ScratchDatabase.Row row : rows) {
            for (Map.Entry<String, Object> e : row.values().entrySet()) {
                if (e.getValue() instanceof String s && TextDecoding.utf8OrNull(s.getBytes(StandardCharsets.ISO_8859_1)) == null) return false;
            }
        }
        return true;
    }

    static Charset charset(String cpg) {
        String c = cpg.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (c) {
            case "UTF8", "65001", "UTF8BOM" -> StandardCharsets.UTF_8;
            case "GBK", "936", "CP936", "GB2312", "ANSI936" -> TextDecoding.GBK;
            case "GB18030" -> Charset.forName("GB18030");
            default -> {
                try {
                    yield Charset.forName(cpg.trim());
                } catch (RuntimeException e) {
                    yield null;
                }
            }
        };
    }

    private static Optional<Path> sibling(Path shp, String base, String ext) {
        try (var files = Files.list(shp.getParent())) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readSmall(Path p) {
        try {
            byte[] bytes = Files.readAllBytes(p);
            String s = TextDecoding.utf8OrNull(bytes);
            return s == null ? new String(bytes, StandardCharsets.ISO_8859_1) : s;
        } catch (IOException e) {
            throw UploadProblem.bad("The file '" + p.getFileName() + "' cannot be read.");
        }
    }
}
