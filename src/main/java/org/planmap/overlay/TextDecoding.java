package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of uploaded text: strict UTF-8 (BOM removed), GBK as the fallback Chinese desktop software uses. */
final class TextDecoding {
    static final Charset GBK = Charset.forName("GBK");

    private TextDecoding() { }

    /** True if the bytes look like binary data rather than text (a NUL byte in the first 8 KB). */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
        return false;
    }

    /** Strict UTF-8 or null. */
    static String utf8OrNull(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Text of a format that must be UTF-8 (GeoJSON, KML, GPX, WKT). */
    static String requireUtf8(byte[] bytes, String formatName) {
        if (looksBinary(bytes)) {
            throw UploadProblem.bad("The file is not " + formatName + " text: it contains binary data. "
                    + "Check that the file extension matches the content.");
        }
        String text = utf8OrNull(bytes);
        if (text == null) throw UploadProblem.bad("The " + formatName + " file is not valid UTF-8 text; save it as UTF-8 and upload it again.");
        if (text.isBlank()) throw UploadProblem.bad("The file is empty: it contains only white space.");
        return text;
    }

    /** UTF-8 if the bytes are valid UTF-8, else GBK; {@code used[0]} receives the charset name. */
    static String utf8OrGbk(byte[] bytes, String[] used) {
        String text = utf8OrNull(bytes);
        if (text != null) {
            used[0] = "UTF-8";
            return text;
        }
        used[0] = "GBK";
        return new String(bytes, GBK);
    }

    /**
     * Re-decodes a string that was read byte-for-byte as ISO-8859-1 in {@code charset}; with a null charset
     * tries strict UTF-8 first, then GBK.
     */
    static String redecode(String latin1, Charset charset, String[] used) {
        if (latin1 == null) return null;
        byte[] raw = latin1.getBytes(StandardCharsets.ISO_8859_1);
        if (charset != null) return new String(raw, charset).trim();
        return utf8OrGbk(raw, used).trim();
    }

    /**
     * Refuses, from a look at the file's first bytes, what cannot be text of {@code formatName}: binary data
     * (a NUL byte in the first 8 KB) and files of nothing but white space.
     */
    static void requireText(UploadSource source, String formatName) throws IOException {
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(8192);
            if (looksBinary(head)) {
                throw UploadProblem.bad("The file is not " + formatName + " text: it contains binary data. "
                        + "Check that the file extension matches the content.");
            }
            int b;
            int i = 0;
            while (true) {
                b = i < head.length ? head[i++] & 0xff : in.read();
                if (b < 0) throw UploadProblem.bad("The file is empty: it contains only white space.");
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) return;
            }
        }
    }

    /** True if the whole file decodes as strict UTF-8; reads it in 64 KB chunks and keeps nothing. */
    static boolean isUtf8(UploadSource source) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024 + 8);
        CharBuffer chars = CharBuffer.allocate(64 * 1024 + 8);
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = source.open()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                bytes.put(chunk, 0, n).flip();
                CoderResult r = decoder.decode(bytes, chars, false);
                if (r.isError()) return false;
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult r = decoder.decode(bytes, chars, true);
            return !r.isError() && !decoder.flush(chars).isError() && !bytes.hasRemaining();
        }
    }
}
