package org.planmap.consultation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The configurable word list that flags a comment for the moderator (never blocks it):
 * {@code planmap.consultation.flag-words}, or by default {@code consultation/flag-words.txt}.
 */
@Component
class WordList {
    private final List<String> words;

    @org.springframework.beans.factory.annotation.Autowired
    WordList(ConsultationProperties properties) {
        this.words = properties.flagWords() != null ? normalise(properties.flagWords()) : normalise(bundled());
    }

    /** The listed words the text contains, in list order. */
    List<String> hits(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return words.stream().filter(t::contains).toList();
    }

    private static List<String> normalise(List<String> raw) {
        return raw.stream().map(String::strip).filter(w -> !w.isEmpty() && !w.startsWith("#"))
                .map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static List<String> bundled() {
        try (InputStream in = WordList.class.getResourceAsStream("/consultation/flag-words.txt")) {
            if (in == null) return List.of();
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException("consultation/flag-words.txt cannot be read", e);
        }
    }
}
