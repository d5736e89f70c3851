package dev.outpost.stack.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs a fake nvidia-smi through the real runner; the fake answers only the exact query. */
@DisabledOnOs(OS.WINDOWS)
class NvidiaSmiTest {
    static final List<String> QUERY = List.of(
            "--query-gpu=index,name,uuid,memory.total,memory.used,memory.free,utilization.gpu,temperature.gpu,power.draw,driver_version",
            "--format=csv,noheader,nounits");

    @TempDir
    Path bin;

    private final LocalProcessRunner runner = new LocalProcessRunner();

    private FakeTool smi() {
        return FakeTool.named("nvidia-smi").expectArgs(QUERY)
                .onUnexpectedArgs("Field \"x\" is not a valid field to query.");
    }

    private GpuDetection query(FakeTool fake) throws Exception {
        return new NvidiaSmi(runner, fake.writeTo(bin), OperatingSystem.LINUX).query();
    }

    @Test
    void runsExactlyTheDocumentedQuery() {
        assertThat(NvidiaSmi.QUERY_ARGS).isEqualTo(QUERY);
    }

    @Test
    void oneGpu() throws Exception {
        GpuDetection d = query(smi().stdout(NvidiaSmiCsvParserTest.ONE_GPU));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Nvidia.class, n -> {
            assertThat(n.gpus()).hasSize(1);
            GpuInfo g = n.gpus().getFirst();
            assertThat(g.name()).contains("NVIDIA GeForce RTX 4090");
            assertThat(g.memoryTotalMib()).hasValue(24564);
            assertThat(g.memoryFreeMib()).hasValue(22810);
            assertThat(g.driverVersion()).contains("550.54.15");
        });
    }

    @Test
    void twoGpus() throws Exception {
        GpuDetection d = query(smi().stdoutText(NvidiaSmiCsvParserTest.TWO_GPUS));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Nvidia.class, n -> {
            assertThat(n.gpus()).extracting(GpuInfo::index).containsExactly(0, 1);
            assertThat(n.gpus()).extracting(g -> g.memoryUsedMib().getAsLong()).containsExactly(0L, 17520L);
        });
    }

    @Test
    void notAvailableFields() throws Exception {
        GpuDetection d = query(smi().stdout(
                "0, NVIDIA GeForce RTX 4070 Laptop GPU, GPU-1b2c3d4e-0000-4a4e-9d2b-2f6a1c9e7b31, 8188, 512, 7480, [N/A], 45, [N/A], 552.22"));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Nvidia.class, n -> {
            GpuInfo g = n.gpus().getFirst();
            assertThat(g.utilizationPercent()).isEmpty();
            assertThat(g.powerDrawWatts()).isEmpty();
            assertThat(g.temperatureCelsius()).hasValue(45);
        });
    }

    @Test
    void driverNotLoaded() throws Exception {
        GpuDetection d = query(smi().exitCode(9).stdout("NVIDIA-SMI has failed because it couldn't communicate with "
                + "the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class, f -> {
            assertThat(f.message()).contains("not loaded");
            assertThat(f.fixHint()).contains("ubuntu-drivers").contains("--gpus=all");
        });
    }

    @Test
    void driverMessageIsRecognisedEvenUnderAnotherExitCode() throws Exception {
        GpuDetection d = query(smi().exitCode(255).stderr("NVIDIA-SMI has failed because it couldn't communicate with "
                + "the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class, f -> assertThat(f.message()).contains("not loaded"));
    }

    @Test
    void noDevices() throws Exception {
        GpuDetection d = query(smi().exitCode(6).stdout("No devices were found"));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.None.class,
                n -> assertThat(n.reason()).contains("sees no GPU"));
    }

    @Test
    void driverLibraryMismatch() throws Exception {
        GpuDetection d = query(smi().exitCode(18).stdout("Failed to initialize NVML: Driver/library version mismatch",
                "NVML library version: 535.161"));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class, f -> {
            assertThat(f.message()).contains("different versions");
            assertThat(f.fixHint()).contains("Restart");
        });
    }

    @Test
    void aQueryTheDriverRejectsIsReportedWithItsMessage() throws Exception {
        // A fake expecting other fields stands in for a driver too old to know one of ours.
        Path fake = FakeTool.named("nvidia-smi").expectArgs("--query-gpu=index", "--format=csv")
                .onUnexpectedArgs("Field \"power.draw\" is not a valid field to query.").writeTo(bin);

        GpuDetection d = new NvidiaSmi(runner, fake, OperatingSystem.WINDOWS).query();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class, f -> {
            assertThat(f.message()).contains("rejected the query").contains("is not a valid field to query");
            assertThat(f.fixHint()).contains("too old").contains("nvidia.com/Download");
        });
    }

    @Test
    void unknownExitCodesKeepTheOutputTail() throws Exception {
        GpuDetection d = query(smi().exitCode(255).stderr("Unable to determine the device handle for GPU0000:01:00.0: Unknown Error"));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class, f -> {
            assertThat(f.message()).contains("exit code 255").contains("Unable to determine the device handle");
            assertThat(f.fixHint()).contains("nvidia-smi");
        });
    }

    @Test
    void outputThatIsNotTheQueryIsAFailureNotACrash() throws Exception {
        GpuDetection d = query(smi().stdout("Sun Jun  1 12:00:00 2026", "+-----------------------------------+"));

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class,
                f -> assertThat(f.message()).contains("cannot read").contains("Sun Jun"));
    }

    @Test
    void successWithNoLinesMeansNoGpu() throws Exception {
        assertThat(query(smi())).isInstanceOf(GpuDetection.None.class);
    }

    @Test
    void aHungDriverTimesOut() throws Exception {
        Path fake = smi().body("exec sleep 30").writeTo(bin);

        GpuDetection d = new NvidiaSmi(runner, fake, OperatingSystem.LINUX, Duration.ofMillis(300)).query();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class,
                f -> assertThat(f.message()).contains("did not answer"));
    }

    @Test
    void aBinaryThatCannotStartIsAFailure() throws Exception {
        GpuDetection d = new NvidiaSmi(runner, bin.resolve("gone"), OperatingSystem.LINUX).query();

        assertThat(d).isInstanceOfSatisfying(GpuDetection.Failed.class,
                f -> assertThat(f.message()).contains("could not start"));
    }
}
