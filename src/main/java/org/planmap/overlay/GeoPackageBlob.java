package org.planmap.overlay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A GeoPackage geometry blob (OGC 12-128r18, §2.1.3 "GeoPackageBinary": {@code GP}, version, flags, srs_id,
 * envelope, then ISO WKB) taken apart without building anything: the header is checked, the envelope skipped,
 * and the WKB walked once, iteratively, counting vertices and collection depth against the {@link ReadBudget}
 * and checking every count against the bytes that are left. Only a blob that passes is handed to a geometry
 * reader, so a hostile one costs its size and no more: GeometryCollections nested 100,000 deep (a recursive
 * reader's stack overflow), a ring that claims 2^30 points in 40 bytes, a polygon of a million vertices.
 */
final class GeoPackageBlob {
    private static final int WKB_POINT = 1;
    private static final int WKB_LINESTRING = 2;
    private static final int WKB_POLYGON = 3;
    private static final int WKB_COLLECTION_MAX = 7; // 4 MultiPoint … 7 GeometryCollection
    private static final int EWKB_Z = 0x80000000;
    private static final int EWKB_M = 0x40000000;
    private static final int EWKB_SRID = 0x20000000;

    private GeoPackageBlob() { }

    /**
     * The WKB of {@code blob}, checked; null for no geometry (SQL NULL) or an empty one (the header's flag). Vertices are charged to
     * the current feature of {@code budget}; over a limit it throws the limit's 422, a blob that is not a GeoPackage
     * geometry or whose WKB is cut short or lies about a count a 400.
     */
    static byte[] wkb(byte[] blob, ReadBudget budget) {
        if (blob == null) return null;
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') throw bad("a geometry is not a GeoPackage geometry blob");
        int flags = blob[3] & 0xff;
        if ((flags & 0x20) != 0) throw bad("a geometry uses an extended (non-standard) GeoPackage geometry type");
        int envelope = switch ((flags >> 1) & 0x07) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw bad("a geometry blob has an invalid envelope code");
        };
        if ((flags & 0x10) != 0) return null;
        int start = 8 + envelope;
        if (start > blob.length) throw bad("a geometry blob is cut short");
        scan(ByteBuffer.wrap(blob, start, blob.length - start), budget);
        return Arrays.copyOfRange(blob, start, blob.length);
    }

    /** Walks one WKB geometry from the buffer's position: collections on an explicit stack, never by recursion. */
    private static void scan(ByteBuffer b, ReadBudget budget) {
        Deque<int[]> open = new ArrayDeque<>(); // members still to read of each open collection
        int[] root = {1};
        open.push(root);
        while (!open.isEmpty()) {
            int[] top = open.peek();
            if (top[0] == 0) {
                open.pop();
                continue;
            }
            top[0]--;
            need(b, 5);
            b.order(b.get() == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int type = b.getInt();
            int ordinates = 2;
            if ((type & EWKB_Z) != 0) ordinates++;
            if ((type & EWKB_M) != 0) ordinates++;
            if ((type & EWKB_SRID) != 0) {
                need(b, 4);
                b.getInt();
            }
            type &= 0x0fffffff;
            int base = type % 1000;
            int iso = type / 1000; // ISO 13249: 1000 Z, 2000 M, 3000 ZM
            if (iso == 1 || iso == 2) ordinates++;
            if (iso == 3) ordinates += 2;
            if (iso > 3 || ordinates > 4) throw bad("a geometry has an unknown WKB type " + type);
            int coordinateBytes = 8 * ordinates;
            switch (base) {
                case WKB_POINT -> {
                    need(b, coordinateBytes);
                    b.position(b.position() + coordinateBytes);
                    budget.vertex();
                }
                case WKB_LINESTRING -> points(b, coordinateBytes, budget);
                case WKB_POLYGON -> {
                    int rings = count(b, 4);
                    for (int i = 0; i < rings; i++) points(b, coordinateBytes, budget);
                }
                default -> {
                    if (base < 4 || base > WKB_COLLECTION_MAX) throw bad("a geometry has an unknown WKB type " + type);
                    int members = count(b, 5); // each member is at least a byte order and a type
                    open.push(new int[] {members});
                    budget.depth(open.size() - 1);
                }
            }
        }
    }

    /** A point count and the points: the count is checked against the bytes left before any is charged. */
    private static void points(ByteBuffer b, int coordinateBytes, ReadBudget budget) {
        int n = count(b, coordinateBytes);
        budget.vertices(n);
        b.position(b.position() + n * coordinateBytes);
    }

    /** A WKB count (unsigned 32 bits) that the remaining bytes can hold at {@code minBytes} per item. */
    private static int count(ByteBuffer b, int minBytes) {
        need(b, 4);
        long n = Integer.toUnsignedLong(b.getInt());
        if (n * minBytes > b.remaining()) throw bad("a geometry says it has " + n + " parts or points but is " + b.remaining()
                + " bytes long");
        return (int) n;
    }

    private static void need(ByteBuffer b, int bytes) {
        if (b.remaining() < bytes) throw bad("a geometry blob is cut short");
    }

    private static org.planmap.system.ApiException bad(String what) {
        return UploadProblem.bad("The GeoPackage cannot be read: " + what + ".");
    }
}
