package dev.outpost.stack.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksUrlCredentials() {
        assertThat(Redaction.redact("proxy http://alice:hunter2@proxy.corp:3128 failed"))
                .isEqualTo("proxy http://***@proxy.corp:3128 failed");
        assertThat(Redaction.redact("clone https://oauth2:glpat-abcdef123456@git.corp/x.git"))
                .isEqualTo("clone https://***@git.corp/x.git");
        assertThat(Redaction.redact("redis://:s3cr3t@127.0.0.1:6379/0")).isEqualTo("redis://***@127.0.0.1:6379/0");
    }

    @Test
    void masksAuthorizationValues() {
        assertThat(Redaction.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"))
                .isEqualTo("Authorization: Bearer ***");
    }

    @Test
    void masksSecretLookingAssignments() {
        assertThat(Redaction.redact("POSTGRES_PASSWORD=s3cr3t token: abc123 api_key=\"k-1\" user=bob"))
                .isEqualTo("POSTGRES_PASSWORD=*** token: *** api_key=\"***\" user=bob");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String s = "pulled postgres:16 from http://127.0.0.1:5000 in 3s";
        assertThat(Redaction.redact(s)).isEqualTo(s);
    }
}
