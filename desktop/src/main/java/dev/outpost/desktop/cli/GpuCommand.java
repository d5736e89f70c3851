package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.gpu.GpuDetector;
import dev.outpost.stack.gpu.GpuInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code outpost gpu}: the GPUs models can run on, with free memory, load and power, as nvidia-smi or macOS reports them. */
@Command(name = "gpu", description = "The laptop's GPUs: memory, utilisation, power; exit 1 when a driver is broken.")
final class GpuCommand extends ProfileCommand.Base {
    GpuCommand(AppServices services) {
        super(services);
    }

    @Override
    public Integer call() throws Exception {
        GpuDetection found = new GpuDetector(services.host(), services.runner()).detect();
        if (output.json()) {
            out().println(Json.write(json(found)));
        } else {
            print(found);
        }
        return found instanceof GpuDetection.Failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    static Map<String, Object> json(GpuDetection found) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (found) {
            case GpuDetection.Nvidia n -> {
                m.put("kind", "nvidia");
                m.put("gpus", n.gpus().stream().map(GpuCommand::gpu).toList());
            }
            case GpuDetection.AppleSilicon a -> {
                m.put("kind", "apple");
                m.put("name", a.name());
                m.put("cores", a.cores().isPresent() ? a.cores().getAsInt() : null);
                m.put("unifiedMemoryBytes", a.unifiedMemoryBytes().isPresent() ? a.unifiedMemoryBytes().getAsLong() : null);
            }
            case GpuDetection.None none -> {
                m.put("kind", "none");
                m.put("reason", none.reason());
            }
            case GpuDetection.Failed f -> {
                m.put("kind", "failed");
                m.put("message", f.message());
                m.put("fix", f.fixHint());
            }
        }
        return m;
    }

    private static Map<String, Object> gpu(GpuInfo g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", g.index());
        m.put("name", g.name().orElse(null));
        m.put("uuid", g.uuid().orElse(null));
        m.put("memoryTotalMib", g.memoryTotalMib().isPresent() ? g.memoryTotalMib().getAsLong() : null);
        m.put("memoryUsedMib", g.memoryUsedMib().isPresent() ? g.memoryUsedMib().getAsLong() : null);
        m.put("memoryFreeMib", g.memoryFreeMib().isPresent() ? g.memoryFreeMib().getAsLong() : null);
        m.put("utilizationPercent", g.utilizationPercent().isPresent() ? g.utilizationPercent().getAsInt() : null);
        m.put("powerDrawWatts", g.powerDrawWatts().isPresent() ? g.powerDrawWatts().getAsDouble() : null);
        m.put("driverVersion", g.driverVersion().orElse(null));
        return m;
    }

    private void print(GpuDetection found) {
        switch (found) {
            case GpuDetection.Nvidia n -> {
                Table t = new Table("GPU", "NAME", "MEMORY USED / TOTAL", "FREE", "UTIL", "POWER", "DRIVER");
                for (GpuInfo g : n.gpus()) {
                    t.row(String.valueOf(g.index()), g.label(), mib(g.memoryUsedMib()) + " / " + mib(g.memoryTotalMib()),
                            mib(g.memoryFreeMib()), g.utilizationPercent().isPresent() ? g.utilizationPercent().getAsInt() + " %" : "n/a",
                            g.powerDrawWatts().isPresent() ? String.format("%.0f W", g.powerDrawWatts().getAsDouble()) : "n/a",
                            g.driverVersion().orElse("n/a"));
                }
                out().print(t.render());
            }
            case GpuDetection.AppleSilicon a -> out().println(a.name() + (a.unifiedMemoryBytes().isPresent()
                    ? ", " + a.unifiedMemoryBytes().getAsLong() / (1L << 30) + " GiB unified memory shared with the CPU" : ""));
            case GpuDetection.None none -> out().println("No GPU: " + none.reason() + ". Models run on the CPU, or remotely.");
            case GpuDetection.Failed f -> {
                out().println("GPU driver problem: " + f.message());
                out().println("  " + f.fixHint());
            }
        }
    }

    private static String mib(java.util.OptionalLong v) {
        return v.isPresent() ? String.format("%.1f GiB", v.getAsLong() / 1024.0) : "n/a";
    }
}
