package dev.outpost.stack.system;

import dev.outpost.stack.platform.HostEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The machine's capacity as far as running clusters and models is concerned.
 *
 * @param totalMemoryBytes physical memory (or the container's limit, which the JVM honours)
 * @param freeMemoryBytes  memory the OS reports free right now
 * @param cpuCount         processors available to Outpost
 * @param dataDirectory    where Outpost keeps images and models
 * @param freeDiskBytes    usable space on that directory's file system; empty when it could not be read
 * @param proxies          proxy variables that are set, credentials masked (see {@link ProxyVariables})
 */
public record SystemFacts(long totalMemoryBytes, long freeMemoryBytes, int cpuCount, Path dataDirectory,
                          OptionalLong freeDiskBytes, Map<String, String> proxies) {

    public SystemFacts {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(freeDiskBytes, "freeDiskBytes");
        proxies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
    }

    /** Reads this machine; {@code env} supplies the proxy variables. */
    public static SystemFacts read(HostEnvironment env, Path dataDirectory) {
        var os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        return new SystemFacts(os.getTotalMemorySize(), os.getFreeMemorySize(),
                Runtime.getRuntime().availableProcessors(), dataDirectory, freeDisk(dataDirectory),
                ProxyVariables.from(env));
    }

    /**
     * Usable space where the directory is, or would be: on a first run it does not exist yet, so its
     * nearest existing parent stands in (same file system in all but exotic mount layouts).
     */
    static OptionalLong freeDisk(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(p).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
