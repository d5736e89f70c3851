package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Metadata;
import dev.outpost.stack.inference.TargetAccessException.Reason;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import dev.outpost.stack.testing.Hosts;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class TargetAccessTest {
    @TempDir
    Path bin;

    private final MapTokenStore store = new MapTokenStore();

    static InferenceTarget target(String name, String url, InferenceTarget.Auth auth) {
        return new InferenceTarget("outpost.dev/v1", "InferenceTarget", new Metadata(name, null, null, null),
                new InferenceTarget.Spec(url, InferenceTarget.Api.OLLAMA, auth,
                        new InferenceTarget.Gpu("nvidia-l4", 24, 1), 0.56, null, "europe-west4", null));
    }

    private TargetAccess access() {
        return new TargetAccess(store, new GcloudAccessTokens(Hosts.withPath(OperatingSystem.LINUX, bin),
                new LocalProcessRunner()), TargetTls.systemTrust());
    }

    @Test
    void bearerTokenComesFromTheStoreUnderTheTargetsAccount() throws Exception {
        TargetAccess access = access();
        access.storeToken("vllm-eu", "  sk-stored \n");

        TargetHeaders h = access.headers(target("vllm-eu", "https://llm.example.com", InferenceTarget.Auth.BEARER));

        assertThat(store.get("inference:vllm-eu")).contains("sk-stored");
        assertThat(h.values()).isEqualTo(Map.of("Authorization", "Bearer sk-stored"));
        assertThat(h.asArray()).containsExactly("Authorization", "Bearer sk-stored");
        assertThat(h.toString()).isEqualTo("TargetHeaders[Authorization: <hidden>]");
    }

    @Test
    void bearerWithoutAStoredTokenSaysHowToAddOne() {
        assertThatThrownBy(() -> access().headers(target("vllm-eu", "https://x.example", InferenceTarget.Auth.BEARER)))
                .isInstanceOfSatisfying(TargetAccessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_TOKEN);
                    assertThat(e.advice()).contains("outpost inference token vllm-eu --token-stdin");
                });
    }

    @Test
    void forgetTokenRemovesIt() {
        TargetAccess access = access();
        access.storeToken("vllm-eu", "sk");
        access.forgetToken("vllm-eu");
        assertThat(access.hasToken("vllm-eu")).isFalse();
    }

    @Test
    void noAuthSendsNoHeaders() throws Exception {
        assertThat(access().headers(target("local-fwd", "http://127.0.0.1:8000", null)).values()).isEmpty();
        assertThat(access().headers(target("local-fwd", "http://127.0.0.1:8000", InferenceTarget.Auth.NONE)).values())
                .isEmpty();
    }

    @Test
    void gcloudTargetsGetTheAccessTokenAsBearer() throws Exception {
        FakeTool.named("gcloud").expectArgs("auth", "print-access-token").stdout(GcloudAccessTokensTest.TOKEN)
                .writeTo(bin);

        TargetHeaders h = access().headers(target("gke-l4", "https://gke.example", InferenceTarget.Auth.GCLOUD));

        assertThat(h.values()).containsEntry("Authorization", "Bearer " + GcloudAccessTokensTest.TOKEN);
    }

    @Test
    void httpsIsRequiredExceptOnThisMachine() {
        assertThat(TargetAccess.requireSecure("t", "https://llm.example.com/v1")).isEqualTo(URI.create("https://llm.example.com/v1"));
        assertThat(TargetAccess.requireSecure("t", "http://127.0.0.1:8000")).hasPort(8000);
        assertThat(TargetAccess.requireSecure("t", "http://127.0.0.2:8000")).hasPort(8000);
        assertThat(TargetAccess.requireSecure("t", "http://localhost:11434")).hasHost("localhost");
        assertThat(TargetAccess.requireSecure("t", "http://[::1]:8000")).hasPort(8000);

        for (String url : new String[] {"http://llm.example.com", "http://10.0.0.5:8000", "ftp://x.example", "llm.example"}) {
            assertThatThrownBy(() -> TargetAccess.requireSecure("t", url))
                    .as(url)
                    .isInstanceOfSatisfying(TargetAccessException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INSECURE_URL));
        }
    }

    @Test
    void loopbackIsDecidedWithoutDns() {
        assertThat(TargetAccess.isLoopback("localhost.example.com")).isFalse();
        assertThat(TargetAccess.isLoopback("LOCALHOST")).isTrue();
        assertThat(TargetAccess.isLoopback("0.0.0.0")).isFalse();
    }
}
