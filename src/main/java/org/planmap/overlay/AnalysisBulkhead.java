package org.planmap.overlay;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.planmap.system.ApiException;
import org.springframework.stereotype.Component;

/**
 * At most {@code planmap.overlay.max-concurrent-analyses} large uploads are read and analysed at once; one
 * more is answered at once with 503 and {@code Retry-After} instead of queueing for memory and CPU. Reading an
 * upload and analysing it are the app's only requests whose cost the client chooses, so they alone pass
 * through here: with the read limits of {@link OverlayProperties} this bounds the heap they can take
 * together. A request body under {@code bulkhead-min-bytes} (a drawn shape, a pasted WKT, a small file) costs
 * little whatever it holds and is not counted, so a busy planner never turns away a resident's small save.
 */
@Component
class AnalysisBulkhead {
    private final Semaphore permits;
    private final int retryAfterSeconds;
    private final long minBytes;

    AnalysisBulkhead(OverlayProperties limits) {
        this.permits = new Semaphore(limits.maxConcurrentAnalyses());
        this.retryAfterSeconds = limits.busyRetryAfterSeconds();
        this.minBytes = limits.bulkheadMinBytes();
    }

    /** @param requestBytes the request's Content-Length, -1 when unknown (chunked: counted) */
    <T> T run(long requestBytes, Supplier<T> work) {
        if (requestBytes >= 0 && requestBytes < minBytes) return work.get();
        if (!permits.tryAcquire()) {
            throw ApiException.unavailable("The server is analysing as many uploads as it can at once; try again in a few seconds "
                            + "(limit: planmap.overlay.max-concurrent-analyses)",
                    "服务器正在处理的上传分析已达上限，请几秒后重试（上限：planmap.overlay.max-concurrent-analyses）", retryAfterSeconds)
                    .withLimit("planmap.overlay.max-concurrent-analyses");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
