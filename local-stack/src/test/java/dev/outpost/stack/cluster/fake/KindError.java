package dev.outpost.stack.cluster.fake;

/** A kind command failure: the wrapped message chain and, when a child command failed, its combined output. */
final class KindError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String commandOutput;

    KindError(String message) {
        this(message, null);
    }

    KindError(String message, String commandOutput) {
        super(message);
        this.commandOutput = commandOutput;
    }

    static KindError of(DockerCli.Result r) {
        return new KindError(r.kindError(), r.combined());
    }

    /** errors.Wrap: "prefix: message", keeping the command output. */
    KindError wrap(String prefix) {
        return new KindError(prefix + ": " + getMessage(), commandOutput);
    }
}
