package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The share dialog's QR codes: the SVG, rasterised again, reads back as the link; anything but a link is a 400. */
class QrCodeControllerTests {
    final QrCodeController qr = new QrCodeController();

    @Test
    void theSvgReadsBackAsTheLink() throws Exception {
        String link = "http://localhost:8080/planmap/#lang=en&z=14&c=29.57800,106.44900&f=zone-east&s=p6-c16-s1";
        String svg = qr.qr(link).getBody();
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 ");
        assertThat(decode(svg)).isEqualTo(link);
    }

    @Test
    void onlyHttpLinksOfBoundedLengthAreEncoded() {
        assertThatThrownBy(() -> qr.qr("javascript:alert(1)")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> qr.qr("https://x.org/#" + "a".repeat(QrCodeController.MAX_LENGTH))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.parameter()).isEqualTo("text"));
    }

    /** Draws the SVG's unit squares 4 px each and reads the code with ZXing's decoder. */
    static String decode(String svg) throws Exception {
        int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) \\d+\".*", "$1"));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xffffffff);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xff000000;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
