package dev.outpost.stack.docker.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.credentials.MapTokenStore;
import org.junit.jupiter.api.Test;

class TokenStoreCredentialsTest {
    @Test
    void aSavedLoginIsFoundForItsRegistryOnly() {
        TokenStoreCredentials creds = new TokenStoreCredentials(new MapTokenStore());
        creds.save("mirror.corp:5000", "ann", "pa:ss");
        var auth = creds.forRegistry("mirror.corp:5000").orElseThrow();
        assertThat(auth.getUsername()).isEqualTo("ann");
        assertThat(auth.getPassword()).isEqualTo("pa:ss");
        assertThat(auth.getRegistryAddress()).isEqualTo("mirror.corp:5000");
        assertThat(creds.forRegistry("docker.io")).isEmpty();
    }
}
