package dev.outpost.stack.testing;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Host descriptions for tests: a chosen OS whose PATH is only the given directory. */
public final class Hosts {
    private Hosts() {
    }

    public static HostEnvironment withPath(OperatingSystem os, Path binDir) {
        return withPath(os, binDir, Map.of());
    }

    public static HostEnvironment withPath(OperatingSystem os, Path binDir, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("PATH", binDir.toString());
        return new HostEnvironment(os, env, binDir);
    }
}
