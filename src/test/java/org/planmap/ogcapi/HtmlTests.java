package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The OGC HTML pages (one Mustache template, {@link HtmlPages}) write every text from data or the request as text:
 * markup and both quotes come out escaped in element content and in attribute values, in every block of the page.
 */
class HtmlTests {
    static final String HOSTILE = "<img src=x onerror=\"alert(1)\" data-x='y'>&";
    static final String ESCAPED = "&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot; data-x&#x3D;&#39;y&#39;&gt;&amp;";

    final HtmlPages pages = HtmlPages.standalone();
    final OgcLinks links = OgcLinks.of(new MockHttpServletRequest("GET", "/ogcapi"));

    List<Link> hostileLinks() {
        return List.of(new Link("http://localhost/ogcapi?x=\"><script>alert(1)</script>", "self", "text/html", HOSTILE));
    }

    static void assertNoRawMarkup(String html) {
        assertThat(html).doesNotContain("<img", "<script", "onerror=\"", "data-x='").contains(ESCAPED);
        assertThat(html).contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void everyBlockEscapesMarkupAndBothQuotes() {
        StoredFeature f = new StoredFeature(HOSTILE, "zones", HOSTILE, HOSTILE, HOSTILE, HOSTILE, null,
                Map.of("name", HOSTILE), GeoJsonFeatures.WGS84.createPoint(new Coordinate(106.45, 29.58)));
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", HOSTILE);
        collection.put("title", HOSTILE);
        collection.put("titleEn", HOSTILE);
        collection.put("description", HOSTILE);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(HOSTILE, HOSTILE);
        row.put("list", List.of(HOSTILE));
        List<Map<String, Object>> blocks = List.of(HtmlPages.paragraph(HOSTILE), HtmlPages.codes(List.of(HOSTILE)),
                HtmlPages.collections(List.of(collection), links), HtmlPages.table(row),
                HtmlPages.items(List.of(f), "zones", links, 1, 0),
                HtmlPages.operations(HOSTILE, List.of(new HtmlPages.Operation(HOSTILE, HOSTILE, HOSTILE, HOSTILE))));
        for (Map<String, Object> block : blocks) {
            String html = pages.page(links, HOSTILE, hostileLinks(), block);
            assertNoRawMarkup(html);
            assertThat(html).as(block.keySet().toString()).startsWith("<!DOCTYPE html>").contains("<title>" + ESCAPED + "</title>");
        }
    }

    @Test
    void idsInLinksArePercentEncodedAndChineseStaysReadable() {
        StoredFeature f = new StoredFeature("a\"b c", "zones", "磁器口古镇", "Ciqikou", "surveyed", "zone-east", null, Map.of(),
                GeoJsonFeatures.WGS84.createPoint(new Coordinate(106.45, 29.58)));
        String html = pages.page(links, "磁器口古镇", List.of(), HtmlPages.items(List.of(f), "zones", links, 7, 3));
        assertThat(html).contains("/ogcapi/collections/zones/items/a%22b%20c?f&#x3D;html", "磁器口古镇", "7 matched; showing 4–4.");
    }

    @Test
    void theTemplateWritesNothingUnescaped() throws Exception {
        String template = new String(new org.springframework.core.io.ClassPathResource(HtmlPages.TEMPLATE).getInputStream()
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(template).doesNotContain("{{{", "{{&", "{{=");
    }

    @Test
    void aBlockThatIsNotThereIsNotDrawn() {
        String html = pages.page(links, "Conformance", List.of(), HtmlPages.paragraph("only this"));
        assertThat(html).contains("<p>only this</p>").doesNotContain("<table", "<code>");
    }
}
