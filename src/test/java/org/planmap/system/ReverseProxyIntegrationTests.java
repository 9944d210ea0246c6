package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.planmap.support.Http;
import org.planmap.support.JarProcess;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The scale-out profile's reverse proxy (docker compose --profile scale): the real nginx with
 * {@code deploy/nginx/nginx.conf}, only its upstream and listen address changed to this test's app and a free
 * loopback port, in front of the running app. A client that reaches the proxy on a port other than 80 (8088 in
 * compose) must get links and an OpenAPI {@code servers} URL with that port, and a client's own forwarded headers
 * must not reach the app (which trusts the proxy's). Needs {@code nginx} (Debian: {@code apt-get install
 * nginx-light}); never skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseProxyIntegrationTests {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path CONF = Path.of("deploy", "nginx", "nginx.conf");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int appPort;
    int proxyPort;
    Path dir;
    Process nginx;

    @BeforeAll
    void startNginx() throws Exception {
        assertThat(NGINX).as("nginx (apt-get install nginx-light)").isExecutable();
        dir = Files.createTempDirectory("planmap-nginx-");
        proxyPort = JarProcess.freePort();
        String conf = Files.readString(CONF);
        // compose's two instances become this test's one app; everything else is the file as shipped
        String local = conf.replaceFirst("server app:8080 ([^;]*);", "server 127.0.0.1:" + appPort + " $1;")
                .replaceFirst("\\s*server app2:8080 [^;]*;", "")
                .replaceFirst("listen 8080;", "listen 127.0.0.1:" + proxyPort + ";");
        assertThat(local).as("the conf's upstream and listen lines were found and changed")
                .contains("server 127.0.0.1:" + appPort).contains("listen 127.0.0.1:" + proxyPort).doesNotContain("app:8080")
                .doesNotContain("app2:8080");
        // nginx's temporary files in this test's folder (Debian's defaults are under /var/lib/nginx)
        StringBuilder temp = new StringBuilder("http {\n");
        for (String t : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(dir.resolve(t));
            temp.append("  ").append(t).append("_temp_path ").append(dir.resolve(t)).append(";\n");
        }
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, local.replaceFirst("http \\{\n", java.util.regex.Matcher.quoteReplacement(temp.toString())));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", file.toString(), "-e", dir.resolve("error.log").toString(),
                "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!nginx.isAlive()) throw new AssertionError("nginx exited: " + Files.readString(dir.resolve("nginx.out")));
            try {
                if (get("/api/status").statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not answer within 20 s: " + Files.readString(dir.resolve("nginx.out")));
    }

    @AfterAll
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) nginx.destroyForcibly().waitFor();
        }
    }

    /** A GET to the proxy as a browser on this machine would send it: {@code Host: localhost:<proxy port>}. */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + proxyPort + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> hrefs(JsonNode links) {
        List<String> out = new ArrayList<>();
        links.forEach(l -> out.add(l.get("href").asString()));
        return out;
    }

    @Test
    void theLandingPageLinksCarryTheProxysPort() throws Exception {
        String root = "http://localhost:" + proxyPort + "/ogcapi";
        HttpResponse<String> landing = get("/ogcapi?f=json");
        assertThat(landing.statusCode()).isEqualTo(200);
        List<String> hrefs = hrefs(Http.parse(landing.body()).get("links"));
        assertThat(hrefs).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith(root));
        assertThat(hrefs).contains(root + "/collections", root + "/api");
        JsonNode api = Http.parse(get("/ogcapi/api?f=json").body());
        assertThat(api.at("/servers/0/url").asString()).isEqualTo(root);
    }

    @Test
    void aClientsOwnForwardedHeadersDoNotReachTheApp() throws Exception {
        String root = "http://localhost:" + proxyPort + "/ogcapi";
        HttpResponse<String> r = get("/ogcapi/collections?f=json", "X-Forwarded-Port", "9999", "X-Forwarded-Prefix", "/elsewhere",
                "Forwarded", "host=evil.example;proto=https");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(hrefs(Http.parse(r.body()).get("links"))).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith(root + "/collections"));
    }
}
