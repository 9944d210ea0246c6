package org.planmap.overlay;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonFeatures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Reads KML 2.2 Placemarks (Point, LineString, LinearRing, Polygon with holes, MultiGeometry) with their
 * {@code name} and {@code ExtendedData}. H2GIS can write KML but has no reader, hence this small DOM reader.
 * KML coordinates are WGS84 lon,lat[,alt] by definition. DOCTYPEs are refused (no XXE, no entity expansion).
 */
final class KmlUpload {
    private static final GeometryFactory GF = GeoJsonFeatures.WGS84;

    private KmlUpload() { }

    static Upload read(byte[] bytes, String format) {
        TextDecoding.requireUtf8(bytes, "KML");
        Document doc = XmlSafety.parse(bytes, "KML");
        Element root = doc.getDocumentElement();
        if (!"kml".equals(local(root))) throw UploadProblem.bad("The file is XML but not KML: its root element is <" + local(root) + ">.");
        List<UploadedFeature> out = new ArrayList<>();
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            String label = "Placemark " + (i + 1);
            Map<String, Object> props = new LinkedHashMap<>();
            String name = childText(pm, "name");
            if (name != null) props.put("name", name);
            String description = childText(pm, "description");
            if (description != null) props.put("description", description);
            for (Element data : descendants(pm, "Data")) {
                props.put(data.getAttribute("name"), childText(data, "value"));
            }
            for (Element data : descendants(pm, "SimpleData")) props.put(data.getAttribute("name"), data.getTextContent().trim());
            List<Geometry> parts = new ArrayList<>();
            for (Node n = pm.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) collect(e, parts, label);
            }
            if (parts.isEmpty()) continue;
            Geometry g = parts.size() == 1 ? parts.get(0) : GF.buildGeometry(parts);
            // <name>, else a name-like ExtendedData field (GDAL writes attributes such as 名称 only there)
            out.add(new UploadedFeature(UploadNames.nameOf(props, label), props, g));
        }
        if (out.isEmpty()) throw UploadProblem.bad("The KML file contains no Placemark with a geometry.");
        return new Upload(format, out, Crs.CRS84, "KML (always WGS84)", new ArrayList<>());
    }

    private static void collect(Element e, List<Geometry> parts, String label) {
        switch (local(e)) {
            case "Point" -> parts.add(GF.createPoint(single(coords(e, label), label)));
            case "LineString" -> parts.add(GF.createLineString(atLeast(coords(e, label), 2, label, "a LineString")));
            case "LinearRing" -> parts.add(GF.createLinearRing(ring(coords(e, label), label)));
            case "Polygon" -> {
                Element outer = first(e, "outerBoundaryIs");
                if (outer == null) throw UploadProblem.bad(label + ": a Polygon has no outerBoundaryIs.");
                LinearRing shell = GF.createLinearRing(ring(coords(outer, label), label));
                List<LinearRing> holes = new ArrayList<>();
                for (Element inner : descendants(e, "innerBoundaryIs")) holes.add(GF.createLinearRing(ring(coords(inner, label), label)));
                parts.add(GF.createPolygon(shell, holes.toArray(new LinearRing[0])));
            }
            case "MultiGeometry" -> {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) collect(child, parts, label);
                }
            }
            default -> { }
        }
    }

    private static Coordinate[] coords(Element e, String label) {
        Element c = first(e, "coordinates");
        if (c == null) throw UploadProblem.bad(label + ": a geometry has no <coordinates>.");
        String text = c.getTextContent().trim();
        if (text.isEmpty()) throw UploadProblem.bad(label + ": <coordinates> is empty.");
        List<Coordinate> out = new ArrayList<>();
        for (String tuple : text.split("\\s+")) {
            String[] xyz = tuple.split(",");
            if (xyz.length < 2) throw UploadProblem.bad(label + ": '" + tuple + "' is not a lon,lat coordinate.");
            try {
                out.add(new Coordinate(Double.parseDouble(xyz[0]), Double.parseDouble(xyz[1])));
            } catch (NumberFormatException ex) {
                throw UploadProblem.bad(label + ": '" + tuple + "' is not a lon,lat coordinate.");
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    private static Coordinate single(Coordinate[] c, String label) {
        if (c.length != 1) throw UploadProblem.bad(label + ": a Point must have exactly one coordinate.");
        return c[0];
    }

    private static Coordinate[] atLeast(Coordinate[] c, int n, String label, String what) {
        if (c.length < n) throw UploadProblem.bad(label + ": " + what + " needs at least " + n + " coordinates.");
        return c;
    }

    private static Coordinate[] ring(Coordinate[] c, String label) {
        if (c.length >= 3 && !c[0].equals2D(c[c.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(c, c.length + 1);
            closed[c.length] = c[0].copy();
            c = closed;
        }
        return atLeast(c, 4, label, "a polygon ring");
    }

    static String local(Node n) {
        return n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
    }

    private static Element first(Element e, String localName) {
        NodeList list = e.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static List<Element> descendants(Element e, String localName) {
        NodeList list = e.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    private static String childText(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(local(c))) return c.getTextContent().trim();
        }
        return null;
    }

    /** Namespace-aware DOM parsing with DOCTYPEs and external entities switched off. */
    static final class XmlSafety {
        private XmlSafety() { }

        static Document parse(byte[] bytes, String formatName) {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setXIncludeAware(false);
                f.setExpandEntityReferences(false);
                var builder = f.newDocumentBuilder();
                builder.setErrorHandler(null);
                return builder.parse(new ByteArrayInputStream(bytes));
            } catch (SAXParseException e) {
                if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                    throw UploadProblem.bad("The " + formatName + " file contains a DOCTYPE declaration, which planmap does not accept "
                            + "(it can hide external or recursive entities). Remove the <!DOCTYPE …> line.");
                }
                throw UploadProblem.bad("The " + formatName + " file is not well-formed XML (line " + e.getLineNumber()
                        + "). It may be truncated.");
            } catch (Exception e) {
                throw UploadProblem.bad("The " + formatName + " file cannot be read as XML.");
            }
        }
    }
}
