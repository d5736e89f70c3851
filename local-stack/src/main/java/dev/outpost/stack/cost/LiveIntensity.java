package dev.outpost.stack.cost;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer of Electricity Maps' {@code GET /v3/carbon-intensity/latest}, field for field.
 *
 * @param zone               zone key the API answered for, e.g. {@code "DE"}
 * @param gramsPerKwh        {@code carbonIntensity}, g CO2e/kWh
 * @param datetime           the hour the figure is for
 * @param updatedAt          when Electricity Maps last recomputed it
 * @param emissionFactorType {@code "lifecycle"} (the API's default) or {@code "direct"}
 * @param estimated          {@code isEstimated}: true when no measured data existed for that hour
 * @param estimationMethod   the model behind an estimate; null when measured
 */
public record LiveIntensity(String zone, double gramsPerKwh, Instant datetime, Instant updatedAt,
                            String emissionFactorType, boolean estimated, String estimationMethod) {
    public LiveIntensity {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(datetime, "datetime");
    }
}
