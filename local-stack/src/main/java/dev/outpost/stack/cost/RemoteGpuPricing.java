package dev.outpost.stack.cost;

import dev.outpost.profiles.model.InferenceTarget;
import java.util.Optional;

/**
 * The remote GPU's figures per hour, known before the offload toggle flips: the catalog's price (spot or
 * on-demand), and CCF's GPU estimate (min + 50 % × (max − min) watts, CCF's rule when utilisation is unknown,
 * × GPUs × the region's PUE) × the region's grid intensity.
 */
public final class RemoteGpuPricing {
    private RemoteGpuPricing() {
    }

    /** Empty when the target names no GPU Outpost knows the watts of and no price: there is nothing to show. */
    public static Optional<Rate> rate(InferenceTarget target, boolean spot, String currency) {
        InferenceTarget.Spec s = target.spec();
        // A target priced only on spot runs on spot capacity; one with both is billed as asked.
        Double price = (spot || s.costPerHour() == null) && s.spotCostPerHour() != null ? s.spotCostPerHour()
                : s.costPerHour();
        Optional<GpuWatts> watts = Optional.ofNullable(s.gpu()).flatMap(g -> GpuPower.forType(g.type()));
        if (price == null && watts.isEmpty()) {
            return Optional.empty();
        }
        int count = s.gpu() == null || s.gpu().count() == null ? 1 : s.gpu().count();
        double pue = s.region() == null ? CcfCoefficients.GCP_PUE_AVERAGE : CcfCoefficients.gcpPue(s.region());
        double kwhPerHour = watts.map(w -> CcfMethod.gpuKwh(count, w.minWatts(), w.maxWatts(),
                CcfMethod.DEFAULT_UTILISATION, pue)).orElse(0.0);
        double intensity = s.carbonIntensity() != null ? s.carbonIntensity()
                : s.region() == null ? 0 : GridIntensity.forRegion(s.region()).orElse(0);
        return Optional.of(new Rate(kwhPerHour * 1000, price == null ? 0 : price,
                CcfMethod.grams(kwhPerHour, intensity), currency));
    }
}
