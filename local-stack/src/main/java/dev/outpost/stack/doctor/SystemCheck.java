package dev.outpost.stack.doctor;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.system.SystemFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enough memory and disk for clusters and models? Also lists the proxy settings, which explain many pull failures. */
public final class SystemCheck implements DiagnosticProbe {
    public static final String ID = "system";
    private static final String TITLE = "This computer";
    /** A kind cluster plus a small model is cramped below this. */
    static final long MIN_MEMORY_BYTES = 8 * Sizes.GIB;
    /** Node images and one model alone take several GiB. */
    static final long MIN_FREE_DISK_BYTES = 10 * Sizes.GIB;

    private final HostEnvironment env;
    private final Path dataDirectory;

    /** @param dataDirectory where Outpost keeps images and models; its disk is the one measured */
    public SystemCheck(HostEnvironment env, Path dataDirectory) {
        this.env = env;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Check run() {
        return assess(SystemFacts.read(env, dataDirectory));
    }

    /** The verdict for a set of facts; separate from reading them so any machine can be described. */
    public static Check assess(SystemFacts f) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("memory", Sizes.gib(f.totalMemoryBytes()) + " total, " + Sizes.gib(f.freeMemoryBytes()) + " free");
        facts.put("CPUs", String.valueOf(f.cpuCount()));
        facts.put("data directory", f.dataDirectory().toString());
        facts.put("free disk", f.freeDiskBytes().isPresent() ? Sizes.gib(f.freeDiskBytes().getAsLong()) : "unknown");
        if (f.proxies().isEmpty()) {
            facts.put("proxy", "none");
        } else {
            facts.putAll(f.proxies());
        }

        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (f.totalMemoryBytes() < MIN_MEMORY_BYTES) {
            problems.add("only " + Sizes.gib(f.totalMemoryBytes()) + " of memory (8 GiB recommended)");
            fixes.add("Close other applications, use a smaller model, or offload models to a remote GPU.");
        }
        if (f.freeDiskBytes().isEmpty()) {
            problems.add("free disk space of " + f.dataDirectory() + " could not be read");
            fixes.add("Check that " + f.dataDirectory() + " is on a readable, mounted disk.");
        } else if (f.freeDiskBytes().getAsLong() < MIN_FREE_DISK_BYTES) {
            problems.add("only " + Sizes.gib(f.freeDiskBytes().getAsLong()) + " free disk (10 GiB recommended)");
            fixes.add("Free space on the disk holding " + f.dataDirectory() + ", or move Outpost's data directory.");
        }
        if (problems.isEmpty()) {
            return Check.ok(ID, TITLE, Sizes.gib(f.totalMemoryBytes()) + " memory, " + f.cpuCount() + " CPUs, "
                    + facts.get("free disk") + " free disk", facts);
        }
        String summary = String.join("; ", problems);
        return Check.of(ID, TITLE, CheckStatus.WARNING,
                Character.toUpperCase(summary.charAt(0)) + summary.substring(1), facts, String.join(" ", fixes));
    }
}
