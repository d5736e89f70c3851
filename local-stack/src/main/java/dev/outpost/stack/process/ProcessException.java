package dev.outpost.stack.process;

/** Base of every way running a child can go wrong; always names the command. */
public abstract class ProcessException extends RuntimeException {
    private final transient Command command;

    protected ProcessException(Command command, String message, Throwable cause) {
        super(message, cause);
        this.command = command;
    }

    public Command command() {
        return command;
    }
}
