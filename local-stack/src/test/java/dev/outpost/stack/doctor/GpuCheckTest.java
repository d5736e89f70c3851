package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import dev.outpost.stack.testing.Hosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class GpuCheckTest {
    private static final List<String> QUERY = List.of(
            "--query-gpu=index,name,uuid,memory.total,memory.used,memory.free,utilization.gpu,temperature.gpu,power.draw,driver_version",
            "--format=csv,noheader,nounits");

    @TempDir
    Path bin;

    private final LocalProcessRunner runner = new LocalProcessRunner();

    private Check run(OperatingSystem os) throws Exception {
        return new GpuCheck(Hosts.withPath(os, bin), runner).run();
    }

    @Test
    void oneNvidiaGpu() throws Exception {
        FakeTool.named("nvidia-smi").expectArgs(QUERY).stdout(
                "0, NVIDIA GeForce RTX 4090, GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31, 24564, 1412, 22810, 7, 41, 28.63, 550.54.15")
                .writeTo(bin);

        Check c = run(OperatingSystem.LINUX);

        assertThat(c.id()).isEqualTo("gpu");
        assertThat(c.title()).isEqualTo("GPU");
        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("NVIDIA GeForce RTX 4090, 24.0 GiB VRAM");
        assertThat(c.facts()).containsExactly(
                entry("GPU 0", "NVIDIA GeForce RTX 4090"),
                entry("GPU 0 VRAM", "24.0 GiB total, 22.3 GiB free"),
                entry("GPU 0 UUID", "GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31"),
                entry("driver", "550.54.15"));
    }

    @Test
    void twoNvidiaGpus() throws Exception {
        FakeTool.named("nvidia-smi").expectArgs(QUERY).stdout(
                "0, NVIDIA L4, GPU-0f3b7c52-9a1e-4d6b-8c2f-1a2b3c4d5e6f, 23034, 0, 22563, 0, 38, 16.27, 550.90.07",
                "1, NVIDIA L4, GPU-7e8d9c0b-1a2b-4c3d-9e8f-0a1b2c3d4e5f, 23034, 17520, 5043, 93, 71, 70.84, 550.90.07")
                .writeTo(bin);

        Check c = run(OperatingSystem.LINUX);

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("2 NVIDIA GPUs, 45.0 GiB VRAM in total");
        assertThat(c.facts()).containsEntry("GPU 1", "NVIDIA L4").containsEntry("GPU 1 VRAM", "22.5 GiB total, 4.9 GiB free");
    }

    @Test
    void unknownVramIsSaidSo() throws Exception {
        FakeTool.named("nvidia-smi").expectArgs(QUERY).stdout(
                "0, NVIDIA GB10, GPU-11111111-2222-3333-4444-555555555555, [N/A], [N/A], [N/A], 0, 40, 4.50, 580.95.05")
                .writeTo(bin);

        Check c = run(OperatingSystem.LINUX);

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("NVIDIA GB10");
        assertThat(c.facts()).containsEntry("GPU 0 VRAM", "total unknown, free unknown");
    }

    @Test
    void noGpuIsMissingWithADriverHint() throws Exception {
        Check linux = run(OperatingSystem.LINUX);

        assertThat(linux.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(linux.summary()).isEqualTo("No NVIDIA GPU found; models run on CPU or can be offloaded to a remote GPU");
        assertThat(linux.facts()).containsKey("reason");
        assertThat(linux.fix()).contains("NVIDIA driver").contains("ubuntu-drivers");
        assertThat(run(OperatingSystem.WINDOWS).fix()).contains("nvidia.com/Download");
    }

    @Test
    void aBrokenDriverIsFailedWithItsHint() throws Exception {
        FakeTool.named("nvidia-smi").expectArgs(QUERY).exitCode(18)
                .stdout("Failed to initialize NVML: Driver/library version mismatch").writeTo(bin);

        Check c = run(OperatingSystem.LINUX);

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.summary()).contains("different versions");
        assertThat(c.fix()).contains("Restart the computer");
    }

    @Test
    void appleSilicon() throws Exception {
        FakeTool.named("system_profiler").expectArgs("-json", "SPDisplaysDataType").stdoutText("""
                {"SPDisplaysDataType":[{"_name":"Apple M2 Pro","sppci_model":"Apple M2 Pro","sppci_cores":"19",
                  "spdisplays_vendor":"sppci_vendor_Apple"}]}
                """).writeTo(bin);
        FakeTool.named("sysctl").expectArgs("-n", "hw.memsize").stdout("34359738368").writeTo(bin);

        Check c = run(OperatingSystem.MACOS);

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("Apple M2 Pro, 32.0 GiB unified memory");
        assertThat(c.facts()).containsExactly(entry("GPU", "Apple M2 Pro"), entry("GPU cores", "19"),
                entry("unified memory", "32.0 GiB"));
    }

    @Test
    void anIntelMacIsMissingWithoutADriverHint() throws Exception {
        FakeTool.named("system_profiler").expectArgs("-json", "SPDisplaysDataType")
                .stdout("{\"SPDisplaysDataType\":[{\"sppci_model\":\"Intel Iris Plus Graphics\"}]}").writeTo(bin);

        Check c = run(OperatingSystem.MACOS);

        assertThat(c.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(c.summary()).startsWith("No Apple Silicon GPU found");
        assertThat(c.fix()).doesNotContain("driver").contains("remote GPU");
    }
}
