package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.secrets.Redaction;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Builds the picocli command tree over the engine and maps failures to exit codes. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args) {
        return run(args, AppServices.forHost(HostEnvironment.current()), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
    }

    public static int run(String[] args, AppServices services, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(services, out, err).execute(args);
        } finally {
            // print() does not trigger a PrintWriter's auto-flush; make sure nothing stays buffered.
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(AppServices services, PrintWriter out, PrintWriter err) {
        IFactory defaults = CommandLine.defaultFactory();
        IFactory factory = new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DoctorCommand.class) {
                    return cls.cast(new DoctorCommand(services));
                }
                // Commands that reach the engine take the services in their constructor.
                if (ProfileCommand.Base.class.isAssignableFrom(cls)) {
                    return cls.cast(cls.getDeclaredConstructor(AppServices.class).newInstance(services));
                }
                return defaults.create(cls);
            }
        };
        CommandLine cl = new CommandLine(new OutpostCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose")
                    || parseResult.originalArgs().contains("-v");
            commandLine.getErr().println("outpost: " + Redaction.redact(Errors.describe(ex)));
            if (ex instanceof dev.outpost.stack.cluster.ClusterException ce) {
                // kind's and k3d's own words say what went wrong in detail; the advice says what to do.
                commandLine.getErr().println("  " + ce.advice());
                if (!ce.command().isEmpty()) {
                    commandLine.getErr().println("  $ " + Redaction.redact(ce.command()));
                    ce.output().forEach(l -> commandLine.getErr().println("  | " + Redaction.redact(l)));
                }
            }
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.FAILURE;
        });
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE : ExitCodes.FAILURE);
        return cl;
    }
}
