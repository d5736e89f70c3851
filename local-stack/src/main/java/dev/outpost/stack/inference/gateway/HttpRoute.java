package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** The plain {@link Route}: fixed address and dialect, headers from an {@link AuthHeaders}. */
record HttpRoute(String name, URI baseUri, ApiKind api, AuthHeaders auth, SSLContext ssl) implements Route {
    HttpRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(api, "api");
        auth = auth == null ? AuthHeaders.NONE : auth;
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("route " + name + ": base URI must be http or https: " + baseUri);
        }
    }

    @Override
    public Map<String, String> headers() throws IOException {
        return auth.headers();
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(ssl);
    }

    /** No auth in here: records print every component, and this one is a secret source. */
    @Override
    public String toString() {
        return "Route[" + name + " " + api + " " + Redactor.withoutUserInfo(baseUri) + "]";
    }
}
