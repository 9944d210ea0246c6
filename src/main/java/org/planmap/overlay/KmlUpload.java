package org.planmap.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonFeatures;

/**
 * Reads KML 2.2 Placemarks (Point, LineString, LinearRing, Polygon with holes, MultiGeometry at any depth up to
 * {@code max-nesting-depth}) with their {@code name}, {@code description} and {@code ExtendedData}, in one
 * StAX pass ({@link XmlUploads}): coordinates are counted as they are read, so an oversized Placemark stops
 * the read at its first vertex too many. KML coordinates are WGS84 lon,lat[,alt] by definition. DOCTYPEs are
 * refused (no XXE, no entity expansion).
 */
final class KmlUpload {
    private static final GeometryFactory GF = GeoJsonFeatures.WGS84;

    private KmlUpload() { }

    static Upload read(UploadSource source, String format, ReadBudget budget) throws IOException {
        TextDecoding.requireText(source, "KML");
        try (InputStream in = source.open()) {
            XMLStreamReader xml = XmlUploads.open(in, "KML");
            try {
                return new Reading(xml, budget).read(format);
            } catch (XMLStreamException e) {
                throw XmlUploads.notWellFormed(e, "KML");
            } finally {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed with the input
                }
            }
        }
    }

    /** One pass over the document: element depth, the Placemark being read, the geometry part being read. */
    private static final class Reading {
        private final XMLStreamReader xml;
        private final ReadBudget budget;
        private final List<UploadedFeature> out = new ArrayList<>();
        private int depth;
        private int placemarks;
        // the current Placemark
        private Map<String, Object> props;
        private List<Geometry> parts;
        private String label;
        private int placemarkDepth;
        // the current leaf geometry
        private String geometry;
        private Coordinate[] shell;
        private final List<LinearRing> holes = new ArrayList<>();
        private boolean inner;
        private XmlUploads.CoordinateText coordinates;
        // text being collected (name, description, Data value, SimpleData)
        private StringBuilder text;
        private String textKey;

        Reading(XMLStreamReader xml, ReadBudget budget) {
            this.xml = xml;
            this.budget = budget;
        }

        Upload read(String format) throws XMLStreamException {
            boolean root = true;
            String dataName = null;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw XmlUploads.doctype("KML");
                    case XMLStreamConstants.START_ELEMENT -> {
                        budget.depth(++depth);
                        String name = xml.getLocalName();
                        if (root) {
                            if (!"kml".equals(name)) throw UploadProblem.bad("The file is XML but not KML: its root element is <" + name + ">.");
                            root = false;
                        }
                        if ("Placemark".equals(name)) {
                            budget.feature();
                            props = new LinkedHashMap<>();
                            parts = new ArrayList<>();
                            label = "Placemark " + ++placemarks;
                            placemarkDepth = depth;
                        } else if (props != null) {
                            dataName = start(name, dataName);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (coordinates != null) {
                            coordinates.feed(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        } else if (text != null) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = xml.getLocalName();
                        if (props != null) {
                            if ("Placemark".equals(name) && depth == placemarkDepth) {
                                endPlacemark();
                            } else {
                                dataName = end(name, dataName);
                            }
                        }
                        depth--;
                    }
                    default -> { }
                }
            }
            if (out.isEmpty()) throw UploadProblem.bad("The KML file contains no Placemark with a geometry.");
            return new Upload(format, out, Crs.CRS84, "KML (always WGS84)", new ArrayList<>());
        }

        private String start(String name, String dataName) {
            switch (name) {
                case "name", "description" -> {
                    if (depth == placemarkDepth + 1) collect(name);
                }
                case "Data" -> dataName = xml.getAttributeValue(null, "name");
                case "value" -> {
                    if (dataName != null) collect(dataName);
                }
                case "SimpleData" -> collect(xml.getAttributeValue(null, "name"));
                case "Point", "LineString", "Polygon" -> {
                    geometry = name;
                    shell = null;
                    holes.clear();
                }
                case "LinearRing" -> {
                    if (!"Polygon".equals(geometry)) {
                        geometry = name;
                        shell = null;
                    }
                }
                case "outerBoundaryIs" -> inner = false;
                case "innerBoundaryIs" -> inner = true;
                case "coordinates" -> {
                    if (geometry != null) coordinates = new XmlUploads.CoordinateText(budget, label);
                }
                default -> { }
            }
            return dataName;
        }

        private String end(String name, String dataName) {
            if (text != null && (name.equals("name") || name.equals("description") || name.equals("value") || name.equals("SimpleData"))) {
                String value = text.toString().trim();
                props.put(textKey, value);
                text = null;
            }
            switch (name) {
                case "Data" -> dataName = null;
                case "coordinates" -> {
                    if (coordinates != null) {
                        Coordinate[] c = coordinates.finish();
                        coordinates = null;
                        coordinatesOf(c);
                    }
                }
                case "Point", "LineString", "Polygon" -> finishGeometry(name);
                case "LinearRing" -> {
                    if ("LinearRing".equals(geometry)) finishGeometry(name);
                }
                default -> { }
            }
            return dataName;
        }

        private void collect(String key) {
            text = new StringBuilder();
            textKey = key == null ? "" : key;
        }

        private void coordinatesOf(Coordinate[] c) {
            switch (geometry) {
                case "Point" -> {
                    if (c.length != 1) throw UploadProblem.bad(label + ": a Point must have exactly one coordinate.");
                    shell = c;
                }
                case "LineString" -> shell = atLeast(c, 2, "a LineString");
                case "LinearRing" -> shell = ring(c);
                case "Polygon" -> {
                    if (inner) holes.add(GF.createLinearRing(ring(c)));
                    else shell = ring(c);
                }
                default -> { }
            }
        }

        private void finishGeometry(String name) {
            if (shell == null) {
                throw UploadProblem.bad(label + ": " + ("Polygon".equals(name) ? "a Polygon has no outerBoundaryIs."
                        : "a geometry has no <coordinates>."));
            }
            parts.add(switch (name) {
                case "Point" -> GF.createPoint(shell[0]);
                case "LineString" -> GF.createLineString(shell);
                case "LinearRing" -> GF.createLinearRing(shell);
                default -> GF.createPolygon(GF.createLinearRing(shell), holes.toArray(new LinearRing[0]));
            });
            geometry = null;
            shell = null;
            holes.clear();
        }

        private void endPlacemark() {
            if (!parts.isEmpty()) {
                Geometry g = parts.size() == 1 ? parts.get(0) : GF.buildGeometry(parts);
                // <name>, else a name-like ExtendedData field (GDAL writes attributes such as 名称 only there)
                out.add(new UploadedFeature(UploadNames.nameOf(props, label), props, g));
            }
            props = null;
            parts = null;
        }

        private Coordinate[] atLeast(Coordinate[] c, int n, String what) {
            if (c.length < n) throw UploadProblem.bad(label + ": " + what + " needs at least " + n + " coordinates.");
            return c;
        }

        private Coordinate[] ring(Coordinate[] c) {
            if (c.length >= 3 && !c[0].equals2D(c[c.length - 1])) {
                Coordinate[] closed = Arrays.copyOf(c, c.length + 1);
                closed[c.length] = c[0].copy();
                c = closed;
            }
            return atLeast(c, 4, "a polygon ring");
        }
    }
}
