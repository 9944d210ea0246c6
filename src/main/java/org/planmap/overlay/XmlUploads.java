package org.planmap.overlay;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;

/**
 * The StAX side of the KML and GPX readers: a parser that never reads a DTD nor resolves an entity (no XXE, no
 * "billion laughs"), refuses a DOCTYPE outright, and counts element depth against the {@link ReadBudget}; and
 * a tokenizer for KML {@code <coordinates>} text that turns tuples into coordinates as the characters arrive.
 */
final class XmlUploads {
    private static final XMLInputFactory FACTORY = factory();

    private XmlUploads() { }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    static XMLStreamReader open(InputStream in, String formatName) {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw notWellFormed(e, formatName);
        }
    }

    static RuntimeException doctype(String formatName) {
        return UploadProblem.bad("The " + formatName + " file contains a DOCTYPE declaration, which planmap does not accept "
                + "(it can hide external or recursive entities). Remove the <!DOCTYPE …> line.");
    }

    static RuntimeException notWellFormed(XMLStreamException e, String formatName) {
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
        return UploadProblem.bad("The " + formatName + " file is not well-formed XML" + line + ". It may be truncated.");
    }

    /** KML coordinate tuples {@code lon,lat[,alt]} separated by white space, fed in chunks of characters. */
    static final class CoordinateText {
        private static final int MAX_TUPLE = 200;
        private final ReadBudget budget;
        private final String label;
        private final StringBuilder tuple = new StringBuilder();
        private final List<Coordinate> out = new ArrayList<>();

        CoordinateText(ReadBudget budget, String label) {
            this.budget = budget;
            this.label = label;
        }

        void feed(char[] chars, int start, int length) {
            for (int i = start; i < start + length; i++) {
                char c = chars[i];
                if (Character.isWhitespace(c)) {
                    flush();
                } else {
                    if (tuple.length() >= MAX_TUPLE) throw bad(tuple + "…");
                    tuple.append(c);
                }
            }
        }

        Coordinate[] finish() {
            flush();
            if (out.isEmpty()) throw UploadProblem.bad(label + ": <coordinates> is empty.");
            return out.toArray(new Coordinate[0]);
        }

        private void flush() {
            if (tuple.length() == 0) return;
            String t = tuple.toString();
            tuple.setLength(0);
            String[] xyz = t.split(",");
            if (xyz.length < 2) throw bad(t);
            try {
                double x = Double.parseDouble(xyz[0]);
                double y = Double.parseDouble(xyz[1]);
                budget.vertex();
                out.add(new Coordinate(x, y));
            } catch (NumberFormatException e) {
                throw bad(t);
            }
        }

        private RuntimeException bad(String t) {
            return UploadProblem.bad(label + ": '" + t + "' is not a lon,lat coordinate.");
        }
    }
}
