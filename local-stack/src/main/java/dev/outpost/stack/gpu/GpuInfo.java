package dev.outpost.stack.gpu;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One NVIDIA GPU as nvidia-smi reports it. Every measurement is optional because the driver may
 * answer {@code [N/A]}, {@code [Not Supported]} and the like for any of them, depending on the card.
 *
 * @param index              enumeration order; may change between boots (use {@code uuid} as identity)
 * @param name               product name, e.g. {@code NVIDIA GeForce RTX 4090}
 * @param uuid               {@code GPU-xxxxxxxx-...}, stable across boots
 * @param memoryTotalMib     installed memory, MiB
 * @param memoryUsedMib      memory held by running contexts, MiB
 * @param memoryFreeMib      memory still free, MiB
 * @param utilizationPercent share of the last sample period a kernel was running, 0-100
 * @param temperatureCelsius core temperature
 * @param powerDrawWatts     board power draw
 * @param driverVersion      e.g. {@code 550.54.15}
 */
public record GpuInfo(
        int index,
        Optional<String> name,
        Optional<String> uuid,
        OptionalLong memoryTotalMib,
        OptionalLong memoryUsedMib,
        OptionalLong memoryFreeMib,
        OptionalInt utilizationPercent,
        OptionalInt temperatureCelsius,
        OptionalDouble powerDrawWatts,
        Optional<String> driverVersion) {

    public GpuInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(memoryTotalMib, "memoryTotalMib");
        Objects.requireNonNull(memoryUsedMib, "memoryUsedMib");
        Objects.requireNonNull(memoryFreeMib, "memoryFreeMib");
        Objects.requireNonNull(utilizationPercent, "utilizationPercent");
        Objects.requireNonNull(temperatureCelsius, "temperatureCelsius");
        Objects.requireNonNull(powerDrawWatts, "powerDrawWatts");
        Objects.requireNonNull(driverVersion, "driverVersion");
    }

    /** The name for display, or {@code GPU <index>} when the driver did not give one. */
    public String label() {
        return name.orElse("GPU " + index);
    }
}
