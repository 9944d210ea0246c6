package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.planmap.support.AppInBrowser;
import org.planmap.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A deployment with a street base map: an OSM-style tile URL from configuration, served here by a tile server the
 * test starts on the loopback (streets drawn as a grid). The offline base stays the default; the reader switches
 * to the streets, which load from the configured server with the configured credit, and the plan's fills lighten
 * so the streets show through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreetBaseMapBrowserTests extends AppInBrowser {
    static final Dimension DESKTOP = new Dimension(1440, 900);
    static HttpServer tiles;
    static final Set<String> SERVED = ConcurrentHashMap.newKeySet();

    @DynamicPropertySource
    static void tileServer(DynamicPropertyRegistry registry) throws IOException {
        byte[] png = tile();
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            SERVED.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        tiles.start();
        int port = tiles.getAddress().getPort();
        registry.add("planmap.tiles.osm-enabled", () -> "true");
        registry.add("planmap.tiles.osm-url", () -> "http://127.0.0.1:" + port + "/tiles/{z}/{x}/{y}.png");
        registry.add("planmap.tiles.osm-attribution", () -> "© Test Streets");
    }

    /** A 256 px tile: pale ground, grey street grid. */
    static byte[] tile() throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xf2efe9));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0x9a9a9a));
        for (int i = 0; i < 256; i += 64) {
            g.fillRect(i, 0, 6, 256);
            g.fillRect(0, i, 256, 6);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @AfterAll
    void stopTiles() {
        tiles.stop(0);
    }

    double zoneFill() {
        return Double.parseDouble(driver.findElement(By.cssSelector("path[data-feature-id=zone-east]")).getAttribute("fill-opacity"));
    }

    @Test
    void theConfiguredStreetBaseLoadsFromItsServerWhenChosenAndTheOfflineBaseStaysTheDefault() throws IOException {
        open(DESKTOP, "#lang=zh");
        assertThat(driver.findElement(By.id("pm-base-plain")).isSelected()).as("offline base by default").isTrue();
        assertThat(driver.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
        assertThat(SERVED).as("no tile asked for before the reader chooses streets").isEmpty();
        double plainFill = zoneFill();

        driver.findElement(By.cssSelector("label[for=pm-base-osm]")).click();
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("img.leaflet-tile-loaded")).size() >= 4);
        int zoom = (int) Math.round(((Number) js("return planmap.map.leafletMap.getZoom()")).doubleValue());
        assertThat(SERVED).isNotEmpty().allMatch(p -> p.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
        assertThat(SERVED).anyMatch(p -> p.startsWith("/tiles/" + zoom + "/"));
        assertThat(driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("© Test Streets");
        assertThat(URI.create(driver.getCurrentUrl()).getRawFragment()).contains("b=osm");
        assertThat(zoneFill()).as("plan fills lighter over streets").isLessThan(plainFill * 0.75);
        Browser.screenshot(driver, "street-base.png");

        int before = SERVED.size();
        open(DESKTOP, "#b=osm&z=15&c=29.55800,106.45400");
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("img.leaflet-tile-loaded")).size() >= 4);
        assertThat(driver.findElement(By.id("pm-base-osm")).isSelected()).as("restored from the link").isTrue();
        assertThat(SERVED.size()).isGreaterThan(before);
        assertThat(SERVED).anyMatch(p -> p.startsWith("/tiles/15/"));
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
}
