package org.planmap.ogcapi;

import java.util.List;
import tools.jackson.core.JsonGenerator;

/** An OGC / RFC 8288 link as JSON: {@code href}, {@code rel}, {@code type}, {@code title}. */
record Link(String href, String rel, String type, String title) {
    /**
     * The links as a JSON array, written straight onto the generator (members in this order, a null one left out,
     * as the app's mapper would write them) without a trip through data binding on every feature request.
     */
    static void writeArray(JsonGenerator gen, List<Link> links) {
        gen.writeStartArray();
        for (Link l : links) {
            gen.writeStartObject();
            if (l.href() != null) gen.writeStringProperty("href", l.href());
            if (l.rel() != null) gen.writeStringProperty("rel", l.rel());
            if (l.type() != null) gen.writeStringProperty("type", l.type());
            if (l.title() != null) gen.writeStringProperty("title", l.title());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }
}
