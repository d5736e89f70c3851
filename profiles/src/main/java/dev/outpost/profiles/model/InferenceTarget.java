package dev.outpost.profiles.model;

@Doc("A remote GPU endpoint models can be offloaded to.")
public record InferenceTarget(@Required String apiVersion, @Required String kind, @Required Metadata metadata,
                              @Required Spec spec) implements Document {

    public record Spec(
            @Required @Doc("Base URL, https.") String url,
            @Required @Doc("API it speaks.") Api api,
            @Doc("How Outpost authenticates (default none).") Auth auth,
            @Doc("GPU behind it.") Gpu gpu,
            @Doc("Price per hour in the platform's currency.") Double costPerHour,
            @Doc("Price per hour on spot capacity.") Double spotCostPerHour,
            @Doc("Cloud region, e.g. europe-west4.") String region,
            @Doc("Grid carbon intensity of the region, gCO2e/kWh.") Double carbonIntensity) {
    }

    public enum Api { OLLAMA, OPENAI }

    public enum Auth { NONE, BEARER, GCLOUD }

    public record Gpu(@Required @Doc("e.g. nvidia-l4.") String type, @Doc("Memory in GiB.") Integer memoryGiB,
                      @Doc("GPUs per node.") Integer count) {
    }
}
