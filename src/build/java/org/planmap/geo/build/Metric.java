package org.planmap.geo.build;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Metric helpers: WGS84 ↔ UTM zone 48N (EPSG:32648, proj4j) for buffers in metres and areas in km²,
 * and the output grid (1e-6°, RFC 7946 "6 decimals") on which every overlay is computed so that
 * results are valid once written.
 */
final class Metric {

    /** Output grid: 6 decimals of a degree (~0.1 m). */
    static final PrecisionModel GRID = new PrecisionModel(1e6);
    static final GeometryFactory GF = new GeometryFactory(GRID, 4326);

    private static final CoordinateTransform TO_UTM;
    private static final CoordinateTransform TO_WGS;

    static {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem wgs = crs.createFromName("EPSG:4326");
        CoordinateReferenceSystem utm = crs.createFromName("EPSG:32648");
        CoordinateTransformFactory f = new CoordinateTransformFactory();
        TO_UTM = f.createTransform(wgs, utm);
        TO_WGS = f.createTransform(utm, wgs);
    }

    private Metric() {
    }

    static Geometry toUtm(Geometry g) {
        return transform(g, TO_UTM);
    }

    static Geometry toWgs(Geometry g) {
        return transform(g, TO_WGS);
    }

    /** Area in km² in UTM 48N. */
    static double areaKm2(Geometry wgs) {
        return toUtm(wgs).getArea() / 1e6;
    }

    /** Buffer by metres (computed in UTM 48N), returned on the output grid. */
    static Geometry buffer(Geometry wgs, double metres) {
        Geometry b = toUtm(wgs).buffer(metres, 16);
        return snap(toWgs(b));
    }

    static Geometry snap(Geometry g) {
        return GeometryPrecisionReducer.reduce(g, GRID);
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, GRID);
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, GRID);
    }

    static Geometry union(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.UNION, GRID);
    }

    private static Geometry transform(Geometry g, CoordinateTransform t) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                ProjCoordinate out = new ProjCoordinate();
                t.transform(new ProjCoordinate(seq.getX(i), seq.getY(i)), out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
