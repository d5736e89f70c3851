package dev.outpost.stack.cost;

import java.util.Map;

/**
 * Everything that turns a laptop environment's usage into figures, as of one sampling round.
 *
 * @param serviceCostPerHour the platform's price per hour for a shared service, by service template
 */
public record LaptopPricing(String currency, double electricityPerKwh, Intensity intensity,
                            CcfCoefficients coefficients, Map<String, Double> serviceCostPerHour) {
    public LaptopPricing {
        serviceCostPerHour = Map.copyOf(serviceCostPerHour);
    }
}
