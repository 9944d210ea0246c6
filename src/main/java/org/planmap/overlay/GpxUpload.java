package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonFeatures;

/**
 * Reads GPX 1.0/1.1 waypoints (points), routes (lines) and tracks (a line per segment) in one StAX pass
 * ({@link XmlUploads}), counting features and points against the {@link ReadBudget} as they are read. GPX is
 * WGS84 by definition. Each feature keeps its {@code name}, {@code desc} and {@code gpxType}.
 */
final class GpxUpload {
    private static final GeometryFactory GF = GeoJsonFeatures.WGS84;

    private GpxUpload() { }

    static Upload read(UploadSource source, ReadBudget budget) throws IOException {
        TextDecoding.requireText(source, "GPX");
        List<UploadedFeature> out = new ArrayList<>();
        try (InputStream in = source.open()) {
            XMLStreamReader xml = XmlUploads.open(in, "GPX");
            int depth = 0;
            boolean root = true;
            String kind = null;
            int featureDepth = 0;
            Map<String, Object> props = null;
            List<Coordinate> points = new ArrayList<>();
            List<LineString> segments = new ArrayList<>();
            StringBuilder text = null;
            int n = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) throw XmlUploads.doctype("GPX");
                if (event == XMLStreamConstants.START_ELEMENT) {
                    budget.depth(++depth);
                    String name = xml.getLocalName();
                    if (root) {
                        if (!"gpx".equals(name)) throw UploadProblem.bad("The file is XML but not GPX: its root element is <" + name + ">.");
                        root = false;
                    }
                    if (kind == null && (name.equals("wpt") || name.equals("rte") || name.equals("trk"))) {
                        budget.feature();
                        kind = name.equals("wpt") ? "waypoint" : name.equals("rte") ? "route" : "track";
                        featureDepth = depth;
                        props = new LinkedHashMap<>();
                        points.clear();
                        segments.clear();
                    }
                    if (kind != null && (name.equals("wpt") || name.equals("rtept") || name.equals("trkpt"))) {
                        points.add(point(xml, kind + " " + (n + 1)));
                        budget.vertex();
                    }
                    if (kind != null && depth == featureDepth + 1 && (name.equals("name") || name.equals("desc"))) {
                        text = new StringBuilder();
                    }
                } else if (text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (text != null && (name.equals("name") || name.equals("desc"))) {
                        props.put(name, text.toString().trim());
                        text = null;
                    }
                    if (kind != null && name.equals("trkseg")) {
                        if (points.size() >= 2) segments.add(GF.createLineString(points.toArray(new Coordinate[0])));
                        points.clear();
                    }
                    if (kind != null && depth == featureDepth) {
                        Geometry g = geometry(kind, points, segments);
                        if (g != null) {
                            props.put("gpxType", kind);
                            n++;
                            out.add(new UploadedFeature(UploadNames.nameOf(props, kind + " " + n), props, g));
                        }
                        kind = null;
                    }
                    depth--;
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw XmlUploads.notWellFormed(e, "GPX");
        }
        if (out.isEmpty()) throw UploadProblem.bad("The GPX file contains no waypoint, route or track.");
        return new Upload("gpx", out, Crs.CRS84, "GPX (always WGS84)", new ArrayList<>());
    }

    private static Geometry geometry(String kind, List<Coordinate> points, List<LineString> segments) {
        return switch (kind) {
            case "waypoint" -> points.isEmpty() ? null : GF.createPoint(points.get(0));
            case "route" -> points.size() < 2 ? null : GF.createLineString(points.toArray(new Coordinate[0]));
            default -> segments.isEmpty() ? null : segments.size() == 1 ? segments.get(0)
                    : GF.createMultiLineString(segments.toArray(new LineString[0]));
        };
    }

    private static Coordinate point(XMLStreamReader xml, String label) {
        String lat = xml.getAttributeValue(null, "lat");
        String lon = xml.getAttributeValue(null, "lon");
        try {
            return new Coordinate(Double.parseDouble(lon.trim()), Double.parseDouble(lat.trim()));
        } catch (RuntimeException e) {
            throw UploadProblem.bad("The GPX " + label + " has a point without numeric lat and lon attributes.");
        }
    }
}
