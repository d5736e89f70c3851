package dev.outpost.stack.inference;

import static dev.outpost.stack.inference.LocalCapacity.gib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a model runs on this machine or on the remote target, and says why in one sentence.
 *
 * <p>The rule: a model needs its size × {@value #SIZE_FACTOR} + {@value #FIXED_OVERHEAD_MIB} MiB. Ollama loads
 * the weights whole, and on top of them it allocates the KV cache (grows with the context length: about 0.5-1
 * GiB for a 7-8B model at the default context) and CUDA/Metal scratch buffers; the 20% covers the part that
 * grows with the model, the fixed part the runtime itself. A model "fits" when that need is at most the free
 * memory of the best GPU (Apple Silicon: {@value LocalCapacity#APPLE_UNIFIED_SHARE} of unified memory).
 *
 * <ul>
 *   <li>LOCAL: always here; a warning when it will not fit (Ollama then offloads layers to the CPU).</li>
 *   <li>REMOTE: always the target; if it does not answer, here only when fallback is allowed.</li>
 *   <li>AUTO: here when it fits (or its size is not known yet); else the target. No GPU at all: the target if
 *       one is configured, else here on the CPU with a warning.</li>
 * </ul>
 */
public final class PlacementDecider {
    public static final double SIZE_FACTOR = 1.2;
    public static final long FIXED_OVERHEAD_MIB = 512;

    /** Memory a model of {@code modelBytes} needs to run entirely on a GPU, by the rule above. */
    public static long requiredBytes(long modelBytes) {
        return Math.round(modelBytes * SIZE_FACTOR) + FIXED_OVERHEAD_MIB * LocalCapacity.MIB;
    }

    /** @throws PlacementException when the model must run remotely, cannot, and fallback is not allowed */
    public PlacementDecision decide(PlacementRequest req) {
        Optional<LocalCapacity> cap = LocalCapacity.of(req.gpu());
        return switch (req.placement()) {
            case LOCAL -> local(req, cap, "placement is local");
            case REMOTE -> remoteOrFallback(req, cap, "placement is remote");
            case AUTO -> auto(req, cap);
        };
    }

    private PlacementDecision auto(PlacementRequest req, Optional<LocalCapacity> cap) {
        if (cap.isEmpty()) {
            String noGpu = "no GPU here (" + LocalCapacity.whyNone(req.gpu()) + ")";
            return req.remote().isPresent()
                    ? remoteOrFallback(req, cap, noGpu)
                    : PlacementDecision.local(noGpu + " and no remote target → local on the CPU", cpuOnly(req));
        }
        LocalCapacity c = cap.get();
        if (req.modelBytes().isEmpty()) {
            return PlacementDecision.local("the size of " + req.model() + " is not known yet; "
                    + capacityText(c, true) + " → local", List.of("The size of " + req.model() + " is not known "
                    + "until it is pulled; placement assumed it fits on the " + c.gpu() + "."));
        }
        long need = requiredBytes(req.modelBytes().getAsLong());
        String because = needText(req, need) + "; " + capacityText(c, need <= c.freeBytes());
        if (need <= c.freeBytes()) {
            return PlacementDecision.local(because + " → local", List.of());
        }
        if (req.remote().isPresent()) {
            return remoteOrFallback(req, cap, because);
        }
        return PlacementDecision.local(because + " and no remote target → local", List.of(partlyOnCpu(req, c)));
    }

    private PlacementDecision local(PlacementRequest req, Optional<LocalCapacity> cap, String prefix) {
        if (cap.isEmpty()) {
            return PlacementDecision.local(prefix + "; no GPU here (" + LocalCapacity.whyNone(req.gpu())
                    + ") → local on the CPU", cpuOnly(req));
        }
        LocalCapacity c = cap.get();
        if (req.modelBytes().isEmpty()) {
            return PlacementDecision.local(prefix + "; " + capacityText(c, true) + " → local", List.of());
        }
        long need = requiredBytes(req.modelBytes().getAsLong());
        boolean fits = need <= c.freeBytes();
        return PlacementDecision.local(prefix + "; " + needText(req, need) + "; " + capacityText(c, fits) + " → local",
                fits ? List.of() : List.of(partlyOnCpu(req, c)));
    }

    private PlacementDecision remoteOrFallback(PlacementRequest req, Optional<LocalCapacity> cap, String because) {
        if (req.remote().isEmpty()) {
            if (req.allowFallback()) {
                PlacementDecision here = local(req, cap, because + " but no remote target is chosen");
                return PlacementDecision.local(here.reason() + " (fallback)", here.warnings());
            }
            throw new PlacementException(because + ", but no remote inference target is chosen.",
                    "Choose a target in the inference settings, set placement to local or auto, or allow fallback.");
        }
        RemoteOption r = req.remote().get();
        if (r.reachable()) {
            List<String> warnings = new ArrayList<>();
            if (req.modelBytes().isPresent() && r.memoryGiB().isPresent()) {
                long need = requiredBytes(req.modelBytes().getAsLong());
                if (need > r.memoryGiB().getAsInt() * 1024L * LocalCapacity.MIB) {
                    warnings.add(req.model() + " needs ~" + gib(need) + " and " + r.name() + " has "
                            + r.memoryGiB().getAsInt() + " GiB per GPU: it may not fit there either.");
                }
            }
            return PlacementDecision.remote(because + " → remote on " + r.describe(), warnings, r.name());
        }
        if (!req.allowFallback()) {
            throw new PlacementException(because + ", but remote target " + r.name() + " does not answer.",
                    "Check that " + r.name() + " is running and reachable, or allow fallback to this machine.");
        }
        PlacementDecision here = local(req, cap, because + "; remote target " + r.name() + " does not answer");
        List<String> warnings = new ArrayList<>(List.of("Remote target " + r.name()
                + " did not answer, so " + req.model() + " runs on this machine instead (fallback is allowed)."));
        warnings.addAll(here.warnings());
        return PlacementDecision.local(here.reason() + " (fallback)", warnings);
    }

    private static String needText(PlacementRequest req, long need) {
        return req.model() + " needs ~" + gib(need) + " with headroom";
    }

    private static String capacityText(LocalCapacity c, boolean fits) {
        String only = fits ? "" : "only ";
        if (c.unified()) {
            return "the " + c.gpu() + " can give models " + only + "~" + gib(c.freeBytes()) + " of its "
                    + gib(c.totalBytes()) + " unified memory";
        }
        return "the " + c.gpu() + " has " + only + gib(c.freeBytes()) + " free";
    }

    private static List<String> cpuOnly(PlacementRequest req) {
        return List.of(req.model() + " will run on the CPU: expect answers to be many times slower than on a GPU.");
    }

    private static String partlyOnCpu(PlacementRequest req, LocalCapacity c) {
        return req.model() + " does not fit in the " + c.gpu() + "'s free memory; Ollama will run part of it on "
                + "the CPU, which is much slower.";
    }

}
