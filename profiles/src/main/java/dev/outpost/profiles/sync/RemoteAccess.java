package dev.outpost.profiles.sync;

import dev.outpost.profiles.credentials.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;

/**
 * What every connection to the platform's server needs: the token (read fresh each time, so a newly
 * stored one is used at once), the SSH client, the extra CAs, and the mapping of failures.
 */
final class RemoteAccess {
    static final int TIMEOUT_SECONDS = 30;

    private final PlatformConfig config;
    private final TokenStore tokens;
    private final ExternalSshSessionFactory ssh;
    private final RemoteFailures failures;

    RemoteAccess(PlatformConfig config, TokenStore tokens, List<String> sshCommand) {
        this.config = config;
        this.tokens = tokens;
        this.ssh = new ExternalSshSessionFactory(sshCommand);
        this.failures = new RemoteFailures(config);
    }

    /** Null when no token is stored or the remote takes none; JGit then connects anonymously. */
    CredentialsProvider credentials() {
        if (!config.remote().kind().usesToken()) {
            return null;
        }
        PlatformConfig.Remote r = config.remote();
        return tokens.get(config.tokenAccount())
                .map(t -> new HostBoundCredentials(config.effectiveTokenUser(), t, r.host(), r.port()))
                .orElse(null);
    }

    /** Called once per fetch or push. */
    TransportConfigCallback transport() throws IOException {
        ssh.forgetLastRun();
        HttpConnectionFactory http = config.caCertificates() == null
                ? null
                : TrustedCaConnectionFactory.fromPem(Path.of(config.caCertificates()));
        return (Transport t) -> {
            if (t instanceof SshTransport s) {
                s.setSshSessionFactory(ssh);
            }
            if (http != null && t instanceof TransportHttp h) {
                h.setHttpConnectionFactory(http);
            }
        };
    }

    PlatformSyncException failure(Throwable e, boolean tokenSent, LastGood lastGood, Operation op) {
        String clientOutput = config.remote().kind() == RemoteKind.SSH ? ssh.lastStderr() : "";
        return failures.classify(e, clientOutput, tokenSent, lastGood, op);
    }
}
