package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded files into {@link Upload}s: picks the reader by file extension, checks the content really is
 * that format, unpacks zips and KMZs ({@link ZipUnpacker}), and hands each reader a stream and the upload's
 * {@link ReadBudget}, so every limit of {@link OverlayProperties} is enforced while reading. Nothing is written
 * outside a private temporary folder that is removed afterwards. Every failure is an {@link ApiException} with
 * a sentence a planner can act on.
 */
@Component
public class UploadReader {
    static final String SUPPORTED = "GeoJSON (.geojson, .json), KML (.kml), KMZ (.kmz), GPX (.gpx), a zipped Shapefile "
            + "(.zip with .shp, .shx, .dbf and .prj), GeoPackage (.gpkg), CSV (.csv) or WKT (.wkt)";
    private final OverlayProperties limits;

    public UploadReader(OverlayProperties limits) {
        this.limits = limits;
    }

    /** One uploaded file or several parts of one dataset (e.g. .shp + .shx + .dbf + .prj sent separately). */
    public record Part(String filename, UploadSource source) {
        public Part(String filename, byte[] bytes) {
            this(filename, UploadSource.of(bytes));
        }
    }

    public Upload read(List<Part> parts) {
        if (parts.isEmpty()) throw UploadProblem.bad("No file was uploaded. Choose a file: " + SUPPORTED + ".");
        long total = 0;
        for (Part p : parts) total += p.source().size();
        if (total > limits.maxUploadBytes()) {
            throw UploadProblem.tooLarge("The upload is " + total + " bytes, more than allowed", "上传文件有 " + total + " 字节，超过上限",
                    "max-upload-bytes", limits.maxUploadBytes());
        }
        ReadBudget budget = new ReadBudget(limits);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("planmap-upload-");
            if (parts.size() == 1) return readOne(parts.get(0).filename(), parts.get(0).source(), dir, budget);
            for (Part p : parts) {
                if (p.source().size() == 0) throw UploadProblem.bad("The file '" + p.filename() + "' is empty (0 bytes).");
                try (InputStream in = p.source().open()) {
                    Files.copy(in, dir.resolve(safeName(p.filename())));
                }
            }
            return readFolder(dir, "the uploaded files", budget);
        } catch (IOException e) {
            throw UploadProblem.bad("The upload could not be stored for reading.");
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private Upload readOne(String filename, UploadSource source, Path dir, ReadBudget budget) throws IOException {
        String name = filename == null || filename.isBlank() ? "upload" : filename;
        if (source.size() == 0) throw UploadProblem.bad("The file '" + name + "' is empty (0 bytes).");
        String ext = extension(name);
        return switch (ext) {
            case "geojson", "json" -> {
                TextDecoding.requireText(source, "GeoJSON");
                try (InputStream in = source.open()) {
                    yield new GeoJsonUpload(limits.maxNestingDepth()).read(in, budget);
                }
            }
            case "kml" -> KmlUpload.read(source, "kml", budget);
            case "gpx" -> GpxUpload.read(source, budget);
            case "csv", "txt", "tsv" -> CsvUpload.read(source, budget);
            case "wkt" -> {
                TextDecoding.requireText(source, "WKT");
                byte[] bytes;
                try (InputStream in = source.open()) {
                    bytes = in.readAllBytes(); // at most max-upload-bytes or max-zip-entry-bytes
                }
                yield WktUpload.read(TextDecoding.requireUtf8(bytes, "WKT"), budget);
            }
            case "gpkg" -> {
                if (!startsWith(source, "SQLite format 3\0")) {
                    throw UploadProblem.bad("The file '" + name + "' is not a GeoPackage: a GeoPackage is an SQLite database, "
                            + "and this file does not start like one.");
                }
                Path file = dir.resolve("upload-" + System.nanoTime() + ".gpkg");
                try (InputStream in = source.open()) {
                    Files.copy(in, file);
                }
                yield GeoPackageUpload.read(file, budget);
            }
            case "zip", "kmz" -> {
                requireZip(source, name);
                Path unzipped = Files.createDirectory(dir.resolve("unzipped"));
                new ZipUnpacker(limits).unpack(source, unzipped, name);
                if (ext.equals("kmz")) {
                    Path kml = findByExtension(unzipped, "kml").stream().findFirst().orElseThrow(() ->
                            UploadProblem.bad("The KMZ '" + name + "' contains no .kml document."));
                    yield KmlUpload.read(UploadSource.of(kml), "kmz", budget);
                }
                yield readFolder(unzipped, "the zip '" + name + "'", budget);
            }
            case "shp", "shx", "dbf", "prj", "cpg", "sbn", "sbx" -> throw UploadProblem.bad("A Shapefile is several files: "
                    + "zip the .shp, .shx, .dbf and .prj (and .cpg if there is one) together and upload the .zip.");
            default -> throw UploadProblem.bad("planmap cannot read '" + (ext.isEmpty() ? name : "." + ext) + "' files. Upload "
                    + SUPPORTED + ".");
        };
    }

    /** The dataset in an unzipped folder: Shapefiles, or exactly one file of another supported format. */
    private Upload readFolder(Path folder, String what, ReadBudget budget) throws IOException {
        List<Path> shp = findByExtension(folder, "shp");
        if (!shp.isEmpty()) return ShapefileUpload.read(shp, budget);
        List<Path> dbf = findByExtension(folder, "dbf");
        if (!dbf.isEmpty()) {
            throw UploadProblem.bad(what + " has a .dbf but no .shp: the shapes themselves are missing. Zip the .shp, .shx, .dbf and .prj together.");
        }
        List<Path> others = new ArrayList<>();
        for (String ext : List.of("geojson", "json", "kml", "gpx", "gpkg", "csv", "wkt")) others.addAll(findByExtension(folder, ext));
        if (others.isEmpty()) throw UploadProblem.bad(what + " contains no file planmap can read. Expected " + SUPPORTED + ".");
        if (others.size() > 1) throw UploadProblem.bad(what + " contains several datasets (" + others.stream()
                .map(p -> p.getFileName().toString()).toList() + "); upload one at a time.");
        Path only = others.get(0);
        Path sub = Files.createDirectory(folder.resolve("nested-" + System.nanoTime()));
        return readOne(only.getFileName().toString(), UploadSource.of(only), sub, budget);
    }

    private static void requireZip(UploadSource source, String name) throws IOException {
        if (startsWith(source, "PK\5\6")) throw UploadProblem.bad("The zip '" + name + "' is empty: it contains no files.");
        if (!startsWith(source, "PK\3\4")) {
            throw UploadProblem.bad("The file '" + name + "' is not a zip archive although its name ends in ." + extension(name) + ".");
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The last path segment only, without characters file systems dislike. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.replaceAll("[\\x00-\\x1f:*?\"<>|]", "_");
    }

    private static List<Path> findByExtension(Path folder, String ext) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && extension(p.getFileName().toString()).equals(ext)).sorted().toList();
        }
    }

    private static boolean startsWith(UploadSource source, String magic) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(magic.length());
        }
        if (head.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (head[i] != (byte) magic.charAt(i)) return false;
        return true;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the folder is private and temporary
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }

}
