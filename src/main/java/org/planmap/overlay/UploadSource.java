package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes of one uploaded file that can be opened more than once (a reader may take a first pass to choose the
 * text encoding): a multipart part Tomcat keeps on disk, a file unpacked from a zip, or a request body already
 * bounded in size. Nothing here loads the whole file into memory.
 */
interface UploadSource {
    InputStream open() throws IOException;

    long size();

    static UploadSource of(Path file) throws IOException {
        long size = Files.size(file);
        return new UploadSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    static UploadSource of(byte[] bytes) {
        return new UploadSource() {
            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(bytes);
            }

            @Override
            public long size() {
                return bytes.length;
            }
        };
    }
}
