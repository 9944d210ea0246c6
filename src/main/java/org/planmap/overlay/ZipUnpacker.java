package org.planmap.overlay;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded zip or KMZ into a private folder, with every limit checked on the bytes actually
 * inflated (the sizes a zip declares can lie): entries, bytes of one entry, bytes of all entries, and the
 * compression ratio of each entry once it has produced more than {@link #RATIO_GRACE_BYTES}. Names are reduced
 * to their last path segment, so nothing is written outside the folder ("zip slip"); nested zips are not
 * opened.
 */
final class ZipUnpacker {
    /** Below this many inflated bytes an entry may have any ratio (a small, very repetitive file is harmless). */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;
    private final OverlayProperties limits;

    ZipUnpacker(OverlayProperties limits) {
        this.limits = limits;
    }

    void unpack(UploadSource zip, Path target, String name) throws IOException {
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (CountingInputStream raw = new CountingInputStream(zip.open()); ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw UploadProblem.limit("The zip '" + name + "' has more than " + limits.maxZipEntries() + " entries",
                            "压缩包 '" + name + "' 的条目超过 " + limits.maxZipEntries() + " 个", "max-zip-entries", limits.maxZipEntries());
                }
                String entryName = e.getName().replace('\\', '/');
                if (e.isDirectory() || entryName.startsWith("__MACOSX/") || entryName.contains("/._")) continue;
                String base = UploadReader.safeName(entryName);
                if (base.isEmpty() || base.startsWith(".")) continue;
                Path out = target.resolve(base);
                if (Files.exists(out)) throw UploadProblem.bad("The zip '" + name + "' holds two files named '" + base + "' in different folders; keep one.");
                long compressedStart = raw.count();
                long entryBytes = 0;
                try (OutputStream os = Files.newOutputStream(out)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        entryBytes += n;
                        total += n;
                        if (entryBytes > limits.maxZipEntryBytes()) {
                            throw UploadProblem.tooLarge("The file '" + base + "' in the zip '" + name + "' unpacks to more bytes than allowed",
                                    "压缩包 '" + name + "' 中的文件 '" + base + "' 解压后超过上限", "max-zip-entry-bytes", limits.maxZipEntryBytes());
                        }
                        if (total > limits.maxZipUncompressedBytes()) {
                            throw UploadProblem.tooLarge("The zip '" + name + "' unpacks to more bytes than allowed",
                                    "压缩包 '" + name + "' 解压后超过上限", "max-zip-uncompressed-bytes", limits.maxZipUncompressedBytes());
                        }
                        long compressed = Math.max(1, raw.count() - compressedStart);
                        if (entryBytes > RATIO_GRACE_BYTES && entryBytes / compressed > limits.maxCompressionRatio()) {
                            throw UploadProblem.tooLarge("The file '" + base + "' in the zip '" + name + "' is compressed more than "
                                            + limits.maxCompressionRatio() + " to 1, as zip bombs are",
                                    "压缩包 '" + name + "' 中的文件 '" + base + "' 压缩比超过 " + limits.maxCompressionRatio() + ":1（疑似压缩炸弹）",
                                    "max-compression-ratio", limits.maxCompressionRatio());
                        }
                        os.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException | EOFException ex) {
            throw UploadProblem.bad("The zip '" + name + "' is damaged or truncated and cannot be unpacked. Zip the files again and upload the new zip.");
        } catch (IllegalArgumentException ex) {
            throw UploadProblem.bad("The zip '" + name + "' has file names in an encoding that cannot be read; zip it again with UTF-8 names.");
        }
        if (entries == 0) throw UploadProblem.bad("The zip '" + name + "' is empty or damaged: it contains no files.");
    }

    /** Bytes read from the compressed stream so far (the inflater reads ahead a little: a ratio is a slight underestimate). */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
