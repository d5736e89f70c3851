package dev.outpost.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.TestServices;
import dev.outpost.stack.gpu.NvidiaSmi;
import dev.outpost.stack.testing.FakeTool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `outpost gpu` over a fake nvidia-smi that answers the exact query with the real CSV format. */
class GpuCliTest {
    @TempDir
    Path tmp;

    private String[] run(Path bin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var services = TestServices.withChecks(tmp.resolve("home"), List.of(), Map.of("PATH", bin.toString()));
        int code = Cli.run(args, services, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void reportsEachGpuWithNotAvailableFieldsLeftEmpty() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        FakeTool.named("nvidia-smi").expectArgs(NvidiaSmi.QUERY_ARGS).stdoutText("""
                0, NVIDIA L4, GPU-0f3b7c52-9a1e-4d6b-8c2f-1a2b3c4d5e6f, 23034, 0, 22563, 0, 38, 16.27, 550.90.07
                1, NVIDIA GeForce RTX 4090, GPU-7e8d9c0b-1a2b-4c3d-9e8f-0a1b2c3d4e5f, 24564, 17520, 6520, [N/A], 71, [Not Supported], 550.90.07
                """).writeTo(bin);

        String[] json = run(bin, "gpu", "--json");
        assertThat(json[0]).isEqualTo("0");
        JsonNode report = JsonMapper.builder().build().readTree(json[1]);
        assertThat(report.get("kind").asString()).isEqualTo("nvidia");
        assertThat(report.get("gpus")).hasSize(2);
        JsonNode second = report.get("gpus").get(1);
        assertThat(second.get("name").asString()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(second.get("memoryFreeMib").asLong()).isEqualTo(6520);
        assertThat(second.get("utilizationPercent").isNull()).isTrue();
        assertThat(second.get("powerDrawWatts").isNull()).isTrue();

        String[] table = run(bin, "gpu");
        assertThat(table[1]).contains("NVIDIA L4").contains("22.0 GiB").contains("16 W").contains("n/a");
    }

    @Test
    void aBrokenDriverIsAFailureWithItsFix() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        FakeTool.named("nvidia-smi").expectArgs(NvidiaSmi.QUERY_ARGS)
                .stdout("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.")
                .exitCode(9).writeTo(bin);

        String[] result = run(bin, "gpu");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).contains("GPU driver problem");
    }

    @Test
    void noDriverMeansNoGpuAndThatIsFine() throws Exception {
        String[] result = run(Files.createDirectories(tmp.resolve("empty")), "gpu", "--json");
        assertThat(result[0]).isEqualTo("0");
        assertThat(JsonMapper.builder().build().readTree(result[1]).get("kind").asString()).isEqualTo("none");
    }
}
