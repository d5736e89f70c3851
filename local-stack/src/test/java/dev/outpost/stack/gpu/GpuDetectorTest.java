package dev.outpost.stack.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import dev.outpost.stack.testing.Hosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Chooses the probe by OS and finds tools on the described host's PATH, not the JVM's. */
@DisabledOnOs(OS.WINDOWS)
class GpuDetectorTest {
    @TempDir
    Path bin;

    private final LocalProcessRunner runner = new LocalProcessRunner();

    private void fakeNvidiaSmi(String name) throws Exception {
        FakeTool.named(name).expectArgs(NvidiaSmiTest.QUERY).stdoutText(NvidiaSmiCsvParserTest.TWO_GPUS).writeTo(bin);
    }

    private void fakeSystemProfiler(String json) throws Exception {
        FakeTool.named("system_profiler").expectArgs("-json", "SPDisplaysDataType").stdoutText(json).writeTo(bin);
    }

    @Test
    void linuxWithoutNvidiaSmiHasNoGpu() throws Exception {
        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.LINUX, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.None.class,
                n -> assertThat(n.reason()).contains("nvidia-smi is not on PATH"));
    }

    @Test
    void linuxAsksNvidiaSmi() throws Exception {
        fakeNvidiaSmi("nvidia-smi");

        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.LINUX, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Nvidia.class, n -> assertThat(n.gpus()).hasSize(2));
    }

    @Test
    void windowsFindsNvidiaSmiThroughPathext() throws Exception {
        fakeNvidiaSmi("nvidia-smi.exe");

        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.WINDOWS, bin), runner).detect();

        assertThat(d).isInstanceOf(GpuDetection.Nvidia.class);
    }

    @Test
    void macOsNeverAsksNvidiaSmi() throws Exception {
        fakeNvidiaSmi("nvidia-smi");
        fakeSystemProfiler(AppleGpuParserTest.M3_MAX);
        FakeTool.named("sysctl").expectArgs("-n", "hw.memsize").stdout("68719476736").writeTo(bin);

        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.MACOS, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.AppleSilicon.class, a -> {
            assertThat(a.name()).isEqualTo("Apple M3 Max");
            assertThat(a.cores()).hasValue(40);
            assertThat(a.unifiedMemoryBytes()).hasValue(68_719_476_736L);
        });
    }

    @Test
    void appleSiliconWithoutSysctlStillReportsTheGpu() throws Exception {
        fakeSystemProfiler(AppleGpuParserTest.M3_MAX);

        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.MACOS, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.AppleSilicon.class,
                a -> assertThat(a.unifiedMemoryBytes()).isEmpty());
    }

    @Test
    void anIntelMacHasNoUsableGpu() throws Exception {
        fakeSystemProfiler(AppleGpuParserTest.INTEL_MAC);

        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.MACOS, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.None.class,
                n -> assertThat(n.reason()).contains("AMD Radeon Pro 5500M").contains("CPU"));
    }

    @Test
    void aFailingSystemProfilerIsAFailure() throws Exception {
        FakeTool.named("system_profiler").expectArgs("-json", "SPDisplaysDataType").exitCode(1)
                .stderr("system_profiler: something broke").writeTo(bin);

        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.MACOS, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class,
                f -> assertThat(f.message()).contains("exit code 1").contains("something broke"));
    }

    @Test
    void macOsWithoutSystemProfilerIsAFailure() throws Exception {
        GpuDetection d = new GpuDetector(Hosts.withPath(OperatingSystem.MACOS, bin), runner).detect();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class,
                f -> assertThat(f.fixHint()).contains("/usr/sbin"));
    }
}
