package dev.outpost.stack.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the laptop runs and what its electricity costs, for the cost and carbon figures. Anything left out
 * comes from the platform's figures (its {@code electricityPerKwh} and {@code laptopCarbonIntensity}).
 * The Electricity Maps key is a secret and lives in the token store, never here.
 *
 * @param laptopZone        Electricity Maps zone or ISO country code of the laptop's grid, e.g. DE, FR, US-CAL-CISO
 * @param electricityPerKwh the laptop's electricity price per kWh in the platform's currency
 * @param liveIntensity     ask Electricity Maps for the live grid intensity when a key is stored
 * @param sampleSeconds     how often container stats are read; figures are integrated over this interval
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostSettings(String laptopZone, Double electricityPerKwh, Boolean liveIntensity, Integer sampleSeconds) {
    public static final CostSettings DEFAULTS = new CostSettings(null, null, true, 15);

    public CostSettings {
        if (laptopZone != null && laptopZone.isBlank()) {
            laptopZone = null;
        }
        if (electricityPerKwh != null && electricityPerKwh < 0) {
            electricityPerKwh = null;
        }
        if (liveIntensity == null) {
            liveIntensity = true;
        }
        if (sampleSeconds == null || sampleSeconds < 1) {
            sampleSeconds = 15;
        }
    }

    public CostSettings withLaptopZone(String zone) {
        return new CostSettings(zone, electricityPerKwh, liveIntensity, sampleSeconds);
    }

    public CostSettings withElectricityPerKwh(Double price) {
        return new CostSettings(laptopZone, price, liveIntensity, sampleSeconds);
    }

    public CostSettings withLiveIntensity(boolean live) {
        return new CostSettings(laptopZone, electricityPerKwh, live, sampleSeconds);
    }
}
