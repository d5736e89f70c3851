package dev.outpost.stack.process;

/** The child outlived its command's timeout and was killed with its whole process tree. */
public final class ProcessTimeoutException extends ProcessException {
    private final transient ProcessResult partial;

    public ProcessTimeoutException(ProcessResult partial) {
        super(partial.command(), "command \"" + partial.command().display() + "\" timed out after "
                + partial.command().timeout().toMillis() + " ms and was stopped"
                + (partial.stderrTail().isEmpty() ? "" : ":\n" + partial.stderrText()), null);
        this.partial = partial;
    }

    /** What the child printed before it was stopped. */
    public ProcessResult partialResult() {
        return partial;
    }
}
