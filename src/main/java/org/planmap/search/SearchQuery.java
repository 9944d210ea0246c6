package org.planmap.search;

import java.text.Normalizer;
import java.util.Locale;
import org.planmap.system.ApiException;

/**
 * A search query, normalised once: NFKC (full-width Latin and digits become ASCII), whitespace trimmed and
 * collapsed; {@code folded} is the lower-case form for English comparisons. Empty or over-long → 400.
 */
public record SearchQuery(String text, String folded) {
    public static final int MAX_LENGTH = 100;

    public static SearchQuery parse(String raw) {
        if (raw == null) throw ApiException.badParameter("q", null, "a search text is required");
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Cc}]+", " ").strip();
        if (text.isEmpty()) throw ApiException.badParameter("q", raw, "the search text is empty");
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw ApiException.badParameter("q", raw, "the search text is longer than " + MAX_LENGTH + " characters");
        }
        return new SearchQuery(text, text.toLowerCase(Locale.ROOT));
    }
}
