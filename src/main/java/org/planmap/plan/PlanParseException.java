package org.planmap.plan;

/** The plan source text is not in the shape {@link PlanParser} reads; the message names source and line. */
public class PlanParseException extends RuntimeException {

    private final String source;
    private final int line;

    public PlanParseException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The source name given to the parser (usually the file name). */
    public String source() {
        return source;
    }

    /** 1-based line number of the offending line. */
    public int line() {
        return line;
    }
}
