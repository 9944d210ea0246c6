package org.planmap.system;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * QR codes of share links for the share dialog ({@code GET /api/qr?text=<link>}), made with ZXing and answered as
 * SVG (scales to any size, prints sharp). Only http(s) links up to {@value #MAX_LENGTH} characters are encoded:
 * this is not a general QR service. Error correction M (15 %), a 4-module quiet zone as ISO/IEC 18004 asks.
 */
@RestController
class QrCodeController {
    static final int MAX_LENGTH = 2000;
    private static final int QUIET_ZONE = 4;

    @GetMapping(value = "/api/qr", produces = "image/svg+xml")
    ResponseEntity<String> qr(@RequestParam String text) {
        if (text.length() > MAX_LENGTH) {
            throw ApiException.badParameter("text", text.substring(0, 40) + "…", "longer than " + MAX_LENGTH + " characters");
        }
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            throw ApiException.badParameter("text", text, "only http(s) links are encoded");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "This link cannot be encoded as a QR code: " + e.getMessage(), "text", null);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(svg(matrix));
    }

    /** One path of unit squares, one per dark module, on a white square with the quiet zone around. */
    static String svg(BitMatrix m) {
        int size = m.getWidth() + 2 * QUIET_ZONE;
        StringBuilder d = new StringBuilder(m.getWidth() * m.getHeight() * 3);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    d.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + d + "\"/></svg>";
    }
}
