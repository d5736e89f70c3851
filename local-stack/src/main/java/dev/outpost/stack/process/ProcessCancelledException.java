package dev.outpost.stack.process;

/** The child was cancelled by Outpost (a user's Cancel, or shutdown) and its process tree killed. */
public final class ProcessCancelledException extends ProcessException {
    public ProcessCancelledException(Command command) {
        super(command, "command \"" + command.display() + "\" was cancelled", null);
    }
}
