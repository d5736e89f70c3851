package dev.outpost.stack.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NvidiaSmiCsvParserTest {
    /** nvidia-smi.md §1, "One GPU", verbatim. */
    static final String ONE_GPU =
            "0, NVIDIA GeForce RTX 4090, GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31, 24564, 1412, 22810, 7, 41, 28.63, 550.54.15";
    /** nvidia-smi.md §1, "Two GPUs", verbatim. */
    static final String TWO_GPUS = """
            0, NVIDIA L4, GPU-0f3b7c52-9a1e-4d6b-8c2f-1a2b3c4d5e6f, 23034, 0, 22563, 0, 38, 16.27, 550.90.07
            1, NVIDIA L4, GPU-7e8d9c0b-1a2b-4c3d-9e8f-0a1b2c3d4e5f, 23034, 17520, 5043, 93, 71, 70.84, 550.90.07
            """;

    @Test
    void readsOneGpu() {
        List<GpuInfo> gpus = NvidiaSmiCsvParser.parse(ONE_GPU + "\n");

        assertThat(gpus).containsExactly(new GpuInfo(0, Optional.of("NVIDIA GeForce RTX 4090"),
                Optional.of("GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31"), OptionalLong.of(24564), OptionalLong.of(1412),
                OptionalLong.of(22810), OptionalInt.of(7), OptionalInt.of(41), OptionalDouble.of(28.63),
                Optional.of("550.54.15")));
        assertThat(gpus.getFirst().label()).isEqualTo("NVIDIA GeForce RTX 4090");
    }

    @Test
    void readsTwoGpusInOrder() {
        List<GpuInfo> gpus = NvidiaSmiCsvParser.parse(TWO_GPUS);

        assertThat(gpus).extracting(GpuInfo::index).containsExactly(0, 1);
        assertThat(gpus).extracting(GpuInfo::uuid).containsExactly(
                Optional.of("GPU-0f3b7c52-9a1e-4d6b-8c2f-1a2b3c4d5e6f"),
                Optional.of("GPU-7e8d9c0b-1a2b-4c3d-9e8f-0a1b2c3d4e5f"));
        GpuInfo busy = gpus.get(1);
        assertThat(busy.memoryUsedMib()).hasValue(17520);
        assertThat(busy.memoryFreeMib()).hasValue(5043);
        assertThat(busy.utilizationPercent()).hasValue(93);
        assertThat(busy.temperatureCelsius()).hasValue(71);
        assertThat(busy.powerDrawWatts()).hasValue(70.84);
        assertThat(busy.driverVersion()).contains("550.90.07");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[N/A]", "[Not Supported]", "[Unknown Error]", "[Insufficient Permissions]", "[GPU is lost]", "N/A"})
    void anyPlaceholderIsNoValueAndTheRestOfTheLineSurvives(String token) {
        String line = "0, NVIDIA GeForce RTX 4070 Laptop GPU, GPU-1b2c3d4e-0000-4a4e-9d2b-2f6a1c9e7b31, 8188, "
                + token + ", " + token + ", " + token + ", " + token + ", " + token + ", 552.22";

        GpuInfo g = NvidiaSmiCsvParser.parse(line).getFirst();

        assertThat(g.memoryTotalMib()).hasValue(8188);
        assertThat(g.memoryUsedMib()).isEmpty();
        assertThat(g.memoryFreeMib()).isEmpty();
        assertThat(g.utilizationPercent()).isEmpty();
        assertThat(g.temperatureCelsius()).isEmpty();
        assertThat(g.powerDrawWatts()).isEmpty();
        assertThat(g.driverVersion()).contains("552.22");
    }

    @Test
    void placeholdersInTextFieldsAndTheIndexToo() {
        String lines = """
                [N/A], [N/A], [N/A], [N/A], [N/A], [N/A], [N/A], [N/A], [N/A], [N/A]
                [Unknown Error], NVIDIA T4, [Unknown Error], 15360, 0, 14913, 0, 30, 9.87, 535.161
                """;

        List<GpuInfo> gpus = NvidiaSmiCsvParser.parse(lines);

        // Without an index the enumeration order (the line's position) stands in.
        assertThat(gpus).extracting(GpuInfo::index).containsExactly(0, 1);
        assertThat(gpus.get(0).name()).isEmpty();
        assertThat(gpus.get(0).label()).isEqualTo("GPU 0");
        assertThat(gpus.get(0).driverVersion()).isEmpty();
        assertThat(gpus.get(1).uuid()).isEmpty();
        assertThat(gpus.get(1).label()).isEqualTo("NVIDIA T4");
    }

    @Test
    void aNameContainingTheSeparatorKeepsTheOtherFieldsInPlace() {
        GpuInfo g = NvidiaSmiCsvParser.parse(
                "2, Odd, Name, GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31, 24564, 1412, 22810, 7, 41, 28.63, 550.54.15").getFirst();

        assertThat(g.index()).isEqualTo(2);
        assertThat(g.name()).contains("Odd, Name");
        assertThat(g.uuid()).contains("GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31");
        assertThat(g.memoryTotalMib()).hasValue(24564);
    }

    @Test
    void noLinesMeansNoGpus() {
        assertThat(NvidiaSmiCsvParser.parse("")).isEmpty();
        assertThat(NvidiaSmiCsvParser.parse("\n\n")).isEmpty();
    }

    @Test
    void tooFewFieldsIsUnexpected() {
        assertThatThrownBy(() -> NvidiaSmiCsvParser.parse("0, NVIDIA L4, GPU-0f3b7c52, 23034"))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("10 comma-separated values")
                .hasMessageContaining("0, NVIDIA L4, GPU-0f3b7c52, 23034");
    }

    @Test
    void unitsWhereNumbersBelongAreUnexpected() {
        // The reference's line without nounits: the parser must not guess at units.
        String withUnits = "0, NVIDIA GeForce RTX 4090, GPU-5c7b1e0a-8f3d-4a4e-9d2b-2f6a1c9e7b31, 24564 MiB, 1412 MiB, "
                + "22810 MiB, 7 %, 41, 28.63 W, 550.54.15";

        assertThatThrownBy(() -> NvidiaSmiCsvParser.parse(withUnits))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("memory.total");
    }

    @Test
    void theHeaderLineIsUnexpected() {
        String header = "index, name, uuid, memory.total [MiB], memory.used [MiB], memory.free [MiB], "
                + "utilization.gpu [%], temperature.gpu, power.draw [W], driver_version";

        assertThatThrownBy(() -> NvidiaSmiCsvParser.parse(header)).isInstanceOf(UnexpectedOutputException.class);
    }
}
