package org.planmap.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import org.springframework.http.MediaType;

/**
 * Encoded response bodies kept in memory (Caffeine), bounded by their bytes rather than their count: one OGC page
 * of 1,000 polygons and one small item differ by a factor of 1,000. Keys carry the data snapshot's tag, so a data
 * write makes every old entry unreachable and they age out; nothing needs invalidating. A size of 0 turns it off.
 */
public final class BodyCache {
    /** A body larger than this is never kept (one client's huge page must not evict everything else). */
    private final long maxBody;
    private final Cache<String, Body> cache;

    public record Body(byte[] bytes, MediaType type) { }

    public BodyCache(long maxBytes) {
        this.maxBody = maxBytes / 8;
        this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Body b) -> b.bytes().length + 2 * key.length() + 64)
                .build();
    }

    public Body get(String key) {
        return cache == null ? null : cache.getIfPresent(key);
    }

    public void put(String key, Body body) {
        if (cache != null && body.bytes().length <= maxBody) cache.put(key, body);
    }

    /** The cached body, or {@code build}'s (kept when it fits). */
    public Body get(String key, Function<String, Body> build) {
        Body b = get(key);
        if (b != null) return b;
        b = build.apply(key);
        put(key, b);
        return b;
    }

    /** Bytes held now (after pending evictions). */
    public long weight() {
        if (cache == null) return 0;
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }
}
