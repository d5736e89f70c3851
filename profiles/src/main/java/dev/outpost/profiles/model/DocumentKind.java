package dev.outpost.profiles.model;

/** The four kinds of document in a platform repository, with where each lives in it. */
public enum DocumentKind {
    PLATFORM("Platform", Platform.class),
    SERVICE_TEMPLATE("ServiceTemplate", ServiceTemplate.class),
    INFERENCE_TARGET("InferenceTarget", InferenceTarget.class),
    PROFILE("Profile", Profile.class);

    public static final String API_VERSION = "outpost.dev/v1";

    private final String yamlName;
    private final Class<? extends Document> type;

    DocumentKind(String yamlName, Class<? extends Document> type) {
        this.yamlName = yamlName;
        this.type = type;
    }

    public String yamlName() {
        return yamlName;
    }

    public Class<? extends Document> type() {
        return type;
    }

    public static java.util.Optional<DocumentKind> fromYaml(String name) {
        for (DocumentKind k : values()) {
            if (k.yamlName.equals(name)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
