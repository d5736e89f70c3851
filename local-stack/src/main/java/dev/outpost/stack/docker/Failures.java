package dev.outpost.stack.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.outpost.stack.docker.EngineAttempt.Failure;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Maps what a failed connection throws to the few causes users can act on. */
final class Failures {
    private Failures() {
    }

    static EngineAttempt classify(DockerEndpoint endpoint, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Failure byType = byType(t);
            if (byType != null) {
                return new EngineAttempt(endpoint, byType, detailFor(byType, t));
            }
        }
        // The unix and npipe sockets of docker-java report errno only in the message text.
        String text = allMessages(error).toLowerCase(Locale.ROOT);
        if (text.contains("no such file") || text.contains("enoent") || text.contains("cannot find the file")) {
            return new EngineAttempt(endpoint, Failure.NO_SUCH_FILE, "");
        }
        if (text.contains("connection refused") || text.contains("econnrefused")) {
            return new EngineAttempt(endpoint, Failure.CONNECTION_REFUSED, "");
        }
        if (text.contains("permission denied") || text.contains("eacces") || text.contains("access is denied")) {
            return new EngineAttempt(endpoint, Failure.PERMISSION_DENIED, "");
        }
        // An engine that refuses the client's certificate closes the connection during or right after the TLS
        // handshake; depending on timing the client sees an SSL alert, a reset, a broken pipe or an early EOF.
        if (endpoint.tls().enabled() && (text.contains("connection reset") || text.contains("broken pipe")
                || text.contains("terminated the handshake") || text.contains("eof") || text.contains("certificate"))) {
            return new EngineAttempt(endpoint, Failure.TLS, "the engine closed the TLS connection: it may not accept"
                    + " this client certificate (" + firstLine(error) + ")");
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return new EngineAttempt(endpoint, Failure.TIMED_OUT, "");
        }
        return new EngineAttempt(endpoint, Failure.OTHER, firstLine(error));
    }

    private static Failure byType(Throwable t) {
        return switch (t) {
            case DockerException d -> Failure.ENGINE_ERROR;
            case NoSuchFileException e -> Failure.NO_SUCH_FILE;
            case AccessDeniedException e -> Failure.PERMISSION_DENIED;
            case ConnectException e when lower(e).contains("refused") -> Failure.CONNECTION_REFUSED;
            case SocketTimeoutException e -> Failure.TIMED_OUT;
            case UnknownHostException e -> Failure.UNKNOWN_HOST;
            case SSLException e -> Failure.TLS;
            default -> null;
        };
    }

    private static String detailFor(Failure f, Throwable t) {
        return switch (f) {
            case ENGINE_ERROR, TLS -> firstLine(t);
            case UNKNOWN_HOST -> String.valueOf(t.getMessage());
            default -> "";
        };
    }

    private static String lower(Throwable t) {
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    }

    private static String allMessages(Throwable error) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
