package dev.outpost.stack.cost;

/**
 * The energy and emissions arithmetic of Cloud Carbon Footprint (CCF), methodology page
 * {@code microsite/docs/HowItWorks/Methodology.md} @ {@code 651dfe2b38bbe0d41fad08fcc6034ff1aef57ef9}:
 * <pre>
 * Average Watts   = Min Watts + Avg Utilisation × (Max Watts − Min Watts)
 * Watt-Hours      = Average Watts × (vCPU | GPU) Hours
 * kWh             = Watt-Hours × PUE / 1000
 * Memory kWh      = GB-Hours × 0.000392 kWh/GB-h × PUE
 * grams CO2e      = kWh × grid intensity (g/kWh)
 * </pre>
 * CCF's code ({@code packages/core/src/compute/ComputeEstimator.ts}) takes utilisation as a percentage; here it
 * is a fraction, 0..1, clamped so a sampled 103 % (turbo, rounding) cannot push power above Max Watts.
 */
public final class CcfMethod {
    /** CCF's fallback utilisation when none is measured: the 2020 hyperscale average (methodology, Compute). */
    public static final double DEFAULT_UTILISATION = 0.5;

    private CcfMethod() {
    }

    /** {@code min + u × (max − min)}, u clamped to 0..1. */
    public static double averageWatts(double minWatts, double maxWatts, double utilisation) {
        return minWatts + clamp(utilisation) * (maxWatts - minWatts);
    }

    /** Compute energy for {@code vcpuHours} vCPU-hours at per-vCPU min/max watts. */
    public static double computeKwh(double vcpuHours, double minWatts, double maxWatts, double utilisation,
                                    double pue) {
        return averageWatts(minWatts, maxWatts, utilisation) * vcpuHours * pue / 1000.0;
    }

    /** Memory energy with CCF's coefficient of {@value CcfCoefficients#MEMORY_KWH_PER_GB_HOUR} kWh per GB-hour. */
    public static double memoryKwh(double gbHours, double pue) {
        return gbHours * CcfCoefficients.MEMORY_KWH_PER_GB_HOUR * pue;
    }

    /** GPU energy: the compute formula with whole GPU-hours in place of vCPU-hours (methodology, GPUs). */
    public static double gpuKwh(double gpuHours, double minWatts, double maxWatts, double utilisation, double pue) {
        return computeKwh(gpuHours, minWatts, maxWatts, utilisation, pue);
    }

    /** Emissions in grams CO2e: energy times the grid's intensity. */
    public static double grams(double kwh, double gramsPerKwh) {
        return kwh * gramsPerKwh;
    }

    private static double clamp(double utilisation) {
        if (Double.isNaN(utilisation)) {
            // An unknown reading is what CCF's 50 % fallback is for; NaN would otherwise poison every total.
            return DEFAULT_UTILISATION;
        }
        return Math.max(0.0, Math.min(1.0, utilisation));
    }
}
