package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.account.Roles;
import org.planmap.overlay.OverlayHttp;
import org.planmap.support.Browser;
import org.planmap.support.Http;
import org.planmap.support.TestStaff;
import org.planmap.system.Csv;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Script injection, tried at every place where data or users reach the page (issue #14, "browser security"):
 * each {@link Place} puts the {@link #PAYLOADS} where a user or a data file can put text, shows it, and the
 * test then asserts that nothing ran (no {@code window.__pmXss}, no alert) and that no element of a payload
 * was created (so a future regression is caught even where the Content-Security-Policy would have blocked it).
 * Staff edits (a site's names, aliases and notes) and published comments are places too; a new place is one more
 * entry in {@link #places()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssBrowserTests {
    /** Each would set window.__pmXss or open an alert if it reached the DOM as HTML or as a URL. */
    static final List<String> PAYLOADS = List.of(
            "<img src=x id=pmxss1 onerror=\"window.__pmXss=1\">",
            "<script id=pmxss2>window.__pmXss=2</script>",
            "\"><svg id=pmxss3 onload=\"window.__pmXss=3\">",
            "'><iframe id=pmxss4 srcdoc=\"<script>parent.__pmXss=4</script>\">",
            "javascript:window.__pmXss=5",
            "<a id=pmxss6 href=\"javascript:window.__pmXss=6\">x</a>",
            "{{constructor.constructor('window.__pmXss=7')()}}");
    /** Every key of the URL hash: core keys and the ones modules register (core/url-state.js), read from the web sources. */
    static final List<String> HASH_KEYS = hashKeys(Path.of("web", "js"));
    static final String INJECTED = "#pmxss1, #pmxss2, #pmxss3, #pmxss4, #pmxss6, img[src='x'], svg[onload], iframe[srcdoc]";

    /**
     * The URL hash keys as the web sources define them, so that a key added to the app cannot be left out here: the
     * core keys {@code core/url-state.js} decodes ({@code params.get('…')}) and every key a module registers
     * ({@code registerHashKey('…')}) in any script under {@code js} (comments left out: examples there are not keys).
     */
    static List<String> hashKeys(Path js) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        java.util.regex.Pattern core = java.util.regex.Pattern.compile("params\\.get\\('([a-zA-Z0-9]+)'\\)");
        java.util.regex.Pattern registered = java.util.regex.Pattern.compile("registerHashKey\\(\\s*['\"`]([a-zA-Z0-9]+)['\"`]");
        try (Stream<Path> files = Files.walk(js)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
                if (f.endsWith(Path.of("core", "url-state.js"))) core.matcher(code).results().forEach(m -> keys.add(m.group(1)));
                registered.matcher(code).results().forEach(m -> keys.add(m.group(1)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.copyOf(keys);
    }

    @Test
    void theHashKeysAreReadFromTheWebSources() {
        // the core keys and the module keys known when this was written; more may come, none may be lost to the reading
        assertThat(HASH_KEYS).contains("lang", "z", "c", "l", "f", "s", "b", "overlay", "view", "tour", "step", "progress", "consult");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext app;
    WebDriver driver;
    Path files;

    /** A place where text from data or users reaches the page: how to put the payloads there and show them. */
    record Place(String name, Action show) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Action {
        void run(XssBrowserTests t) throws Exception;
    }

    @BeforeAll
    void start() throws Exception {
        driver = Browser.newDriver();
        files = Files.createTempDirectory("planmap-xss");
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    Stream<Place> places() {
        return Stream.of(
                new Place("saved overlay: name and properties (share link #overlay=)", t -> {
                    String id = t.saveOverlay();
                    t.open("#overlay=" + id);
                    t.waitForReport();
                }),
                new Place("GeoJSON upload: feature names and properties", t -> t.upload("xss.geojson", t.geojson())),
                new Place("KML upload: Placemark name, description, ExtendedData", t -> t.upload("xss.kml", t.kml())),
                new Place("CSV upload: name and other columns", t -> t.upload("xss.csv", t.csv())),
                new Place("search box", t -> {
                    t.open("");
                    for (String p : PAYLOADS) {
                        // pasted (one input event, so the box asks exactly one query), with a marker in the result
                        // list that the box's redraw of its answer removes: a wait for the answer, not for a time
                        t.js("""
                                const list = document.getElementById('pm-search-list'), input = document.getElementById('pm-search-input');
                                list.append(Object.assign(document.createElement('i'), {id: 'pm-test-stale'}));
                                input.focus();
                                input.value = arguments[0];
                                input.dispatchEvent(new Event('input', {bubbles: true}));""", p);
                        Browser.waitFor(t.driver).until(d -> Boolean.TRUE.equals(t.js("""
                                return document.getElementById('pm-test-stale') === null
                                    && !document.getElementById('pm-search-list').hidden""")));
                        t.assertNothingRan("search box: " + p);
                    }
                }),
                new Place("every URL hash key", t -> {
                    // Each key is read on its own (core/url-state.js decodeHash): a page loaded with the payload in
                    // every key shows each key the payload as one load per key did (77 loads, most of this class's
                    // time; and only the last was checked, a load clearing what an earlier one might have set). Then
                    // each key alone, as a pasted hash (hashchange) on the loaded page.
                    for (String p : PAYLOADS) {
                        String value = URLEncoder.encode(p, StandardCharsets.UTF_8);
                        t.open("#" + String.join("&", HASH_KEYS.stream().map(k -> k + "=" + value).toList()));
                        t.assertNothingRan("every hash key = " + p);
                        for (String key : HASH_KEYS) {
                            t.pasteHash("#" + key + "=" + value);
                            t.assertNothingRan("pasted #" + key + "=" + p);
                        }
                    }
                }),
                new Place("staff edit: a site's names, aliases and accuracy notes (public details, both languages)", t -> t.staffEdit()),
                new Place("published comment: its text in the consultation's comment list", t -> t.publishedComment()),
                new Place("OGC API HTML pages", t -> {
                    for (String p : PAYLOADS) {
                        String enc = URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20");
                        for (String path : List.of("/ogcapi?f=html&x=" + enc, "/ogcapi/collections/" + enc + "?f=html",
                                "/ogcapi/collections/zones/items/" + enc + "?f=html", "/ogcapi/collections/zones/items?f=html&bbox=" + enc)) {
                            t.driver.get("http://localhost:" + t.port + path);
                            t.assertNothingRan(path);
                        }
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void nothingRunsAtThisPlace(Place place) throws Exception {
        driver.get("about:blank");
        place.show().run(this);
        Thread.sleep(300);
        assertNothingRan(place.name());
    }

    @Test
    void csvExportsNeutraliseFormulaCells() throws Exception {
        String id = saveOverlay();
        String csv = OverlayHttp.get(port, "/api/overlays/" + id + "/export?format=csv").text();
        String report = OverlayHttp.get(port, "/api/overlays/" + id + "/report.csv").text();
        for (String text : List.of(csv, report)) {
            assertThat(text).contains("'=HYPERLINK(");
            for (List<String> row : Csv.parse(text)) {
                for (String cell : row) {
                    assertThat(cell).as("a cell a spreadsheet would run: " + row).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
        }
    }

    void assertNothingRan(String where) {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError(where + ": an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing opened
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return window.__pmXss === undefined ? null : String(window.__pmXss)")).as(where).isNull();
        assertThat(js.executeScript("return document.querySelectorAll(arguments[0]).length", INJECTED)).as(where + ": injected elements")
                .isEqualTo(0L);
    }

    /** An editor saves every payload into a site's text fields; the public details show them; the seed is restored. */
    void staffEdit() throws Exception {
        TestStaff.Client editor = TestStaff.signIn(app, port, Roles.EDITOR);
        String id = Http.parse(editor.get("/api/layers/project-sites").body()).get("features").get(0).get("id").asString();
        String tag = editor.get("/api/staff/editing/features/" + id).headers().firstValue("ETag").orElseThrow();
        String all = json(String.join(" ", PAYLOADS));
        var saved = editor.putJson("/api/staff/editing/features/" + id, "{\"reason\":\"script injection check\",\"name\":" + all
                + ",\"nameEn\":" + all + ",\"aliases\":[" + String.join(",", PAYLOADS.stream().map(XssBrowserTests::json).toList())
                + "],\"accuracyNote\":" + all + ",\"accuracyNoteEn\":" + all + "}", "If-Match", tag);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        try {
            for (String lang : List.of("zh", "en")) {
                open("#lang=" + lang + "&f=" + id);
                Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-panel"), "__pmXss"));
                assertNothingRan("staff edit of " + id + " (" + lang + ")");
            }
        } finally {
            var restored = editor.postJson("/api/staff/editing/features/" + id + "/versions/1/restore", "{\"reason\":\"test clean-up\"}",
                    "If-Match", saved.headers().firstValue("ETag").orElseThrow());
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
    }

    /** A resident's comment holding every payload, published at once, shown in the public list of its consultation. */
    void publishedComment() throws Exception {
        TestStaff.Client admin = TestStaff.signIn(app, port, Roles.ADMIN);
        var created = admin.postJson("/api/staff/consultations", "{\"titleZh\":\"注入检查\",\"titleEn\":\"Injection check\","
                + "\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2099-01-01T00:00:00Z\",\"planRefs\":[\"p6-c16\"],"
                + "\"areaIds\":[],\"questions\":[{\"zh\":\"您怎么看？\",\"en\":\"What do you think?\"}],\"publishMode\":\"immediate\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String consultation = Http.parse(created.body()).path("id").asString();
        var sent = TestStaff.anonymous(port).postJson("/api/consultations/" + consultation + "/comments",
                "{\"topic\":\"concern\",\"text\":" + json("pmxss-comment " + String.join(" ", PAYLOADS)) + ",\"point\":[106.45, 29.58]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String comment = Http.parse(sent.body()).path("id").asString();
        if (!"published".equals(Http.parse(sent.body()).path("status").asString())) { // the word list may hold it for a moderator
            var approved = TestStaff.signIn(app, port, Roles.MODERATOR).postJson("/api/staff/comments/" + comment + "/approve", "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        }
        open("#consult=" + consultation);
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pm-consult-comments"), "pmxss-comment"));
        assertNothingRan("published comment in consultation " + consultation);
    }

    void open(String hash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.pm-ready")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets the hash of the loaded page as a reader pasting a link would, and returns once the app has handled it. */
    void pasteHash(String hash) {
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                if (location.hash === arguments[0]) { done(); return; }
                // after the app's own hashchange listener (registered earlier), and a frame for what it draws
                window.addEventListener('hashchange', () => setTimeout(() => requestAnimationFrame(() => done()), 0), {once: true});
                location.hash = arguments[0];""", hash);
    }

    void openPlanner(String hash) {
        open(hash);
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".pm-planner-open"))).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-panel-planner")));
    }

    void waitForReport() {
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pm-panel-planner .pm-planner-report .pm-planner-feature")));
    }

    void upload(String name, String content) throws Exception {
        Path f = files.resolve(name);
        Files.writeString(f, content);
        openPlanner("");
        driver.findElement(By.cssSelector("#pm-panel-planner input[name=file]")).sendKeys(f.toAbsolutePath().toString());
        driver.findElement(By.cssSelector(".pm-planner-analyze")).click();
        waitForReport();
    }

    /** One square near 磁器口 per payload, the payload as its name and in every property. */
    String geojson() {
        List<String> features = new ArrayList<>();
        double x = 106.44;
        List<String> names = new ArrayList<>(PAYLOADS);
        names.add("=HYPERLINK(\"http://evil.example\",\"x\")"); // a spreadsheet formula as a name
        for (String p : names) {
            String q = json(p);
            features.add("{\"type\":\"Feature\",\"properties\":{\"name\":" + q + ",\"note\":" + q + ",\"=HYPERLINK(\\\"http://x\\\")\":" + q
                    + ",\"formula\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
                    + x + ",29.57],[" + (x + 0.002) + ",29.57],[" + (x + 0.002) + ",29.572],[" + x + ",29.57]]]}}");
            x += 0.003;
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    String kml() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>");
        double x = 106.44;
        for (String p : PAYLOADS) {
            String e = xml(p);
            out.append("<Placemark><name>").append(e).append("</name><description>").append(e)
                    .append("</description><ExtendedData><Data name=\"note\"><value>").append(e).append("</value></Data></ExtendedData>")
                    .append("<Point><coordinates>").append(x).append(",29.58</coordinates></Point></Placemark>");
            x += 0.003;
        }
        return out.append("</Document></kml>").toString();
    }

    String csv() {
        StringBuilder out = new StringBuilder("name,note,lon,lat\n");
        double x = 106.44;
        for (String p : PAYLOADS) {
            String q = "\"" + p.replace("\"", "\"\"") + "\"";
            out.append(q).append(',').append(q).append(',').append(x).append(",29.58\n");
            x += 0.003;
        }
        return out.toString();
    }

    /** Saves (over the API) an overlay named with a payload, whose features carry payloads and a formula. */
    String saveOverlay() throws Exception {
        OverlayHttp.Answer a = OverlayHttp.postJson(port, "/api/overlays", "{\"name\":" + json(PAYLOADS.get(0) + PAYLOADS.get(2))
                + ",\"geometry\":" + geojson() + "}");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().path("id").asString();
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
