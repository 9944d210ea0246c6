package org.planmap.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Parses the plan text for everyone who needs the document at start-up (the loader, the indicator catalogue),
 * remembering the last text it parsed so the same file is parsed once, not once per reader.
 */
@Component
public class PlanSource {
    private String lastText;
    private PlanDocument lastDocument;

    /** The document of {@code text}; {@code name} names the source in parse errors. */
    public synchronized PlanDocument parse(String text, String name) {
        if (!text.equals(lastText)) {
            lastDocument = PlanParser.parse(text, name);
            lastText = text;
        }
        return lastDocument;
    }

    public PlanDocument read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
