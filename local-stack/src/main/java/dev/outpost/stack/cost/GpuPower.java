package dev.outpost.stack.cost;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GPU type to min/max watts, for {@link CcfMethod#gpuKwh}. Takes GKE accelerator label values
 * ({@code nvidia-tesla-t4}, {@code nvidia-l4}, {@code nvidia-tesla-a100}, {@code nvidia-a100-80gb},
 * {@code nvidia-h100-80gb}) and plain names ({@code T4}, {@code "Tesla V100"}), case-insensitively.
 */
public final class GpuPower {
    private static final String CCF = "CCF methodology Appendix III (Teads/TechPowerUp), "
            + "microsite/docs/HowItWorks/Methodology.md @ 651dfe2b38bbe0d41fad08fcc6034ff1aef57ef9";

    /**
     * CCF's table has idle = 8/71 of full load for the T4 and the same ratio, to rounding, for the A100
     * (46/407) and V100 (35/306): Teads measured one idle/max ratio and applied it to every GPU. GPUs CCF
     * lacks get that ratio applied to their board power.
     */
    static final double CCF_IDLE_RATIO = 8.0 / 71.0;

    private static final Map<String, GpuWatts> BY_KEY = Map.ofEntries(
            Map.entry("t4", new GpuWatts("NVIDIA T4", 8, 71, CCF)),
            Map.entry("a100", new GpuWatts("NVIDIA A100 40GB", 46, 407, CCF)),
            // CCF has one "Tesla A100" row; GKE's 80 GB part (A2 ultra, SXM4) shares its 400 W board limit.
            Map.entry("a100-80gb", new GpuWatts("NVIDIA A100 80GB", 46, 407, CCF + " (row Tesla A100)")),
            Map.entry("v100", new GpuWatts("NVIDIA V100", 35, 306, CCF)),
            Map.entry("p100", new GpuWatts("NVIDIA P100", 36, 306, CCF)),
            Map.entry("p4", new GpuWatts("NVIDIA P4", 9, 76.5, CCF)),
            Map.entry("p40", new GpuWatts("NVIDIA P40", 30, 255, CCF)),
            Map.entry("k80", new GpuWatts("NVIDIA K80", 35, 306, CCF)),
            Map.entry("m60", new GpuWatts("NVIDIA M60", 35, 306, CCF)),
            Map.entry("a10g", new GpuWatts("NVIDIA A10G", 18, 153, CCF)),
            Map.entry("l4", fromBoardPower("NVIDIA L4", 72,
                    "72 W max TDP, NVIDIA L4 datasheet (NVIDIA page not fetched; consistent third-party spec copies)")),
            // GKE's H100 80GB (A3) is the SXM5 part; a plain "H100" gets the same, the larger of the two
            // board limits (PCIe is 350 W), so an unknown variant is not under-counted.
            Map.entry("h100", fromBoardPower("NVIDIA H100 80GB SXM", 700,
                    "700 W max TDP, H100 SXM5 datasheet (NVIDIA page not fetched; consistent third-party spec summaries)")),
            Map.entry("h100-80gb", fromBoardPower("NVIDIA H100 80GB SXM", 700,
                    "700 W max TDP, H100 SXM5 datasheet (NVIDIA page not fetched; consistent third-party spec summaries)")));

    private GpuPower() {
    }

    /** The watts for a GPU type, or empty when it is not one we have figures for. */
    public static Optional<GpuWatts> forType(String type) {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(type)));
    }

    /** {@code "nvidia-tesla-t4"}, {@code "NVIDIA Tesla T4"} and {@code "t4"} all become {@code "t4"}. */
    static String key(String type) {
        String k = type.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        k = stripPrefix(k, "nvidia-");
        return stripPrefix(k, "tesla-");
    }

    private static String stripPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private static GpuWatts fromBoardPower(String name, double maxWatts, String maxSource) {
        return new GpuWatts(name, maxWatts * CCF_IDLE_RATIO, maxWatts,
                maxSource + "; idle = max × 8/71, CCF's T4 idle/max ratio");
    }
}
