package dev.outpost.profiles.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every token store does; the file store and the in-memory double both pass it. */
abstract class TokenStoreContract {
    protected abstract TokenStore store();

    @Test
    void storesReadsReplacesAndDeletesPerAccount() {
        TokenStore s = store();
        assertThat(s.get("git:git.example.com")).isEmpty();

        s.put("git:git.example.com", "token-one");
        s.put("git:other.example.com", "token-two");
        assertThat(s.get("git:git.example.com")).contains("token-one");
        assertThat(s.get("git:other.example.com")).contains("token-two");

        s.put("git:git.example.com", "token-three");
        assertThat(s.get("git:git.example.com")).contains("token-three");

        s.delete("git:git.example.com");
        assertThat(s.get("git:git.example.com")).isEmpty();
        assertThat(s.get("git:other.example.com")).contains("token-two");
        s.delete("git:never-stored");
    }

    @Test
    void neverShowsATokenInToStringOrDescription() {
        TokenStore s = store();
        s.put("git:git.example.com", "ghp_do-not-print-me");

        assertThat(s.toString()).doesNotContain("ghp_do-not-print-me");
        assertThat(s.backendDescription()).doesNotContain("ghp_do-not-print-me").isNotBlank();
    }
}
