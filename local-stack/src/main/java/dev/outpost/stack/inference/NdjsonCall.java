package dev.outpost.stack.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One streaming request: Ollama answers {@code application/x-ndjson}, one JSON object per line, and reports a
 * failure after the stream has started as a last {@code {"error":"..."}} line under HTTP 200. So every line is
 * checked for {@code error} before anything decodes it. Another thread may {@link #abort()} the call at any
 * time (a stall, a cancel): that closes the connection, and the reading thread then gets {@link Aborted}.
 */
final class NdjsonCall implements AutoCloseable {
    /** The call was aborted from another thread; the one who aborted it knows why. */
    static final class Aborted extends RuntimeException {
        Aborted() {
            super("aborted", null, false, false);
        }
    }

    private final OllamaTransport transport;
    private final HttpClient http;
    private final HttpRequest request;
    private final String call;
    private final String bearer;
    private volatile CompletableFuture<HttpResponse<InputStream>> pending;
    private volatile InputStream body;
    private volatile boolean aborted;

    NdjsonCall(OllamaTransport transport, HttpRequest request, String call, String bearer) {
        this.transport = transport;
        this.http = transport.newClient();
        this.request = request;
        this.call = call;
        this.bearer = bearer;
        transport.opened(this);
    }

    /** Sends the request and waits for the headers; anything but 200 becomes an {@link OllamaException}. */
    void open() throws InterruptedException {
        CompletableFuture<HttpResponse<InputStream>> f =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        pending = f;
        if (aborted) {
            f.cancel(true);
        }
        HttpResponse<InputStream> response;
        try {
            response = f.get();
        } catch (CancellationException e) {
            throw new Aborted();
        } catch (ExecutionException e) {
            if (aborted) {
                throw new Aborted();
            }
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw OllamaErrors.fromIo(transport.address(), call, io);
            }
            throw new OllamaException(OllamaException.Kind.OTHER, call + " at " + transport.address() + " failed: "
                    + cause, cause);
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
        body = response.body();
        if (aborted) {
            closeQuietly(body);
            throw new Aborted();
        }
        if (response.statusCode() != 200) {
            String text = OllamaTransport.readSome(response.body());
            throw transport.statusError(call, response.statusCode(), text, bearer);
        }
    }

    /**
     * Hands each line to {@code handler} until it returns false (the last line it wanted) or the stream ends.
     *
     * @return true when the handler stopped it, false when the server ended the stream first
     * @throws OllamaException for an error line, a line that is not JSON, or a dropped connection
     * @throws Aborted         when {@link #abort()} was called
     */
    boolean lines(Predicate<JsonNode> handler) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (aborted) {
                    throw new Aborted();
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line);
                String error = OllamaTransport.errorField(node);
                if (error != null) {
                    throw transport.streamLineError(call, error, bearer);
                }
                if (!handler.test(node)) {
                    return true;
                }
            }
        } catch (IOException e) {
            if (aborted) {
                throw new Aborted();
            }
            throw OllamaErrors.droppedStream(transport.address(), call, e);
        }
        if (aborted) {
            throw new Aborted();
        }
        return false;
    }

    private JsonNode parse(String line) {
        try {
            return OllamaTransport.JSON.readTree(line);
        } catch (JacksonException e) {
            throw new OllamaException(OllamaException.Kind.STREAM_ERROR, call + " at " + transport.address()
                    + " sent a line that is not JSON: " + OllamaTransport.excerpt(OllamaTransport.scrub(line, bearer)),
                    null);
        }
    }

    /** Stops the call from any thread: cancels the pending request, closes the stream and its connection. */
    void abort() {
        aborted = true;
        CompletableFuture<HttpResponse<InputStream>> f = pending;
        if (f != null) {
            f.cancel(true);
        }
        InputStream b = body;
        if (b != null) {
            closeQuietly(b);
        }
        http.shutdownNow();
    }

    boolean aborted() {
        return aborted;
    }

    /** Lets go of the stream and its connection, whether or not it was read to the end. */
    @Override
    public void close() {
        InputStream b = body;
        if (b != null) {
            closeQuietly(b);
        }
        http.shutdownNow();
        transport.closed(this);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing to let go of the connection; nothing to do if that fails
        }
    }
}
