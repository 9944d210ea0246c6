package org.planmap.geodata;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A source file read whole: its name relative to the geodata folder, its UTF-8 text and its SHA-256. */
record SourceFile(String name, String text, String sha256) {

    static SourceFile read(Path dir, String name) {
        Path path = dir.resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new GeodataException(name, "file is missing (looked in " + dir.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new GeodataException(name, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GeodataException(name, "is not valid UTF-8");
        }
        if (text.isBlank()) throw new GeodataException(name, "is empty");
        try {
            return new SourceFile(name, text, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
