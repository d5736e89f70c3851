package dev.outpost.stack.cluster.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Runs the docker CLI the way kind and k3d do (they shell out too), honouring the fake's DOCKER_HOST. */
final class DockerCli {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    /** One finished docker call; {@code combined} is stdout then stderr, as kind prints it after "Command Output:". */
    record Result(List<String> argv, int exit, String out, String err, byte[] binaryOut) {
        Result(List<String> argv, int exit, String out, String err) {
            this(argv, exit, out, err, new byte[0]);
        }

        boolean ok() {
            return exit == 0;
        }

        String combined() {
            return out + err;
        }

        /** kind's rendering of a failed child: {@code command "docker ..." failed with error: exit status N}. */
        String kindError() {
            return "command \"" + commandLine(argv) + "\" failed with error: exit status " + exit;
        }
    }

    private final FakeEnvironment env;

    DockerCli(FakeEnvironment env) {
        this.env = env;
    }

    Result run(String... args) {
        return run(List.of(args), null);
    }

    Result run(List<String> args) {
        return run(args, null);
    }

    Result run(List<String> args, byte[] stdin) {
        Result r = runBinary(args, stdin);
        return new Result(r.argv(), r.exit(), new String(r.binaryOut(), StandardCharsets.UTF_8), r.err());
    }

    Result runBinary(List<String> args) {
        return runBinary(args, null);
    }

    /** Runs docker keeping stdout as bytes (for tar streams from {@code docker cp}). */
    Result runBinary(List<String> args, byte[] stdin) {
        List<String> argv = new ArrayList<>();
        argv.add("docker");
        argv.addAll(args);
        List<String> command = new ArrayList<>(argv);
        command.set(0, env.dockerBinary());
        ProcessBuilder pb = new ProcessBuilder(command);
        env.dockerHost().ifPresent(h -> pb.environment().put("DOCKER_HOST", h));
        try {
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            var err = new ByteArrayOutputStream();
            Thread errPump = Thread.ofPlatform().start(() -> pump(p.getErrorStream(), err));
            byte[] out = p.getInputStream().readAllBytes();
            errPump.join();
            int exit = p.waitFor();
            return new Result(argv, exit, "", err.toString(StandardCharsets.UTF_8), out);
        } catch (IOException e) {
            return new Result(argv, 127, "", e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of stdout, blank ones dropped. */
    List<String> lines(String... args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new DockerFailure(r);
        }
        return r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static String commandLine(List<String> argv) {
        return String.join(" ", argv.stream().map(DockerCli::quote).toList());
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    private static void pump(InputStream in, ByteArrayOutputStream sink) {
        try {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A docker call that failed where the fake needs its output. */
    static final class DockerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Result result;

        DockerFailure(Result result) {
            super(result.kindError());
            this.result = result;
        }
    }
}
