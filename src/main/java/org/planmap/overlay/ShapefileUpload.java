package org.planmap.overlay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
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
import org.h2.value.Value;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Crs;
import org.planmap.system.ApiException;

/**
 * Reads the Shapefiles of an unzipped upload record by record with H2GIS's Shapefile and dBase readers: the
 * {@code .shx} gives each record's offset, the record's own point count is charged to the {@link ReadBudget}
 * before its geometry is built, and a record beyond {@code max-features} is never read. Attributes are read
 * byte-for-byte (ISO-8859-1) and decoded here: with the charset named in the {@code .cpg} when there is one,
 * else as UTF-8 when every value is valid UTF-8, else as GBK (what Chinese desktop GIS writes). The CRS comes
 * from the {@code .prj} ({@link PrjCrs}); several Shapefiles in one zip must share it.
 */
final class ShapefileUpload {
    private ShapefileUpload() { }

    static Upload read(List<Path> shpFiles, ReadBudget budget) {
        List<UploadedFeature> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Crs crs = null;
        String crsFile = null;
        boolean anyPrj = false;
        boolean missingPrj = false;
        for (Path shp : shpFiles) {
            String base = shp.getFileName().toString().replaceAll("(?i)\\.shp$", "");
            Path dbf = sibling(shp, base, "dbf").orElseThrow(() -> UploadProblem.bad("The Shapefile '" + base
                    + ".shp' has no .dbf file (its attribute table). Zip the .shp, .shx, .dbf and .prj together."));
            Path shx = sibling(shp, base, "shx").orElseThrow(() -> UploadProblem.bad("The Shapefile '" + base
                    + ".shp' has no .shx file (its index). Zip the .shp, .shx, .dbf and .prj together."));
            Optional<Path> prj = sibling(shp, base, "prj");
            if (prj.isPresent()) {
                anyPrj = true;
                String wkt = readSmall(prj.get());
                Crs fileCrs = PrjCrs.match(wkt).orElseThrow(() -> UploadProblem.crs("The .prj of '" + base + "' describes '"
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
            try {
                readOne(shp, shx, dbf, base, cpg, budget, out, notes);
            } catch (ApiException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw UploadProblem.bad("The Shapefile '" + base + "' cannot be read: its .shp, .shx or .dbf is damaged or truncated.");
            }
        }
        if (anyPrj && missingPrj) {
            throw UploadProblem.crs("Some Shapefiles in the zip have a .prj and some do not, so their coordinate systems may differ. "
                    + "Add the missing .prj files.", null);
        }
        if (out.isEmpty()) throw UploadProblem.bad("The Shapefile contains no shapes.");
        return new Upload("shapefile", out, crs, crs == null ? null : ".prj", notes);
    }

    private static void readOne(Path shp, Path shx, Path dbf, String base, Charset cpg, ReadBudget budget,
                                List<UploadedFeature> out, List<String> notes) throws IOException {
        try (FileChannel shpChannel = FileChannel.open(shp); FileChannel shxChannel = FileChannel.open(shx);
             FileChannel dbfChannel = FileChannel.open(dbf)) {
            long declared = (shxChannel.size() - 100) / 8; // the .shx is a 100-byte header and 8 bytes a record
            if (declared > budget.limits().maxFeatures()) {
                budget.features(declared); // refuses before the index is loaded
            }
            ShapefileReader shapes = new ShapefileReader(shpChannel);
            IndexFile index = new IndexFile(shxChannel);
            DbaseFileReader table = new DbaseFileReader(dbfChannel, "ISO-8859-1");
            int records = index.getRecordCount();
            int readable = Math.min(records, budget.limits().maxFeatures() + 1);
            if (table.getRecordCount() < readable) {
                throw UploadProblem.bad("The Shapefile '" + base + "' has " + records + " shapes but its .dbf only "
                        + table.getRecordCount() + " rows: the files do not belong together or one is truncated.");
            }
            List<String> rawNames = new ArrayList<>();
            for (int i = 0; i < table.getHeader().getNumFields(); i++) rawNames.add(table.getHeader().getFieldName(i));
            Charset charset = cpg != null ? cpg : allUtf8(table, readable) ? StandardCharsets.UTF_8 : TextDecoding.GBK;
            notes.add("Shapefile '" + base + "': attributes read as " + charset.name()
                    + (cpg != null ? " (from its .cpg)" : charset == StandardCharsets.UTF_8 ? " (no .cpg; the text is valid UTF-8)"
                    : " (no .cpg; the text is not UTF-8, so GBK was used)") + ".");
            String[] used = {charset.name()};
            List<String> names = rawNames.stream().map(n -> TextDecoding.redecode(n, charset, used)).toList();
            ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int row = 0; row < records; row++) {
                budget.feature();
                int offset = index.getOffset(row);
                budget.vertices(pointCount(shpChannel, offset, header));
                Geometry g = shapes.geomAt(offset);
                if (g == null || g.isEmpty()) continue;
                Map<String, Object> props = new LinkedHashMap<>();
                for (int col = 0; col < names.size(); col++) {
                    Object v = value(table.getFieldValue(row, col));
                    props.put(names.get(col), v instanceof String s ? TextDecoding.redecode(s, charset, used) : v);
                }
                out.add(new UploadedFeature(UploadNames.nameOf(props, base + " " + (row + 1)), props, g));
            }
        }
    }

    /**
     * The point count a record declares, read from its header before any point is (ESRI Shapefile spec, tables
     * 4–8). The counts must fit in the file: a record that claims more parts or points than the bytes that
     * follow it would make the reader allocate arrays for them, so it is refused as damaged.
     */
    private static long pointCount(FileChannel shp, int offset, ByteBuffer four) throws IOException {
        long start = offset + 8L;
        int type = intAt(shp, start, four);
        long parts = 0;
        long points = switch (type) {
            case 0 -> 0;
            case 1, 11, 21 -> 1;
            case 8, 18, 28 -> intAt(shp, start + 36, four);
            case 3, 5, 13, 15, 23, 25, 31 -> {
                parts = intAt(shp, start + 36, four);
                yield intAt(shp, start + 40, four);
            }
            default -> throw UploadProblem.bad("The Shapefile has a record of unknown shape type " + type
                    + ": its .shp is damaged or not a Shapefile.");
        };
        if (parts > points || start + 44 + 4 * parts + 16 * points > shp.size()) {
            throw new IOException("a record declares more parts or points than the .shp holds");
        }
        return points;
    }

    private static int intAt(FileChannel ch, long position, ByteBuffer four) throws IOException {
        four.clear();
        while (four.hasRemaining()) {
            if (ch.read(four, position + four.position()) < 0) throw new IOException("truncated .shp");
        }
        four.flip();
        int n = four.getInt();
        if (n < 0) throw new IOException("negative count in .shp");
        return n;
    }

    private static Object value(Value v) {
        if (v == null || v.getValueType() == Value.NULL) return null;
        return switch (v.getValueType()) {
            case Value.BOOLEAN -> v.getBoolean();
            case Value.TINYINT, Value.SMALLINT, Value.INTEGER -> v.getInt();
            case Value.BIGINT -> v.getLong();
            case Value.REAL, Value.DOUBLE -> v.getDouble();
            case Value.NUMERIC, Value.DECFLOAT -> v.getBigDecimal();
            default -> v.getString();
        };
    }

    private static boolean allUtf8(DbaseFileReader table, int rows) throws IOException {
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < table.getFieldCount(); col++) {
                Object v = value(table.getFieldValue(row, col));
                if (v instanceof String s && TextDecoding.utf8OrNull(s.getBytes(StandardCharsets.ISO_8859_1)) == null) return false;
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
            if (Files.size(p) > 64 * 1024) throw UploadProblem.bad("The file '" + p.getFileName() + "' is too large for what it holds.");
            byte[] bytes = Files.readAllBytes(p);
            String s = TextDecoding.utf8OrNull(bytes);
            return s == null ? new String(bytes, StandardCharsets.ISO_8859_1) : s;
        } catch (IOException e) {
            throw UploadProblem.bad("The file '" + p.getFileName() + "' cannot be read.");
        }
    }
}
