package dev.outpost.stack.cluster;

/** Why a cluster tool failed, each with the advice a user needs next. */
public enum ClusterFailure {
    TOOL_MISSING("Install it, or put it on PATH, then run `outpost doctor`."),
    ENGINE_NOT_RUNNING("Start Docker (or Podman) and try again; `outpost doctor` shows which engine Outpost found."),
    ALREADY_EXISTS("Use it with `outpost up`, or remove it first with `outpost cluster delete NAME`."),
    PORT_IN_USE("Another program holds that host port: stop it, or change spec.cluster.ports in the profile."),
    NODE_IMAGE_NOT_FOUND("The node image could not be pulled: check the Kubernetes version in the profile and the registry mirror in Settings."),
    NOT_FOUND("List clusters with `outpost cluster list`."),
    API_SERVER_UNREACHABLE("The node containers run but Kubernetes does not answer: `outpost cluster repair NAME` restarts them."),
    TIMED_OUT("The tool took longer than Outpost allows; its last output is above."),
    FAILED("The tool's own output is above; `outpost cluster delete NAME` removes what is left.");

    private final String advice;

    ClusterFailure(String advice) {
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
