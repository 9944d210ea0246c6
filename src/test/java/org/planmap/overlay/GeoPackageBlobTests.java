package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;

/** GeoPackage geometry blobs taken apart before any geometry is built: what passes, and each way a blob is refused. */
class GeoPackageBlobTests {

    /** A budget for one feature of at most {@code maxVertices} vertices (other limits: the defaults, depth 32). */
    static ReadBudget budget(int maxVertices) {
        ReadBudget b = new ReadBudget(new OverlayProperties(null, null, maxVertices, null, null, null, null, null, null, null, null, null,
                null, null));
        b.feature();
        return b;
    }

    /** The GeoPackage header (little-endian, srs_id 4326) with an envelope of {@code envelopeCode}, then the WKB. */
    static byte[] blob(int envelopeCode, byte[] wkb) {
        int envelope = new int[] {0, 32, 48, 48, 64}[envelopeCode];
        return ByteBuffer.allocate(8 + envelope + wkb.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'G').put((byte) 'P')
                .put((byte) 0).put((byte) (1 | envelopeCode << 1)).putInt(4326).put(new byte[envelope]).put(wkb).array();
    }

    static byte[] wkb(String wkt) throws Exception {
        return new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN).write(new WKTReader().read(wkt));
    }

    static ApiException refusal(byte[] blob, ReadBudget budget) {
        try {
            GeoPackageBlob.wkb(blob, budget);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theWkbAfterTheEnvelopeIsHandedOnAndEveryVertexCharged() throws Exception {
        String wkt = "MULTIPOLYGON (((106.4 29.5, 106.5 29.5, 106.5 29.6, 106.4 29.5)), ((106.6 29.5, 106.7 29.5, 106.7 29.6, 106.6 29.5),"
                + " (106.62 29.52, 106.68 29.52, 106.68 29.55, 106.62 29.52)))";
        for (int envelope = 0; envelope <= 4; envelope++) {
            byte[] out = GeoPackageBlob.wkb(blob(envelope, wkb(wkt)), budget(12));
            assertThat(new WKBReader().read(out).toText()).as("envelope code " + envelope).isEqualTo(wkt);
        }
        ApiException over = refusal(blob(1, wkb(wkt)), budget(11));
        assertThat(over.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(over.limit()).isEqualTo("planmap.overlay.max-vertices");
    }

    @Test
    void isoZAndMCoordinatesAreCountedWithTheirWidth() {
        // LINESTRING ZM (ISO type 3002), three points of four ordinates: 32 bytes each
        ByteBuffer b = ByteBuffer.allocate(9 + 3 * 32).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(3002).putInt(3);
        for (int i = 0; i < 3; i++) b.putDouble(106.4 + i * 0.01).putDouble(29.5).putDouble(200).putDouble(i);
        assertThat(GeoPackageBlob.wkb(blob(0, b.array()), budget(3))).hasSize(9 + 96);
        assertThat(refusal(blob(0, b.array()), budget(2)).limit()).isEqualTo("planmap.overlay.max-vertices");
        // the same points read as 2D would leave bytes over, read as 3 points of 16: no complaint, but 4D must be right
        ByteBuffer cut = ByteBuffer.allocate(9 + 3 * 24).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(3002).putInt(3);
        assertThat(refusal(blob(0, cut.array()), budget(10)).status()).as("ZM points in the room of Z points").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anEmptyOrMissingGeometryIsNoGeometry() {
        byte[] empty = blob(0, new byte[0]);
        empty[3] |= 0x10;
        assertThat(GeoPackageBlob.wkb(empty, budget(1))).isNull();
        assertThat(GeoPackageBlob.wkb(null, budget(1))).isNull();
    }

    @Test
    void collectionsNestedPastTheLimitAreRefusedWithoutRecursion() throws Exception {
        ApiException deep = refusal(blob(0, nested(100_000)), budget(10));
        assertThat(deep.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(deep.limit()).isEqualTo("planmap.overlay.max-nesting-depth");
        assertThat(GeoPackageBlob.wkb(blob(0, nested(32)), budget(10))).as("32 levels: the limit itself").isNotNull();
        assertThat(refusal(blob(0, nested(33)), budget(10)).limit()).isEqualTo("planmap.overlay.max-nesting-depth");
    }

    /** GEOMETRYCOLLECTION (GEOMETRYCOLLECTION (… POINT (106.45 29.58))), {@code depth} collections. */
    static byte[] nested(int depth) {
        ByteBuffer b = ByteBuffer.allocate(9 * depth + 21).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < depth; i++) b.put((byte) 1).putInt(7).putInt(1);
        return b.put((byte) 1).putInt(1).putDouble(106.45).putDouble(29.58).array();
    }

    @Test
    void aCountLargerThanTheBlobIsABadFileNotAnAllocation() {
        ByteBuffer line = ByteBuffer.allocate(9 + 32).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(2).putInt(1 << 30)
                .putDouble(106.45).putDouble(29.58).putDouble(106.46).putDouble(29.59);
        ApiException liar = refusal(blob(0, line.array()), budget(10));
        assertThat(liar.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(liar.getMessage()).contains("1073741824");
        ByteBuffer collection = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(7).putInt(-1);
        assertThat(refusal(blob(0, collection.array()), budget(10)).status()).as("2^32 - 1 members").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whatIsNotAGeoPackageGeometryIsABadFile() throws Exception {
        byte[] point = wkb("POINT (106.45 29.58)");
        assertThat(refusal(point, budget(1)).status()).as("bare WKB").isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] extended = blob(0, point);
        extended[3] |= 0x20;
        assertThat(refusal(extended, budget(1)).status()).as("extended type").isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] badEnvelope = blob(0, point);
        badEnvelope[3] |= 5 << 1;
        assertThat(refusal(badEnvelope, budget(1)).status()).as("envelope code 5").isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] cut = blob(0, point);
        assertThat(refusal(java.util.Arrays.copyOf(cut, cut.length - 1), budget(1)).status()).as("cut short").isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] unknown = blob(0, point);
        unknown[9] = 17;
        assertThat(refusal(unknown, budget(1)).status()).as("WKB type 17").isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
