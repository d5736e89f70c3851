package dev.outpost.stack.doctor;

import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.gpu.GpuDetector;
import dev.outpost.stack.gpu.GpuInfo;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.ProcessRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which GPU models can use. A missing GPU is not an error: models then run on the CPU. */
public final class GpuCheck implements DiagnosticProbe {
    public static final String ID = "gpu";
    private static final String TITLE = "GPU";

    private static final PerOs INSTALL_DRIVER = new PerOs(
            "If this computer has an NVIDIA GPU, install the NVIDIA driver (Ubuntu: `sudo ubuntu-drivers install`; "
                    + "others: https://www.nvidia.com/Download/index.aspx) and restart.",
            "Intel Macs cannot accelerate models; offload them to a remote GPU instead.",
            "If this computer has an NVIDIA GPU, install the driver from https://www.nvidia.com/Download/index.aspx.");

    private final GpuDetector detector;

    public GpuCheck(GpuDetector detector) {
        this.detector = detector;
    }

    public GpuCheck(HostEnvironment env, ProcessRunner runner) {
        this(new GpuDetector(env, runner));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Check run() throws InterruptedException {
        OperatingSystem os = detector.os();
        return switch (detector.detect()) {
            case GpuDetection.Nvidia n -> nvidia(n.gpus());
            case GpuDetection.AppleSilicon a -> apple(a);
            case GpuDetection.None none -> Check.of(ID, TITLE, CheckStatus.MISSING,
                    (os == OperatingSystem.MACOS ? "No Apple Silicon GPU found" : "No NVIDIA GPU found")
                            + "; models run on CPU or can be offloaded to a remote GPU",
                    Map.of("reason", none.reason()), INSTALL_DRIVER.forOs(os));
            case GpuDetection.Failed f -> Check.of(ID, TITLE, CheckStatus.FAILED, f.message(), Map.of(), f.fixHint());
        };
    }

    private static Check nvidia(List<GpuInfo> gpus) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (GpuInfo g : gpus) {
            String key = "GPU " + g.index();
            facts.put(key, g.label());
            facts.put(key + " VRAM", vram(g));
            g.uuid().ifPresent(u -> facts.put(key + " UUID", u));
        }
        gpus.stream().flatMap(g -> g.driverVersion().stream()).findFirst().ifPresent(d -> facts.put("driver", d));
        String summary;
        if (gpus.size() == 1) {
            GpuInfo g = gpus.getFirst();
            summary = g.label() + g.memoryTotalMib().stream().mapToObj(m -> ", " + Sizes.gibFromMib(m) + " VRAM")
                    .findFirst().orElse("");
        } else {
            long total = gpus.stream().mapToLong(g -> g.memoryTotalMib().orElse(0)).sum();
            summary = gpus.size() + " NVIDIA GPUs" + (total > 0 ? ", " + Sizes.gibFromMib(total) + " VRAM in total" : "");
        }
        return Check.ok(ID, TITLE, summary, facts);
    }

    private static String vram(GpuInfo g) {
        String total = g.memoryTotalMib().isPresent() ? Sizes.gibFromMib(g.memoryTotalMib().getAsLong()) + " total" : "total unknown";
        String free = g.memoryFreeMib().isPresent() ? Sizes.gibFromMib(g.memoryFreeMib().getAsLong()) + " free" : "free unknown";
        return total + ", " + free;
    }

    private static Check apple(GpuDetection.AppleSilicon a) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("GPU", a.name());
        a.cores().ifPresent(c -> facts.put("GPU cores", String.valueOf(c)));
        facts.put("unified memory", a.unifiedMemoryBytes().isPresent()
                ? Sizes.gib(a.unifiedMemoryBytes().getAsLong()) : "unknown");
        String summary = a.name() + (a.unifiedMemoryBytes().isPresent()
                ? ", " + Sizes.gib(a.unifiedMemoryBytes().getAsLong()) + " unified memory" : "");
        return Check.ok(ID, TITLE, summary, facts);
    }
}
