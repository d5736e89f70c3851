package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Same dialect on both sides: bytes go to the client the moment they arrive. What the upstream has sent
 * so far (often one token's line) is written and flushed at once, so a line is never held back waiting for
 * the next; lines that have already arrived together go out in one chunk, which keeps a fast stream from
 * costing one system call per token.
 */
final class PassthroughRelay implements Relay {
    static final PassthroughRelay INSTANCE = new PassthroughRelay();
    private static final int BUFFER = 16 * 1024;

    private PassthroughRelay() {
    }

    @Override
    public Outcome relay(HttpResponse<InputStream> upstream, ClientStream client, String route)
            throws ClientGoneException {
        String contentType = upstream.headers().firstValue("Content-Type").orElse(null);
        StreamFormat format = StreamFormat.of(contentType);
        InputStream in = upstream.body();
        if (upstream.statusCode() >= 400) {
            return error(upstream.statusCode(), contentType, in, client);
        }
        client.begin(upstream.statusCode(), contentType);
        byte[] buf = new byte[BUFFER];
        byte last = '\n';
        try {
            while (true) {
                int n;
                try {
                    n = readAvailable(in, buf);
                } catch (IOException e) {
                    String message = "the answer from route '" + route + "' broke off: " + Upstream.describe(e);
                    if (format == null) {
                        return new Outcome(message, true);
                    }
                    // finish a half-sent line first, or the client could not parse the error line
                    if (format == StreamFormat.NDJSON && last != '\n') {
                        client.write(new byte[] {'\n'});
                    } else if (format == StreamFormat.SSE && last != '\n') {
                        client.write(new byte[] {'\n', '\n'});
                    }
                    client.streamEnd(format, message);
                    return new Outcome(message, false);
                }
                if (n < 0) {
                    return Outcome.COMPLETE;
                }
                if (n > 0) {
                    client.write(buf, 0, n);
                    last = buf[n - 1];
                }
            }
        } finally {
            Upstream.closeQuietly(in);
        }
    }

    /**
     * Blocks for the first bytes, then takes whatever else has already arrived without waiting for more.
     * java.net.http hands over one HTTP chunk per read, so without this every token is its own write.
     *
     * @return bytes read, or -1 at the end
     */
    static int readAvailable(InputStream in, byte[] buf) throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return n;
        }
        while (n < buf.length && in.available() > 0) {
            int more = in.read(buf, n, buf.length - n);
            if (more < 0) {
                break;
            }
            n += more;
        }
        return n;
    }

    /**
     * A 4xx answer in the client's own dialect, passed on whole but with the route's credentials masked: a
     * server rejecting a key may quote it back ("invalid api key sk-...").
     */
    private static Outcome error(int status, String contentType, InputStream in, ClientStream client)
            throws ClientGoneException {
        byte[] body;
        try {
            body = in.readNBytes(1024 * 1024);
        } catch (IOException e) {
            body = new byte[0];
        } finally {
            Upstream.closeQuietly(in);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String scrubbed = client.scrub(text);
        client.answer(status, contentType, text.equals(scrubbed) ? body : scrubbed.getBytes(StandardCharsets.UTF_8));
        return Outcome.COMPLETE;
    }
}
