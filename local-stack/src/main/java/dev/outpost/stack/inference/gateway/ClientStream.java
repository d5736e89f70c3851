package dev.outpost.stack.inference.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The answer to one client. Every write is flushed at once (chunked encoding), because the point of the
 * gateway is that a token reaches the client when the upstream sends it. Notes when the first byte left.
 */
final class ClientStream {
    private final HttpExchange exchange;
    private final ApiKind dialect;
    private final boolean head;
    private final long startNanos;
    private OutputStream body;
    private Runnable onFirstByte = () -> { };
    private int status;
    private long bytes;
    private long firstByteNanos;
    private final List<String> secrets = new ArrayList<>();

    ClientStream(HttpExchange exchange, ApiKind dialect, long startNanos) {
        this.exchange = exchange;
        this.dialect = dialect;
        this.head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        this.startNanos = startNanos;
    }

    void onFirstByte(Runnable action) {
        this.onFirstByte = action;
    }

    /** Header values sent upstream for this request: masked in every error text this answer carries. */
    void secrets(Collection<String> values) {
        secrets.addAll(values);
    }

    String scrub(String message) {
        return Redactor.scrub(message, secrets);
    }

    boolean started() {
        return body != null;
    }

    int status() {
        return status;
    }

    long bytes() {
        return bytes;
    }

    long startNanos() {
        return startNanos;
    }

    /** Nanoseconds from receiving the request to the first byte of the answer; 0 before. */
    long timeToFirstByteNanos() {
        return firstByteNanos == 0 ? 0 : firstByteNanos - startNanos;
    }

    /** Sends the status line and headers; the body follows chunked, as long as it takes. */
    void begin(int status, String contentType) throws ClientGoneException {
        if (body != null) {
            throw new IllegalStateException("answer already started");
        }
        this.status = status;
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = head || status == 204 || status == 304;
        try {
            exchange.sendResponseHeaders(status, noBody ? -1 : 0);
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
        body = exchange.getResponseBody();
        if (noBody) {
            markFirstByte();
        }
    }

    void write(byte[] b, int off, int len) throws ClientGoneException {
        write(b, off, len, true);
    }

    /**
     * @param flush false only when the caller already holds the next piece and will write it right away;
     *              the pieces then leave together (the server's chunk buffer is 4 KiB), never later than that
     */
    void write(byte[] b, int off, int len, boolean flush) throws ClientGoneException {
        if (head || len == 0) {
            return;
        }
        try {
            body.write(b, off, len);
            if (flush) {
                body.flush();
            }
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
        bytes += len;
        markFirstByte();
    }

    void write(byte[] b) throws ClientGoneException {
        write(b, 0, b.length);
    }

    /** One NDJSON line, written and flushed as one chunk. */
    void writeLine(byte[] json) throws ClientGoneException {
        writeLine(json, true);
    }

    void writeLine(byte[] json, boolean flush) throws ClientGoneException {
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        write(line, 0, line.length, flush);
    }

    void flush() throws ClientGoneException {
        if (body == null || head) {
            return;
        }
        try {
            body.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    /** A whole answer at once. */
    void answer(int status, String contentType, byte[] content) throws ClientGoneException {
        begin(status, contentType);
        write(content);
    }

    /** An error made by the gateway, in the client's dialect. */
    void error(int status, String message) throws ClientGoneException {
        answer(status, "application/json; charset=utf-8", ErrorBodies.json(dialect, status, scrub(message)));
    }

    /** The line or event that ends a stream which broke after it started, in the stream's own framing. */
    void streamEnd(StreamFormat format, String message) throws ClientGoneException {
        write(ErrorBodies.streamEnd(format, scrub(message)));
    }

    void text(int status, String text) throws ClientGoneException {
        answer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private void markFirstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
            onFirstByte.run();
        }
    }
}
