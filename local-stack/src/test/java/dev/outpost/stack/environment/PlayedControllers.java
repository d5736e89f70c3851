package dev.outpost.stack.environment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Set;

/**
 * The mock API server runs no controllers, so the test plays them: each Deployment or StatefulSet that appears
 * gets one pod, Ready, and its status says so. Services named in {@code broken} get a pod whose image cannot
 * be pulled instead, as kubelet would report it. Every played container logs a Kafka-style start line.
 */
public final class PlayedControllers implements AutoCloseable {
    /** What the played containers print: Kafka's catalog entry waits for its "started" line. */
    private static final String LOG = "[KafkaServer id=1] started (kafka.server.KafkaServer)\nKafka Server started\n";

    private final KubernetesClient client;
    private final dev.outpost.stack.kube.FakeApiServer api;
    private final Set<String> broken;
    private final List<SharedIndexInformer<?>> informers;

    public PlayedControllers(dev.outpost.stack.kube.FakeApiServer api, KubernetesClient client, Set<String> broken) {
        this.client = client;
        this.api = api;
        this.broken = broken;
        this.informers = List.of(
                client.apps().deployments().inAnyNamespace().inform(handler()),
                client.apps().statefulSets().inAnyNamespace().inform(handler()));
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T workload) {
                run(workload);
            }

            @Override
            public void onUpdate(T old, T workload) {
                if (!workload.getMetadata().getResourceVersion().equals(old.getMetadata().getResourceVersion())
                        && podOf(workload) == null) {
                    run(workload);
                }
            }

            @Override
            public void onDelete(T workload, boolean unknown) {
            }
        };
    }

    private HasMetadata podOf(HasMetadata workload) {
        return client.pods().inNamespace(workload.getMetadata().getNamespace())
                .withName(workload.getMetadata().getName() + "-0").get();
    }

    private synchronized void run(HasMetadata workload) {
        String ns = workload.getMetadata().getNamespace();
        String name = workload.getMetadata().getName();
        PodTemplateSpec template = workload instanceof Deployment d ? d.getSpec().getTemplate()
                : ((StatefulSet) workload).getSpec().getTemplate();
        String service = template.getMetadata().getLabels().get(Labels.SERVICE);
        boolean fails = broken.contains(service);
        if (podOf(workload) == null) {
            api.log(ns, name + "-0", LOG);
            client.resource(new PodBuilder().withNewMetadata().withName(name + "-0").withNamespace(ns)
                    .withLabels(template.getMetadata().getLabels()).endMetadata()
                    .withSpec(template.getSpec()).withStatus(fails ? unpullable(template) : ready(template)).build()).create();
        }
        if (fails) {
            return;
        }
        if (workload instanceof Deployment d && (d.getStatus() == null || d.getStatus().getReadyReplicas() == null)) {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
            client.resource(d).updateStatus();
        } else if (workload instanceof StatefulSet s && (s.getStatus() == null || s.getStatus().getReadyReplicas() == null)) {
            s.setStatus(new StatefulSetStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
            client.resource(s).updateStatus();
        }
    }

    private static PodStatus ready(PodTemplateSpec t) {
        return new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName(t.getSpec().getContainers().getFirst().getName())
                .withImage(t.getSpec().getContainers().getFirst().getImage()).withReady(true).withRestartCount(0)
                .withNewState().withNewRunning().endRunning().endState().endContainerStatus().build();
    }

    private static PodStatus unpullable(PodTemplateSpec t) {
        String image = t.getSpec().getContainers().getFirst().getImage();
        return new PodStatusBuilder().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewContainerStatus().withName(t.getSpec().getContainers().getFirst().getName()).withImage(image)
                .withReady(false).withRestartCount(0).withNewState().withNewWaiting().withReason("ErrImagePull")
                .withMessage("failed to pull and unpack image \"" + image + "\": not found").endWaiting().endState()
                .endContainerStatus().build();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
