package org.planmap.geodata;

import java.util.List;

/** What one run of the loader did: the source files it (re)loaded; empty when every file was unchanged. */
public record LoadReport(List<String> reloaded, long millis) {
    public boolean changedAnything() {
        return !reloaded.isEmpty();
    }
}
