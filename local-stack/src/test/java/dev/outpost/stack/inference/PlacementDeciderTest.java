package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.model.Profile.Placement;
import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.gpu.GpuInfo;
import dev.outpost.stack.inference.PlacementDecision.Where;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlacementDeciderTest {
    static final long MIB = 1024L * 1024;
    static final long GIB = 1024 * MIB;
    /** llama3.1:8b (Q4_K_M) as /api/tags reports it. */
    static final long LLAMA_8B = 4_920_753_984L;

    private final PlacementDecider decider = new PlacementDecider();

    static GpuInfo gpu(int index, String name, Long totalMib, Long usedMib, Long freeMib) {
        return new GpuInfo(index, Optional.of(name), Optional.of("GPU-" + index), opt(totalMib), opt(usedMib), opt(freeMib),
                OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.empty(), Optional.of("550.54.15"));
    }

    private static OptionalLong opt(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static GpuDetection rtx4090(long freeMib) {
        return new GpuDetection.Nvidia(List.of(gpu(0, "NVIDIA GeForce RTX 4090", 24564L, 24564 - freeMib, freeMib)));
    }

    static final Optional<RemoteOption> GKE_L4 = Optional.of(
            new RemoteOption("gke-l4", Optional.of("nvidia-l4"), OptionalInt.of(24), true));
    static final Optional<RemoteOption> GKE_L4_DOWN = Optional.of(
            new RemoteOption("gke-l4", Optional.of("nvidia-l4"), OptionalInt.of(24), false));

    private PlacementDecision decide(Placement p, long size, GpuDetection gpu, Optional<RemoteOption> remote,
                                     boolean fallback) {
        return decider.decide(new PlacementRequest(p, "llama3.1:8b", OptionalLong.of(size), gpu, remote, fallback));
    }

    @Test
    void headroomRuleIsTwentyPercentPlusHalfAGibibyte() {
        assertThat(PlacementDecider.requiredBytes(10 * GIB)).isEqualTo(12 * GIB + 512 * MIB);
        assertThat(PlacementDecider.requiredBytes(0)).isEqualTo(512 * MIB);
    }

    @Test
    void autoRunsLocallyWhenTheBestGpuHasRoom() {
        PlacementDecision d = decide(Placement.AUTO, LLAMA_8B, rtx4090(21_853), GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).isEqualTo("llama3.1:8b needs ~6.0 GiB with headroom; the RTX 4090 has 21.3 GiB free → local");
        assertThat(d.warnings()).isEmpty();
        assertThat(d.target()).isEmpty();
    }

    @Test
    void autoGoesRemoteWhenItDoesNotFit() {
        PlacementDecision d = decide(Placement.AUTO, LLAMA_8B, rtx4090(3_174), GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.REMOTE);
        assertThat(d.target()).contains("gke-l4");
        assertThat(d.reason()).isEqualTo("llama3.1:8b needs ~6.0 GiB with headroom; the RTX 4090 has only 3.1 GiB free"
                + " → remote on gke-l4 (nvidia-l4, 24 GiB)");
    }

    @Test
    void exactlyAtTheLimitFitsAndOneByteMoreDoesNot() {
        long freeMib = 8000;
        long sizeAtLimit = Math.round((freeMib - 512) * MIB / 1.2);
        assertThat(PlacementDecider.requiredBytes(sizeAtLimit)).isEqualTo(freeMib * MIB);

        assertThat(decide(Placement.AUTO, sizeAtLimit, rtx4090(freeMib), GKE_L4, false).where()).isEqualTo(Where.LOCAL);
        assertThat(decide(Placement.AUTO, sizeAtLimit + 1, rtx4090(freeMib), GKE_L4, false).where())
                .isEqualTo(Where.REMOTE);
    }

    @Test
    void theGpuWithTheMostFreeMemoryCounts() {
        GpuDetection two = new GpuDetection.Nvidia(List.of(
                gpu(0, "NVIDIA L4", 23034L, 17520L, 5043L),
                gpu(1, "NVIDIA L4", 23034L, 0L, null))); // free is [N/A]: total - used is used instead

        PlacementDecision d = decide(Placement.AUTO, LLAMA_8B, two, GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).contains("the L4 has 22.5 GiB free");
    }

    @Test
    void autoWithoutAGpuGoesRemoteWhenATargetExists() {
        PlacementDecision d = decide(Placement.AUTO, LLAMA_8B,
                new GpuDetection.None("nvidia-smi is not on PATH, so no NVIDIA driver is installed."), GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.REMOTE);
        assertThat(d.reason()).startsWith("no GPU here (nvidia-smi is not on PATH").endsWith("→ remote on gke-l4 (nvidia-l4, 24 GiB)");
    }

    @Test
    void autoWithoutAGpuOrATargetRunsOnTheCpuWithAWarning() {
        PlacementDecision d = decide(Placement.AUTO, LLAMA_8B, new GpuDetection.Failed("driver gone", "reboot"),
                Optional.empty(), false);

        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).isEqualTo("no GPU here (the GPU driver is not working: driver gone) and no remote target"
                + " → local on the CPU");
        assertThat(d.warnings()).singleElement().asString().contains("will run on the CPU");
    }

    @Test
    void autoThatDoesNotFitAndHasNoTargetRunsLocallyPartlyOnCpu() {
        PlacementDecision d = decide(Placement.AUTO, LLAMA_8B, rtx4090(3_174), Optional.empty(), false);

        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).endsWith("only 3.1 GiB free and no remote target → local");
        assertThat(d.warnings()).singleElement().asString().contains("part of it on the CPU");
    }

    @Test
    void appleSiliconOffersAShareOfUnifiedMemory() {
        GpuDetection m3 = new GpuDetection.AppleSilicon("Apple M3 Max", OptionalInt.of(40), OptionalLong.of(64 * GIB));
        GpuDetection m1 = new GpuDetection.AppleSilicon("Apple M1", OptionalInt.of(8), OptionalLong.of(8 * GIB));

        PlacementDecision big = decide(Placement.AUTO, LLAMA_8B, m3, GKE_L4, false);
        PlacementDecision small = decide(Placement.AUTO, 5_000_000_000L, m1, GKE_L4, false);

        assertThat(big.where()).isEqualTo(Where.LOCAL);
        assertThat(big.reason()).isEqualTo("llama3.1:8b needs ~6.0 GiB with headroom; the Apple M3 Max can give models"
                + " ~48.0 GiB of its 64.0 GiB unified memory → local");
        // 75% of 8 GiB is 6.0 GiB, just under the ~6.1 GiB a 5 GB model needs.
        assertThat(small.where()).isEqualTo(Where.REMOTE);
        assertThat(small.reason()).contains("can give models only ~6.0 GiB of its 8.0 GiB unified memory");
    }

    @Test
    void unreachableRemoteFallsBackOnlyWhenAllowed() {
        PlacementDecision fallback = decide(Placement.AUTO, LLAMA_8B, rtx4090(3_174), GKE_L4_DOWN, true);

        assertThat(fallback.where()).isEqualTo(Where.LOCAL);
        assertThat(fallback.reason()).contains("remote target gke-l4 does not answer").endsWith("→ local (fallback)");
        assertThat(fallback.warnings()).hasSize(2).first().asString().contains("did not answer");

        assertThatThrownBy(() -> decide(Placement.AUTO, LLAMA_8B, rtx4090(3_174), GKE_L4_DOWN, false))
                .isInstanceOfSatisfying(PlacementException.class, e -> {
                    assertThat(e.getMessage()).contains("remote target gke-l4 does not answer");
                    assertThat(e.advice()).contains("allow fallback");
                });
    }

    @Test
    void remotePlacementUsesTheTargetEvenWhenTheModelWouldFitHere() {
        PlacementDecision d = decide(Placement.REMOTE, LLAMA_8B, rtx4090(21_853), GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.REMOTE);
        assertThat(d.reason()).isEqualTo("placement is remote → remote on gke-l4 (nvidia-l4, 24 GiB)");
    }

    @Test
    void remotePlacementWithoutATargetFailsUnlessFallbackIsAllowed() {
        assertThatThrownBy(() -> decide(Placement.REMOTE, LLAMA_8B, rtx4090(21_853), Optional.empty(), false))
                .isInstanceOf(PlacementException.class).hasMessageContaining("no remote inference target is chosen");

        PlacementDecision d = decide(Placement.REMOTE, LLAMA_8B, rtx4090(21_853), Optional.empty(), true);
        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).endsWith("→ local (fallback)");
    }

    @Test
    void remoteTooSmallForTheModelIsAWarning() {
        PlacementDecision d = decide(Placement.AUTO, 40 * GIB, rtx4090(21_853), GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.REMOTE);
        assertThat(d.warnings()).singleElement().asString().contains("may not fit there either");
    }

    @Test
    void localPlacementStaysHereAndWarnsWhenItDoesNotFit() {
        PlacementDecision d = decide(Placement.LOCAL, LLAMA_8B, rtx4090(3_174), GKE_L4, false);

        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).startsWith("placement is local; llama3.1:8b needs ~6.0 GiB").endsWith("→ local");
        assertThat(d.warnings()).singleElement().asString().contains("part of it on the CPU");
    }

    @Test
    void unknownSizeRunsWhereTheGpuIsAndSaysSo() {
        PlacementDecision d = decider.decide(new PlacementRequest(null, "qwen3:32b", OptionalLong.empty(),
                rtx4090(21_853), GKE_L4, false));

        assertThat(d.where()).isEqualTo(Where.LOCAL);
        assertThat(d.reason()).isEqualTo("the size of qwen3:32b is not known yet; the RTX 4090 has 21.3 GiB free → local");
        assertThat(d.warnings()).singleElement().asString().contains("not known until it is pulled");
    }
}
