package dev.outpost.stack.cost;

import java.util.Map;

/**
 * Yearly grid intensity for the place a laptop sits, keyed by Electricity Maps zone (an ISO 3166 country code
 * or a sub-zone such as {@code US-CAL-CISO}), so the yearly figure and the live one describe the same grid.
 * Values are Electricity Maps' 2024 yearly lifecycle averages as co2.js publishes them; zones not in that file
 * are left out rather than guessed.
 */
final class ZoneIntensities {
    static final int YEAR = 2024;
    static final String CITATION = "Electricity Maps yearly 2024 (carbon-intensity/past, temporalGranularity=yearly), "
            + "as published in thegreenwebfoundation/co2.js data/output/electricity-maps/yearly_2024.json @ "
            + "0bf83c84cb80ff52312601118931f6972715ca08";

    /** No Electricity Maps figure covers the world; Ember's does. */
    static final String WORLD = "WORLD";
    static final Source WORLD_SOURCE = new Source(485.99, 2022, "Ember yearly electricity data, World, as published "
            + "in thegreenwebfoundation/co2.js data/output/average-intensities.json @ "
            + "03b5e45f07962308079634d431e04878e7222fef");

    static final Map<String, Double> BY_ZONE = Map.ofEntries(
            // EU-27
            Map.entry("AT", 119.0),
            Map.entry("BE", 153.0),
            Map.entry("BG", 349.0),
            Map.entry("CY", 853.0),
            Map.entry("CZ", 447.0),
            Map.entry("DE", 341.0),
            Map.entry("DK", 136.0),
            Map.entry("EE", 285.0),
            Map.entry("ES", 129.0),
            Map.entry("FI", 80.0),
            Map.entry("FR", 33.0),
            Map.entry("GR", 298.0),
            Map.entry("HR", 225.0),
            Map.entry("HU", 228.0),
            Map.entry("IE", 352.0),
            Map.entry("IT", 267.0),
            Map.entry("LT", 153.0),
            Map.entry("LU", 222.0),
            Map.entry("LV", 176.0),
            Map.entry("MT", 411.0),
            Map.entry("NL", 251.0),
            Map.entry("PL", 581.0),
            Map.entry("PT", 100.0),
            Map.entry("RO", 301.0),
            Map.entry("SE", 23.0),
            Map.entry("SI", 224.0),
            Map.entry("SK", 216.0),
            // Elsewhere in Europe
            Map.entry("GB", 175.0),
            Map.entry("NO", 33.0),
            Map.entry("CH", 42.0),
            // Rest of the world
            Map.entry("US", 409.0),
            Map.entry("US-CAL-CISO", 229.0),
            Map.entry("CA", 132.0),
            Map.entry("BR", 91.0),
            Map.entry("IN", 614.0),
            Map.entry("CN", 513.0),
            Map.entry("JP", 464.0),
            Map.entry("AU", 489.0));

    private ZoneIntensities() {
    }
}
