package org.planmap.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojects JTS geometries with proj4j, in traditional x/y order (x = longitude or easting). Axis swapping
 * for authority order is a separate, explicit step ({@link #swapXY}) so no caller gets it by accident.
 * CGCS2000 and WGS84 are treated as identical datums (they differ by centimetres), which is what proj4j does.
 */
public final class CrsTransform {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    /** Parsed CRSs by proj4 name: createFromName reads the EPSG registry file each time. The CRS objects are immutable;
     * transforms (which carry scratch state) are still created per call. */
    private static final Map<String, CoordinateReferenceSystem> PARSED = new ConcurrentHashMap<>();

    private CrsTransform() { }

    private static CoordinateReferenceSystem crs(Crs c) {
        return PARSED.computeIfAbsent(c.proj4Name(), CRS_FACTORY::createFromName);
    }

    /** A new geometry in {@code to}; the input is not changed. Same CRS → a copy. */
    public static Geometry transform(Geometry g, Crs from, Crs to) {
        Geometry copy = g.copy();
        if (from.proj4Name().equals(to.proj4Name())) return copy;
        CoordinateTransform t = TRANSFORMS.createTransform(crs(from), crs(to));
        copy.apply(new CoordinateSequenceFilter() {
            private final ProjCoordinate in = new ProjCoordinate();
            private final ProjCoordinate out = new ProjCoordinate();

            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                t.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() { return false; }

            @Override
            public boolean isGeometryChanged() { return true; }
        });
        copy.geometryChanged();
        copy.setSRID(to.epsg() == 0 ? 4326 : to.epsg());
        return copy;
    }

    /**
     * WGS84 lon/lat → {@code to}, in the CRS's authority axis order (lat/lon for EPSG:4326 and 4490,
     * northing/easting for the CGCS2000 Gauss–Krüger CRSs).
     */
    public static Geometry toAuthorityOrder(Geometry wgs84, Crs to) {
        Geometry g = transform(wgs84, Crs.CRS84, to);
        return to.northFirst() ? swapXY(g) : g;
    }

    /** Swaps x and y of every coordinate (a copy). */
    public static Geometry swapXY(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                seq.setOrdinate(i, 0, seq.getY(i));
                seq.setOrdinate(i, 1, x);
            }

            @Override
            public boolean isDone() { return false; }

            @Override
            public boolean isGeometryChanged() { return true; }
        });
        copy.geometryChanged();
        return copy;
    }
}
