package org.planmap.overlay;

import java.util.Locale;

/**
 * Step durations of one request for the W3C {@code Server-Timing} response header
 * ({@code read;dur=1.2, prepare;dur=3.4, analysis;dur=45.6, total;dur=50.2}, milliseconds), so a client or a
 * benchmark can tell server time from transfer time.
 */
final class ServerTiming {
    private final long start = System.nanoTime();
    private long last = start;
    private final StringBuilder header = new StringBuilder();

    /** Ends the step called {@code name} (a token: letters, digits, dashes) now. */
    void mark(String name) {
        long now = System.nanoTime();
        append(name, now - last);
        last = now;
    }

    /** The header value, with the total from construction to now. */
    String header() {
        StringBuilder out = new StringBuilder(header);
        if (!out.isEmpty()) out.append(", ");
        out.append(String.format(Locale.ROOT, "total;dur=%.1f", (System.nanoTime() - start) / 1e6));
        return out.toString();
    }

    private void append(String name, long nanos) {
        if (!header.isEmpty()) header.append(", ");
        header.append(String.format(Locale.ROOT, "%s;dur=%.1f", name, nanos / 1e6));
    }
}
