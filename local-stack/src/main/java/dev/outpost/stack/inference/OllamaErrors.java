package dev.outpost.stack.inference;

import dev.outpost.stack.inference.OllamaException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Sorts what went wrong into an {@link OllamaException.Kind}. Ollama has no error codes: its errors are an HTTP
 * status plus {@code {"error":"text"}}, so the kind comes from the status and, where the status is too coarse
 * (a 500 for an out-of-memory load), from Ollama's wording. All text handed in is already scrubbed of the token.
 */
final class OllamaErrors {
    /**
     * Ollama's ways of saying a model does not fit: the scheduler's "model requires more system memory (x GiB)
     * than is available (y GiB)", newer schedulers' "memory layout cannot be allocated", and the runner's
     * CUDA/Metal/ROCm allocation failures ("cudaMalloc failed: out of memory", "insufficient memory").
     */
    private static final Pattern OUT_OF_MEMORY = Pattern.compile(
            "requires more (system )?memory|out of memory|insufficient memory|cannot be allocated"
                    + "|unable to allocate|failed to allocate");
    /** "model 'x' not found", "model \"x\" not found, try pulling it first", and a pull's "file does not exist". */
    private static final Pattern NOT_FOUND = Pattern.compile(
            "model ['\"].*['\"] not found|not found, try pulling|pull model manifest: file does not exist"
                    + "|manifest unknown");

    private OllamaErrors() {
    }

    /** A non-2xx answer. {@code error} is the server's error text (or an excerpt of a non-JSON body). */
    static OllamaException fromStatus(String address, String call, int status, String error) {
        String detail = error == null || error.isBlank() ? "" : ": " + error;
        String lower = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (status == 401 || status == 403) {
            return new OllamaException(Kind.UNAUTHORIZED, call + " at " + address + " was refused (HTTP " + status
                    + ")" + detail + ". Check the access token configured for this server.", status, error, null);
        }
        if (status == 404 && NOT_FOUND.matcher(lower).find()) {
            return new OllamaException(Kind.MODEL_NOT_FOUND, error + " (at " + address + ")", status, error, null);
        }
        if (OUT_OF_MEMORY.matcher(lower).find()) {
            return new OllamaException(Kind.OUT_OF_MEMORY, "The server at " + address
                    + " cannot load the model, not enough memory" + detail, status, error, null);
        }
        return new OllamaException(Kind.OTHER, call + " at " + address + " answered HTTP " + status + detail,
                status, error, null);
    }

    /** An {@code {"error": ...}} line inside a stream that had started (its HTTP status was 200). */
    static OllamaException fromStreamLine(String address, String call, String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        if (NOT_FOUND.matcher(lower).find()) {
            return new OllamaException(Kind.MODEL_NOT_FOUND, error + " (at " + address + ")", -1, error, null);
        }
        if (OUT_OF_MEMORY.matcher(lower).find()) {
            return new OllamaException(Kind.OUT_OF_MEMORY, "The server at " + address
                    + " ran out of memory: " + error, -1, error, null);
        }
        return new OllamaException(Kind.STREAM_ERROR, call + " at " + address + " failed mid-stream: " + error,
                -1, error, null);
    }

    /** The connection broke, or ended, after the stream had started. */
    static OllamaException droppedStream(String address, String call, Throwable cause) {
        String why = cause == null ? "the server closed the stream before the last line"
                : "the connection dropped (" + describe(cause) + ")";
        return new OllamaException(Kind.STREAM_ERROR, call + " at " + address + " did not finish: " + why, cause);
    }

    /** No HTTP answer at all: classify the I/O failure. */
    static OllamaException fromIo(String address, String call, IOException e) {
        if (isUntrustedCertificate(e)) {
            return new OllamaException(Kind.TLS_UNTRUSTED, "The TLS certificate of " + address + " is not trusted ("
                    + describe(rootCause(e)) + "). If this server uses a private or self-signed CA, configure that "
                    + "CA's certificate (PEM) for this server so Outpost can verify it; host names are always checked.",
                    e);
        }
        if (has(e, SSLException.class)) {
            return new OllamaException(Kind.OTHER, "TLS with " + address + " failed (" + describe(rootCause(e))
                    + "). If the server speaks plain HTTP, use an http:// address.", e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return unreachable(address, "the connection timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return unreachable(address, "it accepted the connection but did not answer " + call + " in time", e);
        }
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return unreachable(address, "the host name does not resolve", e);
        }
        if (has(e, ConnectException.class)) {
            return unreachable(address, "connection refused", e);
        }
        return new OllamaException(Kind.UNREACHABLE, call + " at " + address + " failed: " + describe(e), e);
    }

    private static OllamaException unreachable(String address, String why, Throwable cause) {
        return new OllamaException(Kind.UNREACHABLE, "Nothing is answering at " + address + " (" + why + ")", cause);
    }

    private static boolean isUntrustedCertificate(Throwable e) {
        return has(e, SSLException.class) && (has(e, CertificateException.class)
                || has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class));
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
