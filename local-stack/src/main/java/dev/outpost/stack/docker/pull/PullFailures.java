package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.profiles.resolve.ImageReference;
import dev.outpost.stack.docker.pull.ImagePullException.Reason;
import dev.outpost.stack.secrets.Redaction;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sorts the engine's pull errors into {@link Reason}s with messages people can act on. The engine relays the
 * registry's words inside its own ("Head \"http://...\": unauthorized: authentication required"), in an HTTP
 * error before the stream or as an error message inside it; both come here as text.
 */
final class PullFailures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DETAIL = 300;

    private static final List<String> UNAUTHORIZED = List.of("unauthorized", "authentication required",
            "no basic auth credentials", "incorrect username or password", "authentication failed");
    private static final List<String> NOT_FOUND = List.of("manifest unknown", "not found", "name unknown",
            "repository does not exist", "pull access denied", "no such image");
    private static final List<String> RATE_LIMITED = List.of("toomanyrequests", "too many requests",
            "rate limit");
    private static final List<String> UNREACHABLE = List.of("connection refused", "no such host", "i/o timeout",
            "network is unreachable", "no route to host", "tls handshake timeout", "x509:",
            "server gave http response to https client", "connection reset by peer", "dial tcp",
            "context deadline exceeded", "temporary failure in name resolution");

    private final ImageReference ref;
    private final Optional<AuthConfig> auth;

    PullFailures(ImageReference ref, Optional<AuthConfig> auth) {
        this.ref = ref;
        this.auth = auth;
    }

    /** An error the engine reported: an HTTP status with its message, or an error line in the stream. */
    ImagePullException engineSaid(String engineMessage, int httpStatus, Throwable cause) {
        String detail = clean(engineMessage);
        String lower = detail.toLowerCase(Locale.ROOT);
        String what = ref.repository() + (ref.tag().startsWith("@") ? ref.tag() : ":" + ref.tag());
        String registry = ref.registry();
        if (httpStatus == 401 || containsAny(lower, UNAUTHORIZED)) {
            String text = auth.isPresent()
                    ? "registry " + registry + " refused the credentials for " + what + " (" + detail + "). Check the "
                            + "user name and password, or log in again with `docker login " + registry + "`."
                    : "registry " + registry + " wants credentials for " + what + " and none were found (" + detail
                            + "). Log in with `docker login " + registry + "`.";
            return failure(Reason.UNAUTHORIZED, text, cause);
        }
        if (containsAny(lower, RATE_LIMITED) || httpStatus == 429) {
            return failure(Reason.RATE_LIMITED, "registry " + registry + " refused the pull of " + what
                    + " for now: too many requests (" + detail + "). Wait, or log in to get a higher limit.", cause);
        }
        if (httpStatus == 404 || containsAny(lower, NOT_FOUND)) {
            String text = "image " + what + " not found in registry " + registry + " (" + detail + ")";
            if (lower.contains("pull access denied") || lower.contains("may require")) {
                text += ". If it is private, log in with `docker login " + registry + "`.";
            }
            return failure(Reason.NOT_FOUND, text, cause);
        }
        if (containsAny(lower, UNREACHABLE)) {
            return failure(Reason.REGISTRY_UNREACHABLE, "registry " + registry + " cannot be reached (" + detail + ")",
                    cause);
        }
        return failure(Reason.FAILED, "pull of " + ref + " failed: " + detail, cause);
    }

    /**
     * Anything docker-java threw or passed to {@code onError}.
     *
     * @param streaming whether the engine had started answering; a connection lost then is the engine going away
     */
    ImagePullException thrown(Throwable error, boolean streaming) {
        if (error instanceof DockerException de) {
            return engineSaid(bodyMessage(de.getMessage()), de.getHttpStatus(), de);
        }
        if (causes(error).anyMatch(t -> t instanceof IOException)) {
            String text = streaming
                    ? "the container engine stopped answering during the pull of " + ref
                    : "the container engine did not answer the pull of " + ref;
            return failure(Reason.ENGINE_GONE, text + " (" + clean(rootMessage(error)) + ")", error);
        }
        return failure(Reason.FAILED, "pull of " + ref + " failed: " + clean(rootMessage(error)), error);
    }

    ImagePullException stalled(String idle) {
        return failure(Reason.STALLED, "pull of " + ref + " stalled: no data for " + idle
                + "; it was cancelled. The registry or the network may be down; try again.", null);
    }

    ImagePullException missingAfterPull() {
        return failure(Reason.FAILED, "the engine ended the pull of " + ref + " but has no such image", null);
    }

    private ImagePullException failure(Reason reason, String message, Throwable cause) {
        return new ImagePullException(reason, ref.toString(), ref.registry(), message, cause);
    }

    /** docker-java's message is "Status 404: {\"message\":\"...\"}"; the inner message is what the engine said. */
    static String bodyMessage(String exceptionMessage) {
        if (exceptionMessage == null) {
            return "";
        }
        int brace = exceptionMessage.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode body = JSON.readTree(exceptionMessage.substring(brace));
                JsonNode message = body.path("message");
                if (message.isString()) {
                    return message.stringValue();
                }
            } catch (JacksonException e) {
                // not JSON after all: keep the text
            }
        }
        return exceptionMessage.replaceFirst("^Status \\d+: ", "");
    }

    /** One line, bounded, with the known credentials and anything that looks like a secret masked. */
    private String clean(String message) {
        String s = message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        for (String secret : secrets()) {
            s = s.replace(secret, Redaction.MASK);
        }
        s = Redaction.redact(s);
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }

    private List<String> secrets() {
        return auth.stream()
                .flatMap(a -> Stream.of(a.getPassword(), a.getIdentitytoken(), a.getRegistrytoken(), a.getAuth()))
                .filter(s -> s != null && !s.isEmpty())
                .toList();
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }

    private static Stream<Throwable> causes(Throwable error) {
        return Stream.iterate(error, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    private static String rootMessage(Throwable error) {
        Throwable last = causes(error).reduce((a, b) -> b).orElse(error);
        String m = last.getMessage();
        return last.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
