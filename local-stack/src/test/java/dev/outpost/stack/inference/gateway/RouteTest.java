package dev.outpost.stack.inference.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Metadata;
import dev.outpost.stack.inference.OllamaHost;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes built from what the app has (OLLAMA_HOST, an InferenceTarget), and secrets kept out of text. */
class RouteTest {
    @Test
    void theLocalRouteDialsOllamaHostAndAPathPrefixIsKept() throws Exception {
        Route local = Route.localOllama(OllamaHost.parse("0.0.0.0:11500"));
        assertThat(local.baseUri()).isEqualTo(URI.create("http://127.0.0.1:11500"));
        assertThat(local.api()).isEqualTo(ApiKind.OLLAMA);
        assertThat(local.headers()).isEmpty();
        assertThat(Upstream.resolve(URI.create("https://h/ollama/"), "/api/chat?x=1"))
                .isEqualTo(URI.create("https://h/ollama/api/chat?x=1"));
    }

    @Test
    void aRemoteRouteComesFromTheTargetDocumentWithTheCallersCredentials() throws Exception {
        InferenceTarget target = new InferenceTarget("outpost.dev/v1", "InferenceTarget",
                new Metadata("gke-l4", null, null, null),
                new InferenceTarget.Spec("https://llm.example.com", InferenceTarget.Api.OPENAI, InferenceTarget.Auth.BEARER,
                        null, 0.56, null, "europe-west4", null));

        Route remote = Route.remote(target, AuthHeaders.bearer(() -> "k-123456"));

        assertThat(remote.name()).isEqualTo("gke-l4");
        assertThat(remote.api()).isEqualTo(ApiKind.OPENAI);
        assertThat(remote.baseUri()).isEqualTo(URI.create("https://llm.example.com"));
        assertThat(remote.headers()).containsEntry("Authorization", "Bearer k-123456");
        assertThat(remote.toString()).doesNotContain("k-123456");
    }

    @Test
    void onlyHttpAndHttpsUpstreams() {
        assertThatThrownBy(() -> Route.of("x", URI.create("ftp://h"), ApiKind.OLLAMA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scrubbingMasksTheHeaderValueAndTheBareToken() {
        assertThat(Redactor.scrub("bad Bearer abcd1234 and abcd1234 again", List.of("Bearer abcd1234")))
                .isEqualTo("bad *** and *** again");
        assertThat(Redactor.withoutUserInfo(URI.create("https://u:pw@h:8443/p"))).isEqualTo("https://h:8443/p");
    }
}
