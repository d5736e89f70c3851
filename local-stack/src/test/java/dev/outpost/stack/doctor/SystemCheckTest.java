package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.system.SystemFacts;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCheckTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final Path DATA = Path.of("/var/lib/outpost");

    private static SystemFacts facts(long memory, OptionalLong disk, Map<String, String> proxies) {
        return new SystemFacts(memory, memory / 4, 8, DATA, disk, proxies);
    }

    @Test
    void aRoomyMachineIsOk() {
        Check c = SystemCheck.assess(facts(32 * GIB, OptionalLong.of(200 * GIB), Map.of()));

        assertThat(c.id()).isEqualTo("system");
        assertThat(c.title()).isEqualTo("This computer");
        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("32.0 GiB memory, 8 CPUs, 200.0 GiB free disk");
        assertThat(c.facts()).containsExactly(
                entry("memory", "32.0 GiB total, 8.0 GiB free"),
                entry("CPUs", "8"),
                entry("data directory", DATA.toString()),
                entry("free disk", "200.0 GiB"),
                entry("proxy", "none"));
        assertThat(c.fixHint()).isEmpty();
    }

    @Test
    void exactlyTheThresholdsIsStillOk() {
        assertThat(SystemCheck.assess(facts(8 * GIB, OptionalLong.of(10 * GIB), Map.of())).status())
                .isEqualTo(CheckStatus.OK);
    }

    @Test
    void littleMemoryIsAWarning() {
        Check c = SystemCheck.assess(facts(8 * GIB - 1, OptionalLong.of(200 * GIB), Map.of()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.summary()).startsWith("Only 8.0 GiB of memory");
        assertThat(c.fix()).contains("smaller model");
    }

    @Test
    void littleDiskIsAWarning() {
        Check c = SystemCheck.assess(facts(16 * GIB, OptionalLong.of(9 * GIB), Map.of()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.summary()).isEqualTo("Only 9.0 GiB free disk (10 GiB recommended)");
        assertThat(c.fix()).contains(DATA.toString());
    }

    @Test
    void bothProblemsAreReportedTogether() {
        Check c = SystemCheck.assess(facts(4 * GIB, OptionalLong.of(GIB), Map.of()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.summary()).contains("4.0 GiB of memory").contains("1.0 GiB free disk");
    }

    @Test
    void unreadableDiskIsAWarning() {
        Check c = SystemCheck.assess(facts(16 * GIB, OptionalLong.empty(), Map.of()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.facts()).containsEntry("free disk", "unknown");
    }

    @Test
    void proxiesAreListed() {
        Check c = SystemCheck.assess(facts(16 * GIB, OptionalLong.of(50 * GIB),
                Map.of("HTTPS_PROXY", "http://***@proxy:3128")));

        assertThat(c.facts()).containsEntry("HTTPS_PROXY", "http://***@proxy:3128").doesNotContainKey("proxy");
    }

    @Test
    void runsOnThisMachineWithoutLeakingProxyCredentials(@TempDir Path data) {
        HostEnvironment env = new HostEnvironment(OperatingSystem.current(),
                Map.of("http_proxy", "http://carol:topsecret@proxy:3128"), data);

        Check c = new SystemCheck(env, data).run();

        assertThat(c.id()).isEqualTo("system");
        assertThat(c.facts()).containsEntry("CPUs", String.valueOf(Runtime.getRuntime().availableProcessors()))
                .containsEntry("data directory", data.toString())
                .containsEntry("http_proxy", "http://***@proxy:3128");
        assertThat(c.toString()).doesNotContain("topsecret").doesNotContain("carol");
    }
}
