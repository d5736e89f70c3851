package dev.outpost.profiles.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlatformConfigTest {
    @ParameterizedTest
    @CsvSource({
        "https://git.example.com/platform/idp.git, HTTPS, git.example.com, git:git.example.com",
        "https://git.example.com:8443/idp.git, HTTPS, git.example.com, git:git.example.com:8443",
        "http://127.0.0.1:8080/idp.git, HTTP, 127.0.0.1, git:127.0.0.1:8080",
        "ssh://git@git.example.com:2222/platform/idp.git, SSH, git.example.com, git:git.example.com:2222",
        "git@git.example.com:platform/idp.git, SSH, git.example.com, git:git.example.com",
        "file:///srv/git/idp.git, FILE, /srv/git/idp.git, git:/srv/git/idp.git",
        "/srv/git/idp.git, FILE, /srv/git/idp.git, git:/srv/git/idp.git",
        "C:\\repos\\idp, FILE, C:\\repos\\idp, git:C:\\repos\\idp",
    })
    void acceptsTheSupportedKindsOfLocation(String url, RemoteKind kind, String host, String account) {
        PlatformConfig c = PlatformConfig.of(url, "ann").validate();

        assertThat(c.remote().kind()).isEqualTo(kind);
        assertThat(c.remote().host()).isEqualTo(host);
        assertThat(c.tokenAccount()).isEqualTo(account);
        assertThat(c.branch()).isEqualTo("main");
        assertThat(c.userDirectory()).isEqualTo("profiles/users/ann/");
    }

    @ParameterizedTest
    @CsvSource({
        "https://ann:ghp_pasted-token@git.example.com/idp.git",
        "https://ghp_pasted-token@git.example.com/idp.git",
        "ssh://git:ghp_pasted-token@git.example.com/idp.git",
    })
    void refusesCredentialsInTheUrlWithoutRepeatingThem(String url) {
        PlatformConfig c = PlatformConfig.of(url, "ann");

        assertThatThrownBy(c::validate)
                .isInstanceOf(InvalidPlatformConfigException.class)
                .hasMessage("The URL contains a user name or password. Remove it from the URL and store the token in"
                        + " Outpost instead, where it is kept in the OS keychain.")
                .hasMessageNotContaining("ghp_pasted-token");
        assertThat(c.toString()).doesNotContain("ghp_pasted-token").contains("://***@git.example.com");
    }

    @Test
    void refusesUnsupportedSchemesByName() {
        assertThatThrownBy(() -> PlatformConfig.of("git://git.example.com/idp.git", "ann").validate())
                .hasMessage("Outpost cannot sync over 'git://'; use https://, ssh://, file:// or a local path.");
        assertThatThrownBy(() -> PlatformConfig.of("ftp://git.example.com/idp.git", "ann").validate())
                .hasMessage("Outpost cannot sync over 'ftp://'; use https://, ssh://, file:// or a local path.");
        assertThatThrownBy(() -> PlatformConfig.of("idp.git", "ann").validate())
                .hasMessage("The platform repository must be an https:// or ssh:// URL, git@host:path, a file:// URL"
                        + " or an absolute path.");
    }

    @Test
    void refusesPlainHttpBeyondThisComputer() {
        assertThatThrownBy(() -> PlatformConfig.of("http://git.example.com/idp.git", "ann").validate())
                .hasMessage("Plain http:// would send the token to git.example.com unencrypted; use https:// (or ssh).");
    }

    @Test
    void listsEveryProblemAtOnce() {
        PlatformConfig c = new PlatformConfig("", "bad..branch", "../ann", null, "relative.pem");

        assertThatThrownBy(c::validate)
                .isInstanceOfSatisfying(InvalidPlatformConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "The platform repository URL is empty.",
                        "'bad..branch' is not a valid branch name.",
                        "The user name '../ann' may hold only letters, digits, '.', '_' and '-' (at most 64, starting"
                                + " with a letter or digit), as it becomes a directory name.",
                        "The CA certificates file must be given as an absolute path."));
        assertThatThrownBy(() -> new PlatformConfig("/srv/idp.git", null, null, null, null).validate())
                .hasMessage("A user name is needed: your own profiles are pushed under profiles/users/<user>/.");
    }
}
