package dev.outpost.stack.process;

import java.util.List;

/** Short, one-line excerpts of a child's output for messages: the last lines tell what went wrong. */
public final class OutputExcerpt {
    private OutputExcerpt() {
    }

    /** The last {@code maxLines} non-blank lines joined with " | ", cut to their last {@code maxChars}. */
    public static String tail(List<String> lines, int maxLines, int maxChars) {
        List<String> kept = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String joined = String.join(" | ", kept.subList(Math.max(0, kept.size() - maxLines), kept.size()));
        return joined.length() <= maxChars ? joined : "…" + joined.substring(joined.length() - maxChars);
    }

    /** The tail of stderr, or of stdout when stderr is empty (ollama and nvidia-smi report errors there). */
    public static String errorTail(ProcessResult result, int maxLines, int maxChars) {
        String err = tail(result.stderrTail(), maxLines, maxChars);
        return err.isEmpty() ? tail(result.stdout(), maxLines, maxChars) : err;
    }
}
