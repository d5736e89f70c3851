package dev.outpost.stack.inference.gateway;

import java.net.URI;
import java.util.Collection;

/** Keeps credentials out of every text the gateway shows: error bodies, events, logs. */
final class Redactor {
    static final String MASK = "***";

    private Redactor() {
    }

    /**
     * Masks every secret (a header value and, for "Bearer x", the bare token too) in a message. An upstream
     * may quote the token it rejected ("invalid token ya29..."), and that text reaches the client otherwise.
     */
    static String scrub(String message, Collection<String> secrets) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            out = out.replace(secret, MASK);
            int space = secret.indexOf(' ');
            if (space > 0 && space < secret.length() - 1) {
                String token = secret.substring(space + 1).strip();
                if (token.length() >= 4) {
                    out = out.replace(token, MASK);
                }
            }
        }
        return out;
    }

    /** The URI as it can be shown: {@code https://user:pw@host} keeps only the host. */
    static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
