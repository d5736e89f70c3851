package dev.outpost.stack.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpuPowerTest {

    @ParameterizedTest
    @CsvSource({
            "nvidia-tesla-t4, NVIDIA T4",
            "T4, NVIDIA T4",
            "nvidia-l4, NVIDIA L4",
            "l4, NVIDIA L4",
            "nvidia-tesla-a100, NVIDIA A100 40GB",
            "A100, NVIDIA A100 40GB",
            "nvidia-a100-80gb, NVIDIA A100 80GB",
            "nvidia-h100-80gb, NVIDIA H100 80GB SXM",
            "H100, NVIDIA H100 80GB SXM",
            "NVIDIA Tesla V100, NVIDIA V100"})
    void mapsGkeLabelsAndPlainNames(String type, String name) {
        assertThat(GpuPower.forType(type)).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo(name));
    }

    @Test
    void ccfGpusKeepCcfsFigures() {
        var t4 = GpuPower.forType("nvidia-tesla-t4").orElseThrow();
        var a100 = GpuPower.forType("nvidia-tesla-a100").orElseThrow();

        assertThat(t4.minWatts()).isEqualTo(8.0);
        assertThat(t4.maxWatts()).isEqualTo(71.0);
        assertThat(a100.minWatts()).isEqualTo(46.0);
        assertThat(a100.maxWatts()).isEqualTo(407.0);
        assertThat(t4.source()).contains("Appendix III");
    }

    @Test
    void gpusCcfLacksUseTheirBoardPowerAndCcfsIdleRatio() {
        var l4 = GpuPower.forType("nvidia-l4").orElseThrow();
        var h100 = GpuPower.forType("nvidia-h100-80gb").orElseThrow();

        assertThat(l4.maxWatts()).isEqualTo(72.0);
        assertThat(l4.minWatts()).isCloseTo(72.0 * 8 / 71, within(1e-9));
        assertThat(h100.maxWatts()).isEqualTo(700.0);
        assertThat(h100.minWatts() / h100.maxWatts()).isCloseTo(8.0 / 71, within(1e-9));
    }

    @Test
    void ccfsOwnTableKeepsOneIdleRatioWhichIsWhyItIsReused() {
        var a100 = GpuPower.forType("a100").orElseThrow();
        var v100 = GpuPower.forType("v100").orElseThrow();

        assertThat(a100.minWatts() / a100.maxWatts()).isCloseTo(GpuPower.CCF_IDLE_RATIO, within(0.002));
        assertThat(v100.minWatts() / v100.maxWatts()).isCloseTo(GpuPower.CCF_IDLE_RATIO, within(0.002));
    }

    @Test
    void unknownOrBlankTypesAreEmpty() {
        assertThat(GpuPower.forType("nvidia-rtx-9090")).isEmpty();
        assertThat(GpuPower.forType("")).isEmpty();
        assertThat(GpuPower.forType(null)).isEmpty();
    }
}
