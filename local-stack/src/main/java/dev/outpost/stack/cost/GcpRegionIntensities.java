package dev.outpost.stack.cost;

import java.util.Map;

/**
 * Google's yearly location-based grid intensity per Cloud region: the "Grid carbon intensity (gCO2eq / kWh)"
 * column, before Google's own clean-energy purchases. Every 2024 region is also in 2025, so 2025 is used
 * throughout; a region only 2024 lists would go in {@link #Y2024}.
 */
final class GcpRegionIntensities {
    static final String CITATION_2025 = "Google Cloud region-carbon-info, data/yearly/2025.csv @ "
            + "74d9bf818f1c6ea5111e26f2d1d4d4c788169129 (https://cloud.google.com/sustainability/region-carbon)";
    static final String CITATION_2024 = "Google Cloud region-carbon-info, data/yearly/2024.csv @ "
            + "df9271436a28ea128a34e111f58de5b03e4dc757";

    static final Map<String, Double> Y2025 = Map.ofEntries(
            Map.entry("africa-south1", 641.42),
            Map.entry("asia-east1", 427.95),
            Map.entry("asia-east2", 488.52),
            Map.entry("asia-northeast1", 449.23),
            Map.entry("asia-northeast2", 298.92),
            Map.entry("asia-northeast3", 359.05),
            Map.entry("asia-south1", 598.45),
            Map.entry("asia-south2", 472.55),
            Map.entry("asia-southeast1", 365.66),
            Map.entry("asia-southeast2", 587.8),
            Map.entry("asia-southeast3", 364.68),
            Map.entry("australia-southeast1", 468.34),
            Map.entry("australia-southeast2", 415.89),
            Map.entry("europe-central2", 498.57),
            Map.entry("europe-north1", 29.84),
            Map.entry("europe-north2", 19.39),
            Map.entry("europe-southwest1", 95.75),
            Map.entry("europe-west1", 126.43),
            Map.entry("europe-west2", 109.39),
            Map.entry("europe-west3", 275.81),
            Map.entry("europe-west4", 194.35),
            Map.entry("europe-west5", 275.81),
            Map.entry("europe-west6", 21.2),
            Map.entry("europe-west8", 202.03),
            Map.entry("europe-west9", 15.83),
            Map.entry("europe-west10", 275.81),
            Map.entry("europe-west12", 202.03),
            Map.entry("me-central1", 370.0),
            Map.entry("me-central2", 381.29),
            Map.entry("me-west1", 380.95),
            Map.entry("northamerica-northeast1", 11.36),
            Map.entry("northamerica-northeast2", 74.2),
            Map.entry("northamerica-south1", 293.25),
            Map.entry("southamerica-east1", 73.25),
            Map.entry("southamerica-west1", 209.94),
            Map.entry("us-central1", 431.95),
            Map.entry("us-central2", 417.39),
            Map.entry("us-east1", 579.44),
            Map.entry("us-east2", 391.2),
            Map.entry("us-east4", 343.48),
            Map.entry("us-east5", 343.48),
            Map.entry("us-east7", 339.89),
            Map.entry("us-south1", 299.13),
            Map.entry("us-west1", 97.85),
            Map.entry("us-west2", 149.91),
            Map.entry("us-west3", 567.51),
            Map.entry("us-west4", 360.0));

    /** Regions in the 2024 file but not the 2025 one: none at the commits above. */
    static final Map<String, Double> Y2024 = Map.of();

    private GcpRegionIntensities() {
    }
}
