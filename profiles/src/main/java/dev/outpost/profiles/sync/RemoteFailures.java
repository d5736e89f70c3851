package dev.outpost.profiles.sync;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns what JGit throws into one typed failure with a sentence the user can act on. JGit reports
 * HTTP 401/403 and ssh's complaints only as text, so those are recognised by their wording.
 */
final class RemoteFailures {
    private static final Pattern AUTH = Pattern.compile(
            "not authorized|authentication is required|authentication not supported|not permitted|\\b40[13]\\b"
                    + "|auth fail|permission denied \\(|invalid credentials|authentication failed",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFLINE = Pattern.compile(
            "connection refused|could not resolve hostname|name or service not known|network is unreachable"
                    + "|no route to host|connection timed out|operation timed out|temporary failure in name resolution"
                    + "|connection reset",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SSL = Pattern.compile("ssl problems|certificate|PKIX", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final PlatformConfig.Remote remote;

    RemoteFailures(PlatformConfig config) {
        this.remote = config.remote();
    }

    /** @param clientOutput what an external client (ssh) printed, which JGit's messages may lack */
    PlatformSyncException classify(Throwable failure, String clientOutput, boolean tokenSent, LastGood lastGood,
            Operation op) {
        String host = remote.host();
        String all = clientOutput + "\n" + messages(failure);
        if (remote.kind() == RemoteKind.FILE) {
            if (has(failure, NoRemoteRepositoryException.class) || all.toLowerCase(Locale.ROOT).contains("not found")) {
                return new RemoteUnreachableException(unreachable(host, lastGood, op), lastGood, failure);
            }
            return new RemoteRepositoryException(other(failure, clientOutput, op), lastGood, failure);
        }
        if (has(failure, UnknownHostException.class) || has(failure, ConnectException.class)
                || has(failure, NoRouteToHostException.class) || has(failure, SocketTimeoutException.class)
                || has(failure, PortUnreachableException.class) || OFFLINE.matcher(all).find()) {
            return new RemoteUnreachableException(unreachable(host, lastGood, op), lastGood, failure);
        }
        if (has(failure, SSLHandshakeException.class) || has(failure, SSLPeerUnverifiedException.class)
                || has(failure, CertPathValidatorException.class) || has(failure, CertificateException.class)
                || (remote.kind() == RemoteKind.HTTPS && SSL.matcher(all).find())) {
            return new UntrustedServerException("The certificate of " + host + " could not be verified, so Outpost"
                    + " did not connect. If your company signs its servers with its own certificate authority,"
                    + " add that CA's certificate file in the platform settings.", lastGood, failure);
        }
        if (remote.kind() == RemoteKind.SSH && all.contains("Host key verification failed")) {
            return new UntrustedServerException("The SSH host key of " + host + " is not known or has changed, so"
                    + " Outpost did not connect. Run `ssh " + host + "` once in a terminal to check and accept it.",
                    lastGood, failure);
        }
        if (AUTH.matcher(all).find()) {
            return new CredentialsRefusedException(refused(host, tokenSent, op), lastGood, failure);
        }
        if (has(failure, NoRemoteRepositoryException.class) && clientOutput.isBlank()) {
            return new RemoteRepositoryException("The repository " + remote.url() + " was not found on " + host
                    + ". Check the URL" + (remote.kind().usesToken() && !tokenSent ? ", and store a token if the"
                    + " repository is private" : "") + ".", lastGood, failure);
        }
        return new RemoteRepositoryException(other(failure, clientOutput, op), lastGood, failure);
    }

    static String unreachable(String host, LastGood lastGood, Operation op) {
        if (op == Operation.PUSH) {
            return host + " cannot be reached; your profile changes stay on this computer. Push again once it"
                    + " can be reached.";
        }
        if (lastGood == null) {
            return host + " cannot be reached, and there is no local copy of the platform repository yet.";
        }
        return host + " cannot be reached; using the last good version from " + WHEN.format(lastGood.committedAt())
                + " (" + lastGood.shortId() + ").";
    }

    private String refused(String host, boolean tokenSent, Operation op) {
        if (remote.kind() == RemoteKind.SSH) {
            return host + " refused the SSH login. Check that `ssh " + host + "` works in a terminal"
                    + " (keys, agent, ~/.ssh/config).";
        }
        if (!tokenSent) {
            return host + " asks for a token and none is stored for it. Store a token in the platform settings.";
        }
        return "The token was refused by " + host + ". Store a new token in the platform settings"
                + (op == Operation.PUSH ? "; it must be allowed to push." : ".");
    }

    private String other(Throwable failure, String clientOutput, Operation op) {
        String own = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String first = (clientOutput + "\n" + own).lines().filter(l -> !l.isBlank()).findFirst().orElse(own);
        return (op == Operation.PUSH ? "Could not push to " : "Could not sync with ") + remote.host() + ": " + first;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                sb.append(c.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }
}
