package dev.outpost.stack.kube;

import dev.outpost.stack.cluster.ApiServerCheck;
import dev.outpost.stack.cluster.ClusterException;
import dev.outpost.stack.cluster.ClusterFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The API server check clusters get after create and start: {@code /readyz} through the cluster's own kubeconfig. */
public final class ApiServerReadiness implements ApiServerCheck {
    @Override
    public void awaitReady(Path kubeconfig, Duration timeout) throws InterruptedException {
        try (KubernetesClient client = KubeClients.fromKubeconfig(kubeconfig, null)) {
            KubeClients.waitForApiServer(client, timeout);
        } catch (ApiServerUnreachableException e) {
            throw new ClusterException(ClusterFailure.API_SERVER_UNREACHABLE, e.getMessage(), "", List.of(), e);
        }
    }
}
