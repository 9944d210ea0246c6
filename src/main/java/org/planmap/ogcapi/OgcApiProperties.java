package org.planmap.ogcapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * OGC API – Features settings.
 *
 * @param defaultLimit page size when a request gives no {@code limit} (default 100)
 * @param maxLimit     largest page; a larger {@code limit} is clamped to it, as OGC API – Features Part 1
 *                     (§7.15.3) asks: "if you ask for 50000, you might get up to 10000 and a next link"
 *                     (default 1000)
 * @param cacheMaxAge  seconds a client may reuse a collections/items response before revalidating it with
 *                     its ETag (default 60)
 * @param title        title of the landing page
 * @param responseCacheSize bytes of encoded responses to keep in memory ({@link org.planmap.system.BodyCache}),
 *                     keyed by their ETag, which covers the data version and the whole request; a response
 *                     over an eighth of it is not kept; 0 turns the cache off (default 32MB)
 */
@ConfigurationProperties("planmap.ogcapi")
public record OgcApiProperties(@DefaultValue("100") int defaultLimit, @DefaultValue("1000") int maxLimit,
                               @DefaultValue("60") int cacheMaxAge,
                               @DefaultValue("沙坪坝区“十四五”规划纲要地图 · Shapingba 14th Five-Year Plan map") String title,
                               @DefaultValue("32MB") DataSize responseCacheSize) {
    public OgcApiProperties {
        if (maxLimit < 1) throw new IllegalArgumentException("planmap.ogcapi.max-limit must be at least 1, was " + maxLimit);
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("planmap.ogcapi.default-limit must be between 1 and max-limit ("
                    + maxLimit + "), was " + defaultLimit);
        }
        if (responseCacheSize.isNegative()) throw new IllegalArgumentException("planmap.ogcapi.response-cache-size must not be negative");
        if (cacheMaxAge < 0) throw new IllegalArgumentException("planmap.ogcapi.cache-max-age must not be negative");
    }
}
