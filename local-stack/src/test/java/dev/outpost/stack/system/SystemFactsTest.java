package dev.outpost.stack.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemFactsTest {
    @TempDir
    Path dir;

    @Test
    void readsThisMachine() throws Exception {
        HostEnvironment env = new HostEnvironment(OperatingSystem.current(),
                Map.of("HTTPS_PROXY", "http://me:pw@proxy:3128"), dir);

        SystemFacts f = SystemFacts.read(env, dir);

        assertThat(f.totalMemoryBytes()).isPositive();
        assertThat(f.freeMemoryBytes()).isBetween(0L, f.totalMemoryBytes());
        assertThat(f.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        // Other processes write meanwhile, so compare with the disk's size rather than a second reading.
        assertThat(f.freeDiskBytes()).isPresent();
        assertThat(f.freeDiskBytes().getAsLong()).isPositive().isLessThanOrEqualTo(Files.getFileStore(dir).getTotalSpace());
        assertThat(f.dataDirectory()).isEqualTo(dir);
        assertThat(f.proxies()).containsExactly(Map.entry("HTTPS_PROXY", "http://***@proxy:3128"));
    }

    @Test
    void aDataDirectoryNotCreatedYetIsMeasuredOnItsNearestParent() throws Exception {
        Path notYet = dir.resolve("outpost/data/models");

        assertThat(SystemFacts.freeDisk(notYet)).isPresent();
        assertThat(Files.exists(notYet)).isFalse();
    }
}
