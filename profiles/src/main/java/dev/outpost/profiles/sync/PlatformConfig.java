package dev.outpost.profiles.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * Which platform repository Outpost syncs with, and as whom. Stored as platform.json by
 * {@link PlatformConfigStore}; the token itself is never part of it.
 *
 * @param url            {@code https://}, {@code ssh://}, scp-style {@code git@host:path}, {@code file://}
 *                       or an absolute path; {@code http://} for loopback addresses only
 * @param branch         the branch to follow, {@code main} when not given
 * @param user           the user's name, which places their own profiles under {@code profiles/users/<user>/}
 * @param tokenUser      the user name sent with the token over HTTPS; {@value #DEFAULT_TOKEN_USER} when not
 *                       given (GitHub and GitLab accept any name with a token, Bitbucket and Gitea want the
 *                       account's own)
 * @param caCertificates a PEM file of extra certificate authorities to trust for HTTPS, for a company CA
 *                       that the JDK does not know; null to trust the JDK's own. Certificates are always verified.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformConfig(String url, String branch, String user, String tokenUser, String caCertificates) {
    public static final String DEFAULT_BRANCH = "main";
    public static final String DEFAULT_TOKEN_USER = "x-access-token";

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SCP_LIKE = Pattern.compile("(?:([^@/:]+)@)?([^@/:]+):(.+)");
    private static final Pattern WINDOWS_PATH = Pattern.compile("[A-Za-z]:[\\\\/].*|\\\\\\\\.*");

    public PlatformConfig {
        url = url == null ? null : url.trim();
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch.trim();
        user = user == null ? null : user.trim();
        tokenUser = tokenUser == null || tokenUser.isBlank() ? null : tokenUser.trim();
        caCertificates = caCertificates == null || caCertificates.isBlank() ? null : caCertificates.trim();
    }

    public static PlatformConfig of(String url, String user) {
        return new PlatformConfig(url, null, user, null, null);
    }

    public PlatformConfig withBranch(String b) {
        return new PlatformConfig(url, b, user, tokenUser, caCertificates);
    }

    public PlatformConfig withTokenUser(String u) {
        return new PlatformConfig(url, branch, user, u, caCertificates);
    }

    public PlatformConfig withCaCertificates(Path pem) {
        return new PlatformConfig(url, branch, user, tokenUser, pem == null ? null : pem.toString());
    }

    /**
     * @return this, when every field is usable
     * @throws InvalidPlatformConfigException listing every problem; the URL itself is never repeated,
     *                                        as it might hold a pasted token
     */
    public PlatformConfig validate() {
        List<String> problems = new ArrayList<>();
        try {
            Remote r = remote();
            if (r.kind() == RemoteKind.HTTP && !r.loopback()) {
                problems.add("Plain http:// would send the token to " + r.host()
                        + " unencrypted; use https:// (or ssh).");
            }
        } catch (InvalidPlatformConfigException e) {
            problems.addAll(e.problems());
        }
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            problems.add("'" + branch + "' is not a valid branch name.");
        }
        if (user == null || user.isEmpty()) {
            problems.add("A user name is needed: your own profiles are pushed under profiles/users/<user>/.");
        } else if (!USER.matcher(user).matches()) {
            problems.add("The user name '" + user + "' may hold only letters, digits, '.', '_' and '-'"
                    + " (at most 64, starting with a letter or digit), as it becomes a directory name.");
        }
        if (caCertificates != null && !Path.of(caCertificates).isAbsolute()) {
            problems.add("The CA certificates file must be given as an absolute path.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlatformConfigException(problems);
        }
        return this;
    }

    /** The parsed URL; throws {@link InvalidPlatformConfigException} when it cannot be used. */
    @JsonIgnore
    public Remote remote() {
        if (url == null || url.isEmpty()) {
            throw invalid("The platform repository URL is empty.");
        }
        if (url.contains("://")) {
            return fromUri();
        }
        if (url.startsWith("/") || WINDOWS_PATH.matcher(url).matches()) {
            return new Remote(RemoteKind.FILE, url, url, -1, false);
        }
        var scp = SCP_LIKE.matcher(url);
        if (scp.matches() && !scp.group(2).contains(" ")) {
            return new Remote(RemoteKind.SSH, url, scp.group(2), -1, false);
        }
        throw invalid("The platform repository must be an https:// or ssh:// URL, git@host:path, a file:// URL"
                + " or an absolute path.");
    }

    /** The directory under the repository root that holds this user's own profiles, with a trailing slash. */
    @JsonIgnore
    public String userDirectory() {
        return "profiles/users/" + user + "/";
    }

    /** The key of this repository's token in a {@link dev.outpost.profiles.credentials.TokenStore}. */
    @JsonIgnore
    public String tokenAccount() {
        Remote r = remote();
        return "git:" + r.host() + (r.port() > 0 ? ":" + r.port() : "");
    }

    @JsonIgnore
    public String effectiveTokenUser() {
        return tokenUser == null ? DEFAULT_TOKEN_USER : tokenUser;
    }

    private Remote fromUri() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("The platform repository URL is not a valid URL (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        RemoteKind kind = switch (scheme) {
            case "https" -> RemoteKind.HTTPS;
            case "http" -> RemoteKind.HTTP;
            case "ssh", "git+ssh", "ssh+git" -> RemoteKind.SSH;
            case "file" -> RemoteKind.FILE;
            default -> throw invalid("Outpost cannot sync over '" + scheme + "://'; use https://, ssh://,"
                    + " file:// or a local path.");
        };
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && (kind.usesToken() || userInfo.contains(":"))) {
            throw invalid("The URL contains a user name or password. Remove it from the URL and store the token"
                    + " in Outpost instead, where it is kept in the OS keychain.");
        }
        if (kind == RemoteKind.FILE) {
            return new Remote(kind, url, uri.getPath(), -1, false);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("The platform repository URL names no host.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("The platform repository URL must not have a query or fragment (?… or #…).");
        }
        String host = uri.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return new Remote(kind, url, host, uri.getPort(), loopback);
    }

    /** Masks a user name or password that was pasted into the URL, so a token never reaches a log this way. */
    @Override
    public String toString() {
        String shown = url == null ? null : url.replaceAll("://[^/@]*@", "://***@");
        return "PlatformConfig[url=" + shown + ", branch=" + branch + ", user=" + user + ", tokenUser=" + tokenUser
                + ", caCertificates=" + caCertificates + "]";
    }

    private static InvalidPlatformConfigException invalid(String problem) {
        return new InvalidPlatformConfigException(List.of(problem));
    }

    /**
     * The parsed repository location.
     *
     * @param host for file remotes, the path; port -1 when the URL names none
     */
    public record Remote(RemoteKind kind, String url, String host, int port, boolean loopback) {
    }
}
