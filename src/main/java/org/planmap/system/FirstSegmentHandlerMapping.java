package org.planmap.system;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of annotated controllers, with the controllers' mappings grouped by the first segment of their
 * paths ({@code ogcapi}, {@code api}, {@code embed}, …): a request is matched against the group its own first segment
 * names, not against every mapping of the app.
 * <p>
 * Why: a request whose path has a variable ({@code /ogcapi/collections/{collectionId}/items/{featureId}}) is not
 * found by Spring's exact-path index, so Spring tests it against each of the app's ~90 mappings in turn (method,
 * parameters, headers, media types, then the pattern). That scan was a sixth of a single OGC item's time
 * (bench/README.md, "OGC API speed under load"); the OGC group holds a dozen.
 * <p>
 * Matching inside a group is Spring's own (best match, 405/406/415 for partial matches, {@code OPTIONS}); it gives
 * the same answer as the whole scan because a mapping is grouped only when every one of its patterns starts with the
 * same literal segment, so no mapping outside the group can match a path inside it. Mappings that do not qualify (a
 * pattern starting with a variable or a wildcard, patterns under different segments, a CORS configuration, whose
 * lookup Spring keeps in its own registry) stay in Spring's registry and are tried when the group has no match.
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {
    /** Filled while the controllers are registered at start, read-only afterwards. */
    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** One group's registry: Spring's own, given the mappings of one segment. */
    static final class Group extends RequestMappingHandlerMapping {
        /**
         * The path first: it rules out all but one or two mappings of a group in one test, where Spring tests the
         * method, parameters, headers and media types before it. Every condition is still tested on what remains,
         * so the match is the same.
         */
        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) return null;
            return super.getMatchingMapping(info, request);
        }

        // The two overrides below change nothing: declared here, in this package, they become callable from the
        // enclosing mapping (Spring declares them protected in its own package).
        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            return super.lookupHandlerMethod(lookupPath, request);
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
        }
    }

    /** Spring Boot Actuator's endpoint mappings are asked at this order (its {@code WebMvcEndpointHandlerMapping}). */
    static final int ACTUATOR_ORDER = -100;

    /**
     * Asked before the actuator's endpoint mapping, which otherwise scans its own mappings for every request first
     * (a thirtieth of an OGC item). The two never hold the same path: the actuator lives under {@code /actuator},
     * where the app maps nothing (FirstSegmentHandlerMappingIntegrationTests), so the order decides nothing else.
     */
    @Override
    public int getOrder() {
        return ACTUATOR_ORDER - 1;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        String segment = commonFirstSegment(mapping);
        if (segment == null || initCorsConfiguration(handler, method, mapping) != null) {
            super.registerHandlerMethod(handler, method, mapping);
            return;
        }
        groups.computeIfAbsent(segment, s -> {
            Group group = new Group();
            group.setPatternParser(getPatternParser());
            group.setApplicationContext(obtainApplicationContext()); // handlers are registered by bean name
            return group;
        }).registerHandlerMethod(handler, method, mapping);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Group group = groups.get(firstSegment(lookupPath));
        if (group != null) {
            HandlerMethod found = group.lookupHandlerMethod(lookupPath, request);
            if (found != null) return found;
        }
        return super.lookupHandlerMethod(lookupPath, request);
    }

    /** Every mapping, grouped or not (the role matrix test and Spring's own tools list them through this). */
    @Override
    public Map<RequestMappingInfo, HandlerMethod> getHandlerMethods() {
        Map<RequestMappingInfo, HandlerMethod> all = new LinkedHashMap<>(super.getHandlerMethods());
        groups.values().forEach(g -> all.putAll(g.getHandlerMethods()));
        return Collections.unmodifiableMap(all);
    }

    @Override
    public List<HandlerMethod> getHandlerMethodsForMappingName(String mappingName) {
        return Stream.concat(Stream.ofNullable(super.getHandlerMethodsForMappingName(mappingName)),
                        groups.values().stream().map(g -> g.getHandlerMethodsForMappingName(mappingName)))
                .filter(l -> l != null).flatMap(List::stream).toList();
    }

    /** The segment every path pattern of the mapping starts with, or null when they differ or one starts with a variable. */
    static String commonFirstSegment(RequestMappingInfo mapping) {
        if (mapping.getPathPatternsCondition() == null) return null;
        Set<PathPattern> patterns = mapping.getPathPatternsCondition().getPatterns();
        String common = null;
        for (PathPattern p : patterns) {
            String segment = literalFirstSegment(p.getPatternString());
            if (segment == null || common != null && !common.equals(segment)) return null;
            common = segment;
        }
        return common;
    }

    /** {@code /ogcapi/collections/{id}} → {@code ogcapi}; {@code /ogcapi} → {@code ogcapi}; null if not literal. */
    static String literalFirstSegment(String pattern) {
        if (!pattern.startsWith("/")) return null;
        String segment = firstSegment(pattern);
        return segment.isEmpty() || segment.chars().anyMatch(c -> "{}*?;%".indexOf(c) >= 0) ? null : segment;
    }

    /**
     * The first segment of a path: {@code /ogcapi/collections} → {@code ogcapi}, {@code /} → the empty string. Decoded
     * as Spring decodes a segment before matching it ({@code /%6Fgcapi/…} is in the {@code ogcapi} group).
     */
    static String firstSegment(String path) {
        if (!path.startsWith("/")) return "";
        int end = path.indexOf('/', 1);
        String segment = path.substring(1, end < 0 ? path.length() : end);
        int parameters = segment.indexOf(';'); // matrix parameters are not part of the segment's value
        if (parameters >= 0) segment = segment.substring(0, parameters);
        if (segment.indexOf('%') < 0) return segment;
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEncoding) {
            return segment; // matches no group; Spring's own registry decides (Tomcat refuses such paths before us)
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        WebMvcRegistrations firstSegmentHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new FirstSegmentHandlerMapping();
                }
            };
        }
    }
}
