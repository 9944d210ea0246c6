package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Malformed requests, sent raw (bad encodings reach the server as written): each gets a 4xx
 * {@code application/problem+json} with a {@code detail}, naming the parameter where there is one, and none
 * changes the stored data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcApiBadInputIntegrationTests extends OgcApiTestBase {
    static final String ITEMS = "/ogcapi/collections/project-sites/items";
    static final String ITEM = ITEMS + "/site-col-1-item-1";

    @Autowired
    JdbcTemplate jdbc;
    private String before;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("bbox with letters", ITEMS + "?bbox=a,b,c,d", 400, "bbox"),
                bad("bbox with NaN", ITEMS + "?bbox=NaN,29.5,106.5,29.6", 400, "bbox"),
                bad("bbox with Infinity", ITEMS + "?bbox=-Infinity,29.5,106.5,29.6", 400, "bbox"),
                bad("bbox with hex float", ITEMS + "?bbox=0x1p3,29.5,106.5,29.6", 400, "bbox"),
                bad("bbox eastings inverted (EPSG:3857)", ITEMS + "?bbox=11851000,3447000,11850000,3448000&bbox-crs=EPSG:3857", 400, "bbox"),
                bad("bbox latitudes inverted", ITEMS + "?bbox=106.4,29.6,106.5,29.5", 400, "bbox"),
                bad("bbox longitude above 180", ITEMS + "?bbox=100,29,181,30", 400, "bbox"),
                bad("bbox latitude above 90 in EPSG:4326 order", ITEMS + "?bbox=29,100,91,110&bbox-crs=EPSG:4326", 400, "bbox"),
                bad("bbox 3D with the bottom above the top", ITEMS + "?bbox=106.4,29.5,100,106.5,29.6,0", 400, "bbox"),
                bad("bbox with 5 numbers", ITEMS + "?bbox=106.4,29.5,0,106.5,29.6", 400, "bbox"),
                bad("bbox across the antimeridian with a longitude above 180", ITEMS + "?bbox=177,65,-181,70", 400, "bbox"),
                bad("bbox with 3 numbers", ITEMS + "?bbox=106.4,29.5,106.5", 400, "bbox"),
                bad("bbox empty", ITEMS + "?bbox=", 400, "bbox"),
                bad("bbox outside Web Mercator", ITEMS + "?bbox=0,0,30000000,1&bbox-crs=EPSG:3857", 400, "bbox"),
                bad("huge limit", ITEMS + "?limit=99999999999999999999", 400, "limit"),
                bad("limit zero", ITEMS + "?limit=0", 400, "limit"),
                bad("negative limit", ITEMS + "?limit=-1", 400, "limit"),
                bad("decimal limit", ITEMS + "?limit=1.5", 400, "limit"),
                bad("negative offset", ITEMS + "?offset=-5", 400, "offset"),
                bad("offset beyond 32 bits", ITEMS + "?offset=99999999999", 400, "offset"),
                bad("repeated limit", ITEMS + "?limit=1&limit=2", 400, "limit"),
                bad("unknown crs", ITEMS + "?crs=EPSG:9999", 400, "crs"),
                bad("unknown crs URI", ITEMS + "?crs=http://www.opengis.net/def/crs/EPSG/0/27700", 400, "crs"),
                bad("unknown bbox-crs", ITEMS + "?bbox=1,2,3,4&bbox-crs=urn:foo", 400, "bbox-crs"),
                bad("SQL in zone", ITEMS + "?zone='%20OR%201=1%20--", 400, "zone"),
                bad("quotes in accuracy", ITEMS + "?accuracy=x'%20OR%20'1'='1", 400, "accuracy"),
                bad("SQL in column", ITEMS + "?column=5%20OR%201=1", 400, "column"),
                bad("unknown parameter", ITEMS + "?foo=bar", 400, "foo"),
                bad("misspelt filter", ITEMS + "?zones=zone-east", 400, "zones"),
                bad("filter the collection does not have", ITEMS + "?kind=axis", 400, "kind"),
                bad("control character", ITEMS + "?zone=a%00b", 400, "zone"),
                bad("2 kB value", ITEMS + "?columnGroup=" + "x".repeat(2000), 400, "columnGroup"),
                bad("10 kB query string", ITEMS + "?zone=" + "a".repeat(10_000), 400, null),
                bad("invalid UTF-8 value", ITEMS + "?zone=%C3%28", 400, "zone"),
                bad("invalid UTF-8 name", ITEMS + "?%C3%28=1", 400, "%C3%28"),
                bad("truncated UTF-8 sequence", ITEMS + "?zone=%E4%B8", 400, "zone"),
                bad("overlong UTF-8", ITEMS + "?zone=%C0%AF", 400, "zone"),
                bad("invalid UTF-8 in the path", ITEMS + "/%C3%28", 400, null),
                bad("datetime not a date", ITEMS + "?datetime=yesterday", 400, "datetime"),
                bad("datetime fully open", ITEMS + "?datetime=../..", 400, "datetime"),
                bad("unknown f", ITEMS + "?f=xml", 406, "f"),
                bad("unknown f on the landing page", "/ogcapi?f=pdf", 406, "f"),
                bad("unknown collection", "/ogcapi/collections/nope/items", 404, null),
                bad("collection id with SQL", "/ogcapi/collections/'%20OR%201=1--/items", 404, null),
                bad("item id with quotes", ITEMS + "/x'%20OR%20'1'='1", 404, null),
                bad("item in another collection", "/ogcapi/collections/zones/items/site-col-1-item-1", 404, null),
                bad("unknown crs on one feature", ITEM + "?crs=EPSG:1234", 400, "crs"),
                bad("items parameter on one feature", ITEM + "?limit=5", 400, "limit"));
    }

    private static Arguments bad(String what, String request, int status, String parameter) {
        return Arguments.of(what, request, status, parameter);
    }

    @BeforeAll
    void snapshot() {
        before = dataFingerprint();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusedWithAProblem(String what, String request, int status, String parameter) {
        HttpResponse<String> r = get(request);
        assertThat(r.statusCode()).as(what + " → " + r.body()).isEqualTo(status);
        assertThat(contentType(r)).as(what).startsWith("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).as(what).isNotBlank();
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).as(what).isEqualTo(parameter);
            assertThat(problem.get("detail").asString()).as(what).contains(parameter);
            assertThat(problem.has("value")).as(what + ": names the value").isTrue();
        }
    }

    @Test
    void unacceptableAcceptHeaderIs406() {
        HttpResponse<String> r = get(ITEMS, "Accept", "application/xml");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(json(r).get("parameter").asString()).isEqualTo("Accept");
    }

    @Test
    void sqlInAFreeTextFilterIsJustAValueThatMatchesNothing() {
        HttpResponse<String> r = get(ITEMS + "?columnGroup=x'%20OR%20'1'='1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("numberMatched").asInt()).isZero();
    }

    @AfterAll
    void dataIsUnchanged() {
        assertThat(dataFingerprint()).isEqualTo(before);
    }

    /** Row counts, the data version and a hash of every feature (id, collection, name, properties). */
    private String dataFingerprint() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            jdbc.query("SELECT id, collection, name, properties FROM feature ORDER BY id", rs -> {
                for (int i = 1; i <= 4; i++) d.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
            });
            Long features = jdbc.queryForObject("SELECT COUNT(*) FROM feature", Long.class);
            Long files = jdbc.queryForObject("SELECT COUNT(*) FROM source_file", Long.class);
            Long version = jdbc.queryForObject("SELECT version FROM data_version", Long.class);
            assertThat(features).isPositive();
            return features + "/" + files + "/" + version + "/" + HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
