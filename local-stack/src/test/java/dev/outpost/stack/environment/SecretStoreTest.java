package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.credentials.MapTokenStore;
import org.junit.jupiter.api.Test;

class SecretStoreTest {
    @Test
    void aSecretIsGeneratedOnceAndKeptPerEnvironmentAndService() {
        MapTokenStore tokens = new MapTokenStore();
        SecretStore s = new SecretStore(tokens);
        String first = s.get("web", "postgres", "password");
        assertThat(first).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(new SecretStore(tokens).get("web", "postgres", "password")).isEqualTo(first);
        assertThat(s.get("web", "redis", "password")).isNotEqualTo(first);
        assertThat(s.get("other", "postgres", "password")).isNotEqualTo(first);
        s.forget("web", "postgres", "password");
        assertThat(s.peek("web", "postgres", "password")).isEmpty();
    }
}
