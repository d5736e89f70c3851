package dev.outpost.stack.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clients for the clusters Outpost creates. Always from the kubeconfig file the cluster tool wrote,
 * never from ~/.kube/config or KUBECONFIG, so a user's current context can never be the target.
 */
public final class KubeClients {
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int REQUEST_TIMEOUT_MS = 30_000;
    /** Between probes of a starting API server: it comes up in seconds, and each probe is one small GET. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private KubeClients() {
    }

    /**
     * @param context the kubeconfig context to use, or null for the file's current context
     * @throws UncheckedIOException when the file cannot be read
     */
    public static KubernetesClient fromKubeconfig(Path kubeconfig, String context) {
        String text;
        try {
            text = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
        }
        // The path lets relative certificate paths in the file resolve next to it.
        Config config = Config.fromKubeconfig(context, text, kubeconfig.toAbsolutePath().toString());
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        // A couple of quick retries ride out an API server restart; more would hide a dead cluster for minutes.
        config.setRequestRetryBackoffLimit(2);
        config.setRequestRetryBackoffInterval(250);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * Polls the API server's {@code /readyz} until it answers 200. A server that refuses {@code /readyz}
     * to this user (401, 403, 404) counts as up once {@code /version} answers 200.
     *
     * @throws ApiServerUnreachableException when it has not answered by {@code timeout}
     * @throws InterruptedException          when the thread is interrupted
     */
    public static void waitForApiServer(KubernetesClient client, Duration timeout) throws InterruptedException {
        String url = safeUrl(client.getConfiguration().getMasterUrl());
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        Throwable lastCause = null;
        HttpClient http = client.getHttpClient();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ApiServerUnreachableException(url, timeout, last, lastCause);
            }
            Duration budget = Duration.ofNanos(Math.min(left, PROBE_TIMEOUT.toNanos()));
            try {
                int readyz = status(http, client.getConfiguration().getMasterUrl(), "readyz", budget);
                if (readyz == 200) {
                    return;
                }
                if ((readyz == 401 || readyz == 403 || readyz == 404)
                        && status(http, client.getConfiguration().getMasterUrl(), "version", budget) == 200) {
                    return;
                }
                last = "/readyz answered HTTP " + readyz;
                lastCause = null;
            } catch (TimeoutException e) {
                last = "no answer within " + budget.toMillis() + "ms";
                lastCause = e;
            } catch (ExecutionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                last = c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
                lastCause = c;
            }
            long pause = Math.min(PROBE_INTERVAL.toNanos(), deadline - System.nanoTime());
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
    }

    private static int status(HttpClient http, String masterUrl, String path, Duration budget)
            throws InterruptedException, ExecutionException, TimeoutException {
        String base = masterUrl.endsWith("/") ? masterUrl : masterUrl + "/";
        HttpRequest request = http.newHttpRequestBuilder().uri(URI.create(base + path)).build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, String.class);
        try {
            return answer.get(budget.toNanos(), TimeUnit.NANOSECONDS).code();
        } finally {
            answer.cancel(true);
        }
    }

    /** The URL without user info or query, so a message never carries a credential. */
    static String safeUrl(String url) {
        try {
            URI u = URI.create(url);
            String path = u.getPath() == null || u.getPath().equals("/") ? null : u.getPath();
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), path, null, null).toString();
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return "(unparseable server URL)";
        }
    }
}
