package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test-side docker CLI access: what exists in the engine, and clean-up by label. */
final class DockerProbe {
    private DockerProbe() {
    }

    static boolean available() {
        try {
            return exec("version", "--format", "{{.Server.Version}}").exit() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Container names with the label (stopped ones included), sorted. */
    static List<String> containers(String label) {
        return exec("ps", "-a", "--filter", "label=" + label, "--format", "{{.Names}}").outLines().stream().sorted()
                .toList();
    }

    static String label(String container, String key) {
        return exec("inspect", "--format", "{{index .Config.Labels \"" + key + "\"}}", container).out().strip();
    }

    static String inspect(String container, String format) {
        return exec("inspect", "--format", format, container).out().strip();
    }

    static boolean exists(String kind, String name) {
        return exec(kind, "inspect", name).exit() == 0;
    }

    static void stop(List<String> containers) {
        List<String> args = new ArrayList<>(List.of("stop", "-t", "1"));
        args.addAll(containers);
        CliRun r = exec(args.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError("docker stop failed: " + r);
        }
    }

    /** Removes every container with the label, then the named networks and volumes (missing ones are fine). */
    static void removeAll(String label, List<String> networks, List<String> volumes) {
        List<String> ids = exec("ps", "-aq", "--filter", "label=" + label).outLines();
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(ids);
            exec(args.toArray(String[]::new));
        }
        networks.forEach(n -> exec("network", "rm", n));
        volumes.forEach(v -> exec("volume", "rm", "-f", v));
    }

    static CliRun exec(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new CliRun(p.waitFor(), out, err);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
