package org.planmap.overlay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded files into {@link Upload}s: picks the reader by file extension, checks the content really is
 * that format, and unpacks zips and KMZs safely (entry count and uncompressed size capped while reading, names
 * reduced to their last path segment, nothing written outside a private temporary folder that is removed
 * afterwards). Every failure is an {@link ApiException} with a sentence a planner can act on.
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
    public record Part(String filename, byte[] bytes) { }

    public Upload read(List<Part> parts) {
        if (parts.isEmpty()) throw UploadProblem.bad("No file was uploaded. Choose a file: " + SUPPORTED + ".");
        long total = 0;
        for (Part p : parts) total += p.bytes().length;
        if (total > limits.maxUploadBytes()) {
            throw UploadProblem.tooLarge("The upload is " + total + " bytes, more than allowed", "max-upload-bytes", limits.maxUploadBytes());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("planmap-upload-");
            if (parts.size() == 1) return readOne(parts.get(0).filename(), parts.get(0).bytes(), dir);
            for (Part p : parts) {
                if (p.bytes().length == 0) throw UploadProblem.bad("The file '" + p.filename() + "' is empty (0 bytes).");
                Files.write(dir.resolve(safeName(p.filename())), p.bytes());
            }
            return readFolder(dir, "the uploaded files");
        } catch (IOException e) {
            throw UploadProblem.bad("The upload could not be stored for reading.");
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private Upload readOne(String filename, byte[] bytes, Path dir) throws IOException {
        String name = filename == null || filename.isBlank() ? "upload" : filename;
        if (bytes.length == 0) throw UploadProblem.bad("The file '" + name + "' is empty (0 bytes).");
        String ext = extension(name);
        return switch (ext) {
            case "geojson", "json" -> new GeoJsonUpload(limits.maxJsonDepth()).read(TextDecoding.requireUtf8(bytes, "GeoJSON"));
            case "kml" -> KmlUpload.read(bytes, "kml");
            case "gpx" -> GpxUpload.read(bytes, dir);
            case "csv", "txt", "tsv" -> CsvUpload.read(bytes, limits.maxFeatures());
            case "wkt" -> WktUpload.read(TextDecoding.requireUtf8(bytes, "WKT"), limits.maxFeatures());
            case "gpkg" -> {
                if (!startsWith(bytes, "SQLite format 3\0")) {
                    throw UploadProblem.bad("The file '" + name + "' is not a GeoPackage: a GeoPackage is an SQLite database, "
                            + "and this file does not start like one.");
                }
                Path file = dir.resolve("upload.gpkg");
                Files.write(file, bytes);
                yield GeoPackageUpload.read(file, limits.maxFeatures());
            }
            case "zip", "kmz" -> {
                requireZip(bytes, name);
                Path unzipped = Files.createDirectory(dir.resolve("unzipped"));
                unzip(bytes, unzipped, name);
                if (ext.equals("kmz")) {
                    Path kml = findByExtension(unzipped, "kml").stream().findFirst().orElseThrow(() ->
                            UploadProblem.bad("The KMZ '" + name + "' contains no .kml document."));
                    yield KmlUpload.read(Files.readAllBytes(kml), "kmz");
                }
                yield readFolder(unzipped, "the zip '" + name + "'");
            }
            case "shp", "shx", "dbf", "prj", "cpg", "sbn", "sbx" -> throw UploadProblem.bad("A Shapefile is several files: "
                    + "zip the .shp, .shx, .dbf and .prj (and .cpg if there is one) together and upload the .zip.");
            default -> throw UploadProblem.bad("planmap cannot read '" + (ext.isEmpty() ? name : "." + ext) + "' files. Upload "
                    + SUPPORTED + ".");
        };
    }

    /** The dataset in an unzipped folder: Shapefiles, or exactly one file of another supported format. */
    private Upload readFolder(Path folder, String what) throws IOException {
        List<Path> shp = findByExtension(folder, "shp");
        if (!shp.isEmpty()) {
            checkFeatureCount(shp.size());
            Upload u = ShapefileUpload.read(shp);
            checkFeatureCount(u.features().size());
            return u;
        }
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
        return readOne(only.getFileName().toString(), Files.readAllBytes(only), sub);
    }

    private void checkFeatureCount(int n) {
        if (n > limits.maxFeatures()) {
            throw UploadProblem.limit("The upload has " + n + " features, more than allowed", "max-features", limits.maxFeatures());
        }
    }

    private static void requireZip(byte[] bytes, String name) {
        if (startsWith(bytes, "PK\5\6")) throw UploadProblem.bad("The zip '" + name + "' is empty: it contains no files.");
        if (!startsWith(bytes, "PK\3\4")) {
            throw UploadProblem.bad("The file '" + name + "' is not a zip archive although its name ends in ." + extension(name) + ".");
        }
    }

    /** Streams the zip, counting entries and real uncompressed bytes; stops at the configured limits. */
    private void unzip(byte[] bytes, Path target, String name) throws IOException {
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw UploadProblem.limit("The zip '" + name + "' has more than " + limits.maxZipEntries() + " entries",
                            "max-zip-entries", limits.maxZipEntries());
                }
                String entryName = e.getName().replace('\\', '/');
                if (e.isDirectory() || entryName.startsWith("__MACOSX/") || entryName.contains("/._")) continue;
                String base = safeName(entryName);
                if (base.isEmpty() || base.startsWith(".")) continue;
                Path out = target.resolve(base);
                if (Files.exists(out)) throw UploadProblem.bad("The zip '" + name + "' holds two files named '" + base + "' in different folders; keep one.");
                try (OutputStream os = Files.newOutputStream(out)) {
                    int n;
                    while ((n = zip.read(buffer)) > 0) {
                        total += n;
                        if (total > limits.maxZipUncompressedBytes()) {
                            throw UploadProblem.tooLarge("The zip '" + name + "' unpacks to more bytes than allowed",
                                    "max-zip-uncompressed-bytes", limits.maxZipUncompressedBytes());
                        }
                        os.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException | java.io.EOFException ex) {
            throw UploadProblem.bad("The zip '" + name + "' is damaged or truncated and cannot be unpacked. Zip the files again and upload the new zip.");
        } catch (IllegalArgumentException ex) {
            throw UploadProblem.bad("The zip '" + name + "' has file names in an encoding that cannot be read; zip it again with UTF-8 names.");
        }
        if (entries == 0) throw UploadProblem.bad("The zip '" + name + "' is empty or damaged: it contains no files.");
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

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (bytes[i] != (byte) magic.charAt(i)) return false;
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
