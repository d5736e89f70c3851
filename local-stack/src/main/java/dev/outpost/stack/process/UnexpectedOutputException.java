package dev.outpost.stack.process;

/**
 * A program ran but printed something its parser does not recognise. Carries what was expected and
 * a short excerpt of what arrived, so the message alone is enough to file a bug.
 */
public final class UnexpectedOutputException extends RuntimeException {
    private static final int EXCERPT_CHARS = 300;

    private final String source;
    private final String excerpt;

    public UnexpectedOutputException(String source, String expected, String output) {
        this(source, expected, output, null);
    }

    public UnexpectedOutputException(String source, String expected, String output, Throwable cause) {
        super("unexpected output from " + source + ": expected " + expected + ", got "
                + quote(excerpt(output)), cause);
        this.source = source;
        this.excerpt = excerpt(output);
    }

    /** What produced the output, e.g. {@code kind version}. */
    public String source() {
        return source;
    }

    /** The start of the offending output, at most a few hundred characters. */
    public String excerpt() {
        return excerpt;
    }

    private static String excerpt(String output) {
        if (output == null) {
            return "";
        }
        String s = output.strip();
        return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS) + "…";
    }

    private static String quote(String s) {
        return s.isEmpty() ? "nothing" : "\"" + s + "\"";
    }
}
