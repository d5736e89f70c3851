package dev.outpost.stack.inference.gateway;

import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.stack.inference.OllamaHost;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One upstream the gateway can forward to. The caller builds the routes (typically {@link #localOllama}
 * and a remote one from an {@link InferenceTarget}) and hands them to {@link InferenceGateway#builder}.
 */
public interface Route {
    /** Short name for events and error messages, e.g. {@code local} or {@code gke-l4}. */
    String name();

    /** Base URI; a path prefix (a server behind a proxy) is kept, e.g. {@code https://host/ollama}. */
    URI baseUri();

    /** The dialect the upstream speaks. */
    ApiKind api();

    /** Extra headers for each request (auth). Called per request; values are never logged. */
    Map<String, String> headers() throws IOException;

    /** TLS settings for https upstreams with a private CA; empty means the JDK's defaults. */
    Optional<SSLContext> sslContext();

    static Route of(String name, URI baseUri, ApiKind api) {
        return new HttpRoute(name, baseUri, api, AuthHeaders.NONE, null);
    }

    /** @param sslContext may be null for the JDK's default trust */
    static Route of(String name, URI baseUri, ApiKind api, AuthHeaders auth, SSLContext sslContext) {
        return new HttpRoute(name, baseUri, api, auth, sslContext);
    }

    /** The Ollama on this machine, where OLLAMA_HOST says it is. */
    static Route localOllama(OllamaHost host) {
        return of("local", host.baseUri(), ApiKind.OLLAMA);
    }

    /** A remote GPU target from its profile document; how to get its credentials is the caller's business. */
    static Route remote(InferenceTarget target, AuthHeaders auth) {
        ApiKind api = target.spec().api() == InferenceTarget.Api.OPENAI ? ApiKind.OPENAI : ApiKind.OLLAMA;
        return of(target.metadata().name(), URI.create(target.spec().url()), api, auth, null);
    }
}
