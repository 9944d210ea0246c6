package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The app's handler mapping ({@link FirstSegmentHandlerMapping}, mappings grouped by first path segment) finds what
 * Spring's own mapping finds when it scans every mapping: the same handler, or the same refusal (404, 405, 406, 415),
 * for a request to every mapped path with every method, media types asked for and sent, and paths no mapping has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstSegmentHandlerMappingIntegrationTests {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    @Test
    void theAppsMappingIsTheGroupedOneAndGroupsTheOgcApi() {
        assertThat(mappings).isInstanceOf(FirstSegmentHandlerMapping.class);
        long ogc = mappings.getHandlerMethods().keySet().stream()
                .filter(i -> "ogcapi".equals(FirstSegmentHandlerMapping.commonFirstSegment(i))).count();
        assertThat(ogc).as("OGC API mappings").isGreaterThanOrEqualTo(8);
        assertThat((long) mappings.getHandlerMethods().size()).as("every mapping is listed").isGreaterThan(ogc + 40);
    }

    @Test
    void itIsAskedBeforeTheActuatorWhichHoldsNoPathOfTheApp() throws Exception {
        List<org.springframework.web.servlet.HandlerMapping> order = new ArrayList<>(
                context.getBeansOfType(org.springframework.web.servlet.HandlerMapping.class).values());
        org.springframework.core.annotation.AnnotationAwareOrderComparator.sort(order);
        Object actuator = context.getBean("webEndpointServletHandlerMapping");
        assertThat(order.indexOf(mappings)).isLessThan(order.indexOf(actuator));
        assertThat(((org.springframework.core.Ordered) actuator).getOrder()).isEqualTo(FirstSegmentHandlerMapping.ACTUATOR_ORDER);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            assertThat(info.getPatternValues()).allSatisfy(p -> assertThat(p).doesNotStartWith("/actuator"));
        }
        MockHttpServletRequest health = new MockHttpServletRequest("GET", "/actuator/health/liveness");
        ServletRequestPathUtils.parseAndCache(health);
        assertThat(mappings.getHandler(health)).as("the app's mapping leaves the actuator's paths alone").isNull();
    }

    @Test
    void everyRequestFindsWhatSpringsFullScanFinds() throws Exception {
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setApplicationContext(context);
        mappings.getHandlerMethods().forEach((info, method) -> plain.registerMapping(info, method.getBean(), method.getMethod()));

        List<MockHttpServletRequest> requests = new ArrayList<>();
        Set<String> paths = new TreeSet<>(List.of("/", "/nothing", "/ogcapi", "/ogcapi/", "/ogcapi/nothing", "/%6Fgcapi/conformance",
                "/ogcapi/collections/project-sites/items/x/y", "/api", "/api/nothing", "/error"));
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) paths.add(pattern.replaceAll("\\{\\*?[^}]+}", "x1").replace("**", "x1"));
        }
        for (String path : paths) {
            for (RequestMethod method : RequestMethod.values()) {
                for (String accept : new String[] {null, "text/html", "application/geo+json", "image/png"}) {
                    MockHttpServletRequest r = new MockHttpServletRequest(method.name(), path);
                    if (accept != null) r.addHeader("Accept", accept);
                    if (method == RequestMethod.POST || method == RequestMethod.PUT) r.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    requests.add(r);
                }
            }
            MockHttpServletRequest csv = new MockHttpServletRequest("POST", path);
            csv.setContentType("text/csv");
            requests.add(csv);
        }
        assertThat(requests).hasSizeGreaterThan(1000);
        List<String> differences = new ArrayList<>();
        for (MockHttpServletRequest r : requests) {
            String grouped = outcome(mappings, copy(r));
            String scanned = outcome(plain, copy(r));
            if (!grouped.equals(scanned)) differences.add(r.getMethod() + " " + r.getRequestURI() + " " + r.getHeader("Accept")
                    + ": " + grouped + " ≠ " + scanned);
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void firstSegmentsAreReadAsSpringMatchesThem() {
        assertThat(FirstSegmentHandlerMapping.firstSegment("/ogcapi/collections")).isEqualTo("ogcapi");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/ogcapi")).isEqualTo("ogcapi");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.firstSegment("")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.firstSegment("/%6Fgcapi/x")).isEqualTo("ogcapi");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/api;a=b/x")).isEqualTo("api");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/%zz/x")).isEqualTo("%zz");
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/{lang}/plan")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/**")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/embed")).isEqualTo("embed");
    }

    private static MockHttpServletRequest copy(MockHttpServletRequest r) {
        MockHttpServletRequest c = new MockHttpServletRequest(r.getMethod(), r.getRequestURI());
        for (String name : java.util.Collections.list(r.getHeaderNames())) c.addHeader(name, r.getHeader(name));
        if (r.getContentType() != null) c.setContentType(r.getContentType());
        ServletRequestPathUtils.parseAndCache(c);
        return c;
    }

    /** The handler method found, "none", or the exception a mapping refuses with (405/406/415 in the end). */
    private static String outcome(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) return "none";
            Object handler = chain.getHandler();
            String found = handler instanceof HandlerMethod m ? m.getBeanType().getSimpleName() + "." + m.getMethod().getName() : handler.toString();
            Map<?, ?> variables = (Map<?, ?>) request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            return found + " " + request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + " " + variables;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
