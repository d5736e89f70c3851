package dev.outpost.stack.doctor;

import dev.outpost.stack.docker.DockerEndpoint;
import dev.outpost.stack.docker.DockerEndpointException;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.docker.EngineAttempt;
import dev.outpost.stack.docker.EngineInfo;
import dev.outpost.stack.docker.EngineKind;
import dev.outpost.stack.docker.EngineProbe;
import dev.outpost.stack.docker.EngineUnavailableException;
import dev.outpost.stack.docker.Product;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Is a Docker-compatible engine running, where, and has it room to work. */
public final class ContainerEngineCheck implements DiagnosticProbe {
    public static final String ID = "engine";
    static final String TITLE = "Container engine";
    /** Below this, image pulls and cluster nodes start failing with "no space left on device". */
    static final long LOW_DISK_BYTES = 10L * 1024 * 1024 * 1024;

    private final HostEnvironment env;
    private final EngineProbe probe;

    public ContainerEngineCheck(HostEnvironment env) {
        this(env, new EngineProbe(new DockerEndpointResolver(env)));
    }

    public ContainerEngineCheck(HostEnvironment env, EngineProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Check run() throws InterruptedException {
        try {
            return found(probe.probe());
        } catch (EngineUnavailableException e) {
            return unavailable(e, env.os());
        }
    }

    static Check found(EngineInfo info) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("endpoint", info.endpoint().address());
        facts.put("source", info.endpoint().origin());
        info.product().ifPresent(p -> facts.put("product", p.displayName()));
        facts.put("engine", info.kind().displayName());
        facts.put("version", info.serverVersion());
        facts.put("api", info.apiVersion());
        facts.put("os", info.operatingSystem());
        facts.put("arch", info.platform());
        facts.put("cgroup driver", info.cgroupDriver() + info.cgroupVersion().map(v -> " (cgroup v" + v + ")").orElse(""));
        facts.put("root dir", info.rootDir());
        facts.put("free disk", info.freeDiskBytes().isPresent() ? ByteSizes.human(info.freeDiskBytes().getAsLong())
                : "unknown (the engine's disk is not on this machine)");
        facts.put("containers", info.containersRunning() + " running, " + info.containersTotal() + " total");
        facts.put("images", Integer.toString(info.images()));
        List<String> notes = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        lowDisk(info, notes, fixes);
        configurationMismatch(info, notes, fixes, facts);
        String summary = info.kind().displayName() + " " + info.serverVersion() + " (" + info.platform() + ") at "
                + info.endpoint().address()
                + info.product().filter(p -> p != Product.PODMAN || info.kind() != EngineKind.PODMAN)
                        .map(p -> " (" + p.displayName() + ")").orElse("");
        if (notes.isEmpty()) {
            return Check.ok(ID, TITLE, summary, facts);
        }
        return Check.of(ID, TITLE, CheckStatus.WARNING, summary + "; " + String.join("; ", notes), facts,
                String.join(" ", fixes));
    }

    private static void lowDisk(EngineInfo info, List<String> notes, List<String> fixes) {
        if (info.freeDiskBytes().isEmpty() || info.freeDiskBytes().getAsLong() >= LOW_DISK_BYTES) {
            return;
        }
        notes.add("only " + ByteSizes.human(info.freeDiskBytes().getAsLong()) + " free under " + info.rootDir());
        String cli = info.kind() == EngineKind.PODMAN ? "podman" : "docker";
        fixes.add("Free disk space: `" + cli + " system prune` removes stopped containers, unused networks and "
                + "dangling images (add -a for every unused image), or give " + info.rootDir() + " a larger disk.");
    }

    /** The user configured one engine and Outpost had to use another: their docker CLI will not agree with us. */
    private static void configurationMismatch(EngineInfo info, List<String> notes, List<String> fixes,
                                              Map<String, String> facts) {
        if (info.resolveError().isPresent()) {
            DockerEndpointException e = info.resolveError().get();
            facts.put("configuration", e.getMessage());
            notes.add("the docker CLI's configuration is broken, so Outpost fell back to " + info.endpoint().origin());
            fixes.add(e.getMessage());
            return;
        }
        if (info.failedBefore().isEmpty()) {
            return;
        }
        EngineAttempt first = info.failedBefore().getFirst();
        if (first.endpoint().source() == DockerEndpoint.Source.WELL_KNOWN
                || first.endpoint().source() == DockerEndpoint.Source.DEFAULT) {
            return;
        }
        facts.put("not answering", first.describe());
        notes.add("the configured engine (" + first.endpoint().origin() + ") did not answer");
        fixes.add("Start the engine at " + first.endpoint().address() + ", or point the docker CLI at the one "
                + "Outpost found: unset DOCKER_HOST / DOCKER_CONTEXT or run `docker context use default`.");
    }

    static Check unavailable(EngineUnavailableException e, OperatingSystem os) {
        Map<String, String> facts = new LinkedHashMap<>();
        e.resolveError().ifPresent(r -> facts.put("configuration", r.getMessage()));
        List<EngineAttempt> attempts = e.attempts();
        for (int i = 0; i < attempts.size(); i++) {
            facts.put("attempt " + (i + 1), attempts.get(i).describe());
        }
        boolean missing = e.nothingListening() && e.resolveError().isEmpty();
        String summary = attempts.isEmpty() ? "No container engine found: no engine socket on this machine"
                : "No container engine answered (" + attempts.size() + (attempts.size() == 1 ? " place" : " places")
                        + " tried)";
        if (e.resolveError().isPresent()) {
            summary = "The docker configuration is broken and no other engine answered";
        }
        return Check.of(ID, TITLE, missing ? CheckStatus.MISSING : CheckStatus.FAILED, summary, facts, fix(e, os));
    }

    private static String fix(EngineUnavailableException e, OperatingSystem os) {
        List<String> parts = new ArrayList<>();
        e.resolveError().ifPresent(r -> parts.add(r.getMessage()));
        e.attempts().stream().filter(a -> a.failure() == EngineAttempt.Failure.PERMISSION_DENIED).findFirst()
                .ifPresent(a -> parts.add(permissionFix(a, os)));
        if (e.attempts().stream().anyMatch(a -> a.failure() == EngineAttempt.Failure.UNSUPPORTED)) {
            parts.add("Outpost cannot reach engines over ssh://: forward the remote socket to a local one "
                    + "(`ssh -NL /tmp/docker.sock:/var/run/docker.sock host`) and set DOCKER_HOST=unix:///tmp/docker.sock.");
        }
        parts.add(switch (os) {
            case LINUX -> "Install Docker Engine or Podman and start it: `sudo systemctl start docker`, or for "
                    + "rootless Podman `systemctl --user start podman.socket` and set "
                    + "DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock.";
            case MACOS -> "Start Docker Desktop, or run `colima start` or `podman machine start`.";
            case WINDOWS -> "Start Docker Desktop or Podman Desktop.";
        });
        return String.join(" ", parts);
    }

    private static String permissionFix(EngineAttempt a, OperatingSystem os) {
        if (os == OperatingSystem.LINUX) {
            return "Your user may not open " + a.endpoint().address() + ": add it to the docker group with "
                    + "`sudo usermod -aG docker $USER`, then log out and back in.";
        }
        return "Your user may not open " + a.endpoint().address() + ": check the socket's owner and permissions.";
    }
}
