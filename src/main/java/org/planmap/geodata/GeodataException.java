package org.planmap.geodata;

/** A source file that cannot be loaded; the message names the file and the problem. */
public class GeodataException extends RuntimeException {
    public GeodataException(String file, String problem) {
        super("Cannot load geodata/" + file + ": " + problem);
    }

    public GeodataException(String file, String problem, Throwable cause) {
        super("Cannot load geodata/" + file + ": " + problem, cause);
    }
}
