package dev.outpost.stack.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.stack.inference.gateway.ApiKind;
import dev.outpost.stack.inference.gateway.InferenceGateway;
import dev.outpost.stack.inference.gateway.Route;
import dev.outpost.stack.inference.gateway.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What the inference gateway costs a streaming client, measured in one run against the same upstream stub
 * reached directly: time to first token, and token/byte throughput for one stream and for 50 at once.
 * The stub streams Ollama-shaped NDJSON lines (about 120 bytes each, like real chunks), each written and
 * flushed alone, as fast as it can: a real model is far slower, so this shows the gateway's ceiling and
 * its added latency, not a model's speed. A second pair does the same with an OpenAI-like SSE stub, read
 * directly as SSE and through the gateway translated to Ollama NDJSON.
 *
 * <p>Run with {@code mvn -B -Pbench -pl local-stack -am verify -Dtest=GatewayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints its results and writes them to target/bench/gateway.txt;
 * nothing is asserted. Client, gateway and stub share the machine's cores, as they would on a laptop.
 */
class GatewayBenchmark {
    private static final int TTFT_ROUNDS = 300;
    private static final int SINGLE_TOKENS = 20_000;
    private static final int SINGLE_ROUNDS = 7;
    private static final int STREAMS = 50;
    private static final int CONCURRENT_TOKENS = 2_000;
    private static final int CONCURRENT_ROUNDS = 5;
    /** Paced like a fast model: 2 ms a token (500 tokens/s per stream, 25,000/s over 50 streams). */
    private static final int PACED_TOKENS = 400;
    private static final int PACE_MICROS = 2_000;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void gatewayAgainstDirect() throws Exception {
        List<String> report = new ArrayList<>();
        try (Streamer ollama = new Streamer(false); Streamer openAi = new Streamer(true);
             InferenceGateway viaOllama = InferenceGateway.builder(Route.of("local", ollama.uri(), ApiKind.OLLAMA)).start(0);
             InferenceGateway viaOpenAi = InferenceGateway.builder(Route.of("local", ollama.uri(), ApiKind.OLLAMA))
                     .remote(Route.of("sse", openAi.uri(), ApiKind.OPENAI)).start(0)) {
            viaOpenAi.use(Target.REMOTE);
            URI direct = ollama.uri();
            URI gateway = viaOllama.url();

            // warm-up: JIT, connection pools, virtual-thread carriers
            for (int i = 0; i < 300; i++) {
                stream(direct, "/api/chat", 200);
                stream(gateway, "/api/chat", 200);
                stream(openAi.uri(), "/v1/chat/completions", 200);
                stream(viaOpenAi.url(), "/api/chat", 200);
            }

            // time to first token: many short streams, alternating direct and gateway to share the noise
            double[] ttftDirect = new double[TTFT_ROUNDS];
            double[] ttftGateway = new double[TTFT_ROUNDS];
            for (int i = 0; i < TTFT_ROUNDS; i++) {
                ttftDirect[i] = stream(direct, "/api/chat", 5).ttftMs();
                ttftGateway[i] = stream(gateway, "/api/chat", 5).ttftMs();
            }
            double dMed = median(ttftDirect);
            double gMed = median(ttftGateway);
            report.add(String.format(Locale.ROOT, "TTFT, one stream (median of %d / p90): direct %.3f / %.3f ms | gateway %.3f / %.3f ms"
                    + " | added %.3f ms (median)", TTFT_ROUNDS, dMed, p90(ttftDirect), gMed, p90(ttftGateway), gMed - dMed));

            // one long stream
            Result single = null;
            Result singleGw = null;
            double[] dTok = new double[SINGLE_ROUNDS];
            double[] gTok = new double[SINGLE_ROUNDS];
            double[] dBytes = new double[SINGLE_ROUNDS];
            double[] gBytes = new double[SINGLE_ROUNDS];
            for (int i = 0; i < SINGLE_ROUNDS; i++) {
                single = stream(direct, "/api/chat", SINGLE_TOKENS);
                singleGw = stream(gateway, "/api/chat", SINGLE_TOKENS);
                dTok[i] = single.tokensPerSecond();
                gTok[i] = singleGw.tokensPerSecond();
                dBytes[i] = single.bytesPerSecond();
                gBytes[i] = singleGw.bytesPerSecond();
            }
            report.add(throughput("one stream, " + SINGLE_TOKENS + " tokens (median of " + SINGLE_ROUNDS + ")",
                    median(dTok), median(gTok), median(dBytes), median(gBytes)));

            // fifty at once
            double[] cdTok = new double[CONCURRENT_ROUNDS];
            double[] cgTok = new double[CONCURRENT_ROUNDS];
            double[] cdBytes = new double[CONCURRENT_ROUNDS];
            double[] cgBytes = new double[CONCURRENT_ROUNDS];
            double[] cdTtft = new double[CONCURRENT_ROUNDS];
            double[] cgTtft = new double[CONCURRENT_ROUNDS];
            for (int i = 0; i < CONCURRENT_ROUNDS; i++) {
                Concurrent d = concurrent(direct, "/api/chat");
                Concurrent g = concurrent(gateway, "/api/chat");
                cdTok[i] = d.tokensPerSecond;
                cgTok[i] = g.tokensPerSecond;
                cdBytes[i] = d.bytesPerSecond;
                cgBytes[i] = g.bytesPerSecond;
                cdTtft[i] = d.medianTtftMs;
                cgTtft[i] = g.medianTtftMs;
            }
            report.add(throughput(STREAMS + " streams at once, " + CONCURRENT_TOKENS + " tokens each, all streams together"
                    + " (median of " + CONCURRENT_ROUNDS + ")", median(cdTok), median(cgTok), median(cdBytes), median(cgBytes)));
            report.add(String.format(Locale.ROOT, "TTFT, %d streams at once (median over streams, median of %d rounds):"
                    + " direct %.2f ms | gateway %.2f ms | added %.2f ms", STREAMS, CONCURRENT_ROUNDS, median(cdTtft),
                    median(cgTtft), median(cgTtft) - median(cdTtft)));

            // fifty at once at a model's pace: does the gateway keep up and what does it add per stream?
            double[] pdTok = new double[CONCURRENT_ROUNDS];
            double[] pgTok = new double[CONCURRENT_ROUNDS];
            double[] pdTtft = new double[CONCURRENT_ROUNDS];
            double[] pgTtft = new double[CONCURRENT_ROUNDS];
            for (int i = 0; i < CONCURRENT_ROUNDS; i++) {
                Concurrent d = concurrent(direct, "/api/chat", PACED_TOKENS, PACE_MICROS);
                Concurrent g = concurrent(gateway, "/api/chat", PACED_TOKENS, PACE_MICROS);
                pdTok[i] = d.tokensPerSecond;
                pgTok[i] = g.tokensPerSecond;
                pdTtft[i] = d.medianTtftMs;
                pgTtft[i] = g.medianTtftMs;
            }
            report.add(String.format(Locale.ROOT, "%d streams at once paced at %d us/token, %d tokens each (median of %d):"
                    + " direct %.0f tok/s | gateway %.0f tok/s | %.1f %% of direct; TTFT median direct %.2f ms | gateway %.2f ms"
                    + " | added %.2f ms", STREAMS, PACE_MICROS, PACED_TOKENS, CONCURRENT_ROUNDS, median(pdTok), median(pgTok),
                    100 * median(pgTok) / median(pdTok), median(pdTtft), median(pgTtft), median(pgTtft) - median(pdTtft)));

            // translated: OpenAI SSE upstream read directly vs through the gateway as Ollama NDJSON
            double[] sdTok = new double[SINGLE_ROUNDS];
            double[] sgTok = new double[SINGLE_ROUNDS];
            double[] sdTtft = new double[TTFT_ROUNDS];
            double[] sgTtft = new double[TTFT_ROUNDS];
            for (int i = 0; i < SINGLE_ROUNDS; i++) {
                sdTok[i] = stream(openAi.uri(), "/v1/chat/completions", SINGLE_TOKENS).tokensPerSecond();
                sgTok[i] = stream(viaOpenAi.url(), "/api/chat", SINGLE_TOKENS).tokensPerSecond();
            }
            for (int i = 0; i < TTFT_ROUNDS; i++) {
                sdTtft[i] = stream(openAi.uri(), "/v1/chat/completions", 5).ttftMs();
                sgTtft[i] = stream(viaOpenAi.url(), "/api/chat", 5).ttftMs();
            }
            report.add(String.format(Locale.ROOT, "translated SSE -> NDJSON, one stream of %d tokens: direct SSE %.0f tok/s |"
                    + " gateway %.0f tok/s | %.1f %% of direct; TTFT median direct %.3f ms | gateway %.3f ms | added %.3f ms",
                    SINGLE_TOKENS, median(sdTok), median(sgTok), 100 * median(sgTok) / median(sdTok), median(sdTtft),
                    median(sgTtft), median(sgTtft) - median(sdTtft)));
        }
        String text = "GatewayBenchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ")\n" + String.join("\n", report) + "\n";
        System.out.print(text.lines().map(l -> "[bench] " + l + "\n").reduce("", String::concat));
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "gateway.txt"), text);
    }

    private static String throughput(String what, double dTok, double gTok, double dBytes, double gBytes) {
        return String.format(Locale.ROOT, "%s: direct %.0f tok/s, %.1f MB/s | gateway %.0f tok/s, %.1f MB/s | %.1f %% of direct",
                what, dTok, dBytes / 1e6, gTok, gBytes / 1e6, 100 * gTok / dTok);
    }

    record Result(long tokens, long bytes, long ttftNanos, long totalNanos) {
        double ttftMs() {
            return ttftNanos / 1e6;
        }

        double tokensPerSecond() {
            return tokens / (totalNanos / 1e9);
        }

        double bytesPerSecond() {
            return bytes / (totalNanos / 1e9);
        }
    }

    record Concurrent(double tokensPerSecond, double bytesPerSecond, double medianTtftMs) {
    }

    /** One streamed chat of {@code tokens} tokens; first token = first line (NDJSON) or event (SSE) received. */
    private static Result stream(URI base, String path, int tokens) throws IOException, InterruptedException {
        return stream(base, path, tokens, 0);
    }

    private static Result stream(URI base, String path, int tokens, int paceMicros) throws IOException, InterruptedException {
        // count and pace travel in the model name: the one field every translation keeps
        String body = "{\"model\":\"bench-" + tokens + "-" + paceMicros + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofInputStream());
        long first = 0;
        long bytes = 0;
        byte[] buf = new byte[16384];
        try (InputStream in = r.body()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (first == 0) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            first = System.nanoTime();
                            break;
                        }
                    }
                }
                bytes += n;
            }
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(base + path + " answered " + r.statusCode());
        }
        return new Result(tokens, bytes, first - start, System.nanoTime() - start);
    }

    private static Concurrent concurrent(URI base, String path) throws Exception {
        return concurrent(base, path, CONCURRENT_TOKENS, 0);
    }

    private static Concurrent concurrent(URI base, String path, int tokens, int paceMicros) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                futures.add(pool.submit(() -> stream(base, path, tokens, paceMicros)));
            }
            long bytes = 0;
            double[] ttft = new double[STREAMS];
            for (int i = 0; i < STREAMS; i++) {
                Result r = futures.get(i).get();
                bytes += r.bytes();
                ttft[i] = r.ttftMs();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Concurrent((double) STREAMS * tokens / seconds, bytes / seconds, median(ttft));
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double p90(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[(int) (v.length * 0.9)];
    }

    /**
     * The upstream: streams {@code tokens} chunks as fast as it can, each line (or SSE event) written and
     * flushed alone, as Ollama and vLLM do. Chunks are pre-rendered so the stub costs the same either way.
     */
    static final class Streamer implements AutoCloseable {
        private static final byte[] NDJSON_CHUNK = ("{\"model\":\"bench\",\"created_at\":\"2026-11-23T10:00:00.000000000Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\" token\"},\"done\":false}\n").getBytes(StandardCharsets.UTF_8);
        private static final byte[] NDJSON_DONE = ("{\"model\":\"bench\",\"created_at\":\"2026-11-23T10:00:00.000000000Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        private static final byte[] SSE_CHUNK = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},\"finish_reason\":null}]}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        private static final byte[] SSE_END = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8);

        private final HttpServer server;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final boolean sse;

        Streamer(boolean sse) throws IOException {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            this.sse = sse;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange ex) throws IOException {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int at = body.indexOf("\"bench-") + 7;
            String[] spec = body.substring(at, body.indexOf('"', at)).split("-");
            int tokens = Integer.parseInt(spec[0]);
            long paceNanos = Long.parseLong(spec[1]) * 1000;
            try (ex) {
                ex.getResponseHeaders().set("Content-Type", sse ? "text/event-stream" : "application/x-ndjson");
                ex.sendResponseHeaders(200, 0);
                OutputStream os = ex.getResponseBody();
                byte[] chunk = sse ? SSE_CHUNK : NDJSON_CHUNK;
                long next = System.nanoTime();
                for (int i = 0; i < tokens; i++) {
                    if (paceNanos > 0) {
                        // a model's pace: the next token is due at a fixed time, not a fixed gap after this one
                        next += paceNanos;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    os.write(chunk);
                    os.flush();
                }
                os.write(sse ? SSE_END : NDJSON_DONE);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
