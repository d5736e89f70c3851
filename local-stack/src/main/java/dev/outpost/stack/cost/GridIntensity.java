package dev.outpost.stack.cost;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Built-in yearly grid intensities (g CO2e/kWh) with their sources: Google's figure per Cloud region, and a
 * per-country (Electricity Maps zone) figure for the machine Outpost runs on. Used when no live figure is
 * available; {@link GridIntensitySource} decides which one applies.
 */
public final class GridIntensity {
    private GridIntensity() {
    }

    /** Google's yearly figure for a Cloud region such as {@code europe-west9}; empty when Google lists none. */
    public static OptionalDouble forRegion(String gcpRegion) {
        return toDouble(regionSource(gcpRegion));
    }

    /** The yearly figure for an Electricity Maps zone ({@code DE}, {@code us-cal-ciso}) or {@code WORLD}. */
    public static OptionalDouble forZone(String zone) {
        return toDouble(zoneSource(zone));
    }

    public static Optional<Source> regionSource(String gcpRegion) {
        if (gcpRegion == null) {
            return Optional.empty();
        }
        String key = gcpRegion.trim().toLowerCase(Locale.ROOT);
        Double v2025 = GcpRegionIntensities.Y2025.get(key);
        if (v2025 != null) {
            return Optional.of(new Source(v2025, 2025, GcpRegionIntensities.CITATION_2025));
        }
        return Optional.ofNullable(GcpRegionIntensities.Y2024.get(key))
                .map(v -> new Source(v, 2024, GcpRegionIntensities.CITATION_2024));
    }

    public static Optional<Source> zoneSource(String zone) {
        if (zone == null) {
            return Optional.empty();
        }
        // Zone keys are upper case in the API ("US-CAL-CISO"); people type "de" or "us-cal-ciso".
        String key = zone.trim().toUpperCase(Locale.ROOT);
        if (key.equals(ZoneIntensities.WORLD)) {
            return Optional.of(ZoneIntensities.WORLD_SOURCE);
        }
        return Optional.ofNullable(ZoneIntensities.BY_ZONE.get(key))
                .map(v -> new Source(v, ZoneIntensities.YEAR, ZoneIntensities.CITATION));
    }

    /** The zones with a built-in yearly figure, sorted, {@code WORLD} first: for a zone picker. */
    public static java.util.List<String> knownZones() {
        java.util.List<String> zones = new java.util.ArrayList<>(new java.util.TreeSet<>(ZoneIntensities.BY_ZONE.keySet()));
        zones.addFirst(ZoneIntensities.WORLD);
        return java.util.List.copyOf(zones);
    }

    private static OptionalDouble toDouble(Optional<Source> source) {
        return source.map(s -> OptionalDouble.of(s.gramsPerKwh())).orElse(OptionalDouble.empty());
    }
}
