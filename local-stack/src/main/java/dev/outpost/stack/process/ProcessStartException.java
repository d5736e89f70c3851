package dev.outpost.stack.process;

import java.io.IOException;

/** The program could not be started at all: not installed, not executable, bad working directory. */
public final class ProcessStartException extends ProcessException {
    public ProcessStartException(Command command, IOException cause) {
        super(command, "could not start \"" + command.display() + "\": " + reason(cause), cause);
    }

    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        // The JDK's text is "Cannot run program \"x\": error=2, No such file or directory".
        int i = m.indexOf("error=");
        return i >= 0 ? m.substring(i) : m;
    }
}
