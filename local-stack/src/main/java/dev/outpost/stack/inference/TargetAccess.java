package dev.outpost.stack.inference;

import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.stack.inference.TargetAccessException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * How to talk to an inference target: its checked base URL, the headers that authenticate, and the TLS
 * setup. BEARER tokens come from the {@link TokenStore} (account {@code inference:<target name>}), GCLOUD
 * tokens from {@link GcloudAccessTokens}. Tokens are returned to the caller only inside {@link TargetHeaders}.
 */
public final class TargetAccess {
    public static final String ACCOUNT_PREFIX = "inference:";

    private final TokenStore tokens;
    private final GcloudAccessTokens gcloud;
    private final TargetTls tls;

    public TargetAccess(TokenStore tokens, GcloudAccessTokens gcloud, TargetTls tls) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.gcloud = Objects.requireNonNull(gcloud, "gcloud");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /** The TokenStore account that holds a BEARER target's token. */
    public static String account(String targetName) {
        return ACCOUNT_PREFIX + targetName;
    }

    /** Stores a BEARER token (what {@code outpost inference token NAME --token-stdin} will call). */
    public void storeToken(String targetName, String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty token cannot be stored for inference target " + targetName);
        }
        tokens.put(account(targetName), t);
    }

    public void forgetToken(String targetName) {
        tokens.delete(account(targetName));
    }

    public boolean hasToken(String targetName) {
        return tokens.get(account(targetName)).isPresent();
    }

    /**
     * The headers for a request to {@code target}; empty for auth NONE. May run gcloud (seconds) the first time.
     *
     * @throws TargetAccessException NO_TOKEN, or one of the GCLOUD_* reasons
     */
    public TargetHeaders headers(InferenceTarget target) throws InterruptedException {
        String name = target.metadata().name();
        InferenceTarget.Auth auth = Objects.requireNonNullElse(target.spec().auth(), InferenceTarget.Auth.NONE);
        return switch (auth) {
            case NONE -> TargetHeaders.NONE;
            case BEARER -> TargetHeaders.bearer(tokens.get(account(name)).orElseThrow(() -> new TargetAccessException(
                    Reason.NO_TOKEN, name, "Inference target " + name + " needs a bearer token, and none is stored.",
                    "Run \"outpost inference token " + name + " --token-stdin\" and paste the token.")));
            case GCLOUD -> TargetHeaders.bearer(gcloud.token(name));
        };
    }

    /** Call when the target answered 401: a cached gcloud token may have been revoked early. */
    public void rejected(InferenceTarget target) {
        if (target.spec().auth() == InferenceTarget.Auth.GCLOUD) {
            gcloud.invalidate();
        }
    }

    /**
     * The target's URL once checked: https, or http only to this machine (an SSH or kubectl port-forward),
     * because tokens and prompts must not cross a network in clear text.
     *
     * @throws TargetAccessException INSECURE_URL
     */
    public URI baseUri(InferenceTarget target) {
        return requireSecure(target.metadata().name(), target.spec().url());
    }

    static URI requireSecure(String name, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TargetAccessException(Reason.INSECURE_URL, name, "Inference target " + name + " has an "
                    + "unreadable url \"" + url + "\".", "Give a full URL such as https://llm.example.com.", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new TargetAccessException(Reason.INSECURE_URL, name, "Inference target " + name + " has url \""
                    + url + "\", which is not an http(s) URL with a host.", "Give a full URL such as https://llm.example.com.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new TargetAccessException(Reason.INSECURE_URL, name, "Inference target " + name + " uses plain http "
                    + "to " + uri.getHost() + "; Outpost sends prompts and tokens to remote targets over https only.",
                    "Use an https URL, or reach the server through a port-forward to 127.0.0.1.");
        }
        return uri;
    }

    /** Loopback by name or literal; other names are not resolved, so DNS cannot make a host "local". */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public TargetTls tls() {
        return tls;
    }
}
