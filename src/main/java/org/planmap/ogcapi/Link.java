package org.planmap.ogcapi;

/** An OGC / RFC 8288 link as JSON: {@code href}, {@code rel}, {@code type}, {@code title}. */
record Link(String href, String rel, String type, String title) {
}
