package dev.outpost.stack.cost;

import java.util.Objects;

/**
 * What electricity costs where the user is. Costs elsewhere in this package are plain doubles in
 * {@link #currency()}; no conversion happens here.
 *
 * @param currency          ISO 4217 code the user's figures are in, e.g. {@code "EUR"}
 * @param electricityPerKwh price of one kWh in that currency
 */
public record Rates(String currency, double electricityPerKwh) {
    public Rates {
        Objects.requireNonNull(currency, "currency");
        if (!(electricityPerKwh >= 0)) {
            throw new IllegalArgumentException("electricity price must be >= 0, got " + electricityPerKwh);
        }
    }

    /** The cost of {@code kwh} kilowatt-hours. */
    public double electricityCost(double kwh) {
        return kwh * electricityPerKwh;
    }
}
