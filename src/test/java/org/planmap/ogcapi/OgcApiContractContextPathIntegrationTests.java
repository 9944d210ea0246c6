package org.planmap.ogcapi;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole OGC API contract with the app deployed under a context path ({@code server.servlet.context-path}), as a
 * servlet container or a path-routing proxy without forwarded headers would serve it: every link, the OpenAPI
 * {@code servers} URL joined with each documented path, paging and the proxy headers must carry the path, on H2GIS.
 */
@TestPropertySource(properties = "server.servlet.context-path=/maps")
class OgcApiContractContextPathIntegrationTests extends OgcApiContract {
    @Override
    String base() {
        return super.base() + "/maps";
    }
}
