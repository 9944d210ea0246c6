package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The landing page, the conformance declaration and the API definition (OGC API – Features Part 1 §7.2–7.4). */
@RestController
class LandingController {
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters");

    private final OgcApiProperties properties;
    private final OgcCaching caching;
    private final OpenApiDocument openApi;
    private final JsonMapper json;
    private final HtmlPages pages;

    LandingController(OgcApiProperties properties, OgcCaching caching, OpenApiDocument openApi, JsonMapper json,
                      HtmlPages pages) {
        this.pages = pages;
        this.properties = properties;
        this.caching = caching;
        this.openApi = openApi;
        this.json = json;
    }

    @GetMapping({"/ogcapi", "/ogcapi/"})
    void landing(HttpServletRequest request, HttpServletResponse response) {
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.PLAIN);
        caching.serve(request, response, "landing|" + format, data -> landing(request, format));
    }

    private OgcCaching.Body landing(HttpServletRequest request, OgcFormat format) {
        OgcLinks links = OgcLinks.of(request);
        List<Link> all = new ArrayList<>(OgcLinks.selfAndAlternate(links.base(), format, "application/json", "This document"));
        all.add(new Link(links.url("/api"), "service-desc", OgcMediaTypes.OPENAPI_JSON.toString(), "The API definition (OpenAPI 3.0)"));
        all.add(new Link(OgcLinks.f(links.url("/api"), "html"), "service-doc", "text/html", "The API documentation"));
        all.add(new Link(links.url("/conformance"), "conformance", "application/json", "Conformance classes"));
        all.add(new Link(links.url("/collections"), "data", "application/json", "Collections"));
        all.add(new Link(OgcLinks.f(links.url("/collections"), "html"), "data", "text/html", "Collections (HTML)"));
        String description = "沙坪坝区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要中的空间要素（示意与实测，附定位精度）。"
                + " Spatial features of the Shapingba District 14th Five-Year Plan and 2035 Vision Outline, each with its accuracy.";
        if (format == OgcFormat.HTML) {
            return html(pages.page(links, properties.title(), all, HtmlPages.paragraph(description)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", properties.title());
        body.put("description", description);
        body.put("links", all);
        return new OgcCaching.Body(json.writeValueAsBytes(body), OgcMediaTypes.JSON);
    }

    @GetMapping({"/ogcapi/conformance", "/ogcapi/conformance/"})
    void conformance(HttpServletRequest request, HttpServletResponse response) {
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.PLAIN);
        caching.serve(request, response, "conformance|" + format, data -> {
            if (format == OgcFormat.HTML) {
                OgcLinks links = OgcLinks.of(request);
                List<Link> all = OgcLinks.selfAndAlternate(links.url("/conformance"), format, "application/json", "Conformance");
                return html(pages.page(links, "Conformance", all, HtmlPages.codes(CONFORMANCE)));
            }
            return new OgcCaching.Body(json.writeValueAsBytes(Map.of("conformsTo", CONFORMANCE)), OgcMediaTypes.JSON);
        });
    }

    @GetMapping({"/ogcapi/api", "/ogcapi/api/"})
    void api(HttpServletRequest request, HttpServletResponse response) {
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.OPENAPI);
        caching.serve(request, response, "api|" + format, data -> {
            OgcLinks links = OgcLinks.of(request);
            if (format == OgcFormat.HTML) {
                List<Link> all = OgcLinks.selfAndAlternate(links.url("/api"), format, OgcMediaTypes.OPENAPI_JSON.toString(),
                        "API definition");
                return html(pages.page(links, openApi.title() + " — API", all, openApi.overview()));
            }
            ObjectNode doc = openApi.forServer(links.base(), links.base().substring(0, links.base().length() - OgcLinks.ROOT.length()));
            return new OgcCaching.Body(openApi.bytes(doc), OgcMediaTypes.OPENAPI_JSON);
        });
    }

    private static OgcCaching.Body html(String page) {
        return OgcCaching.Body.of(page, OgcMediaTypes.HTML);
    }
}
