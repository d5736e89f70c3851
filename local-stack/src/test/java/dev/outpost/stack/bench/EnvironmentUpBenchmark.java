package dev.outpost.stack.bench;

import com.github.dockerjava.api.DockerClient;
import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.pull.ImagePuller;
import dev.outpost.stack.docker.pull.RegistryCredentials;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.environment.PullingImageSource;
import dev.outpost.stack.environment.EnvironmentEngine;
import dev.outpost.stack.environment.SecretStore;
import dev.outpost.stack.environment.UpListener;
import dev.outpost.stack.environment.UpOptions;
import dev.outpost.stack.platform.HostEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `up` of the three-service web-backend with warm images, against (a) a shell script doing the same
 * `docker run`s and readiness waits one after another and (b) `docker-compose up -d` plus the same
 * waits, all in the same run. Run with `mvn -Pbench -pl local-stack -am verify` after .ci/run's test
 * images exist; timings are printed (and written to target/bench), never asserted.
 */
class EnvironmentUpBenchmark {
    private static final int RUNS = 3;

    @TempDir
    Path tmp;

    @Test
    void upAgainstAScriptAndCompose() throws Exception {
        Properties reg = new Properties();
        try (var in = Files.newBufferedReader(Path.of("/var/cache/outpost-test-registry/registry.env"))) {
            reg.load(in);
        }
        String registry = reg.getProperty("OUTPOST_TEST_REGISTRY");
        HostEnvironment host = HostEnvironment.current();
        DockerClient docker = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
        EnvironmentEngine engine = new EnvironmentEngine(docker, new SecretStore(new MapTokenStore()),
                new PullingImageSource(new ImagePuller(docker), new RegistryCredentials(host, new LocalProcessRunner())), "bench");
        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        Plan plan = new Resolver(catalog, new ResolveOptions(registry, null))
                .resolve(catalog.profile("web-backend").orElseThrow().profile());

        // Warm images: the first up pulls them, and is not timed.
        engine.up(plan, UpOptions.defaults(), UpListener.NONE);
        engine.down(plan.profile(), true);

        Path script = Files.writeString(tmp.resolve("up.sh"), script(plan));
        Path compose = Files.writeString(tmp.resolve("docker-compose.yml"), compose(plan));
        Path waits = Files.writeString(tmp.resolve("wait.sh"), waits("bench-compose"));
        boolean haveCompose = new ProcessBuilder("sh", "-c", "command -v docker-compose").start().waitFor() == 0;

        double outpost = median(() -> {
            engine.up(plan, UpOptions.defaults(), UpListener.NONE);
        }, () -> engine.down(plan.profile(), true));
        double shell = median(() -> sh("sh " + script), () -> sh("docker rm -f bench-postgres bench-redis bench-rabbitmq;"
                + " docker network rm bench-net; docker volume rm bench-pg bench-redis bench-rabbit"));
        double composeMs = haveCompose ? median(() -> {
            sh("docker-compose -p bench-compose -f " + compose + " up -d");
            sh("sh " + waits);
        }, () -> sh("docker-compose -p bench-compose -f " + compose + " down -v")) : Double.NaN;

        String line = String.format("web-backend up, warm images (median of %d): Outpost %.0f ms | shell script %.0f ms"
                + " (Outpost %.2fx) | docker-compose + waits %s", RUNS, outpost, shell, outpost / shell,
                haveCompose ? String.format("%.0f ms (Outpost %.2fx)", composeMs, outpost / composeMs) : "not installed");
        System.out.println("[bench] " + line);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "environment-up.txt"), line + "\n");
    }

    private static String script(Plan plan) {
        return """
                #!/bin/sh
                set -e
                docker network create bench-net >/dev/null
                docker run -d --name bench-postgres --network bench-net -p 127.0.0.1:5432:5432 -v bench-pg:/var/lib/postgresql/data \\
                  -e POSTGRES_USER=outpost -e POSTGRES_PASSWORD=benchpass -e POSTGRES_DB=app %s >/dev/null
                until docker exec bench-postgres pg_isready -h 127.0.0.1 -U outpost -d app >/dev/null 2>&1; do sleep 0.2; done
                docker run -d --name bench-redis --network bench-net -p 127.0.0.1:6379:6379 -v bench-redis:/data \\
                  -e REDIS_PASSWORD=benchpass --entrypoint sh %s -c 'exec redis-server --appendonly yes --requirepass "$REDIS_PASSWORD"' >/dev/null
                until docker logs bench-redis 2>&1 | grep -q 'Ready to accept connections'; do sleep 0.2; done
                docker run -d --name bench-rabbitmq --network bench-net -p 127.0.0.1:5672:5672 -p 127.0.0.1:15672:15672 \\
                  -v bench-rabbit:/var/lib/rabbitmq -e RABBITMQ_DEFAULT_USER=outpost -e RABBITMQ_DEFAULT_PASS=benchpass %s >/dev/null
                until docker exec bench-rabbitmq rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; do sleep 0.2; done
                """.formatted(image(plan, "postgres"), image(plan, "redis"), image(plan, "rabbitmq"));
    }

    private static String compose(Plan plan) {
        return """
                version: "3.8"
                services:
                  postgres:
                    image: %s
                    ports: ["127.0.0.1:5432:5432"]
                    environment: {POSTGRES_USER: outpost, POSTGRES_PASSWORD: benchpass, POSTGRES_DB: app}
                    volumes: ["pg:/var/lib/postgresql/data"]
                  redis:
                    image: %s
                    ports: ["127.0.0.1:6379:6379"]
                    environment: {REDIS_PASSWORD: benchpass}
                    entrypoint: ["sh", "-c", "exec redis-server --appendonly yes --requirepass \\"$$REDIS_PASSWORD\\""]
                    volumes: ["redis:/data"]
                  rabbitmq:
                    image: %s
                    ports: ["127.0.0.1:5672:5672", "127.0.0.1:15672:15672"]
                    environment: {RABBITMQ_DEFAULT_USER: outpost, RABBITMQ_DEFAULT_PASS: benchpass}
                    volumes: ["rabbit:/var/lib/rabbitmq"]
                volumes: {pg: {}, redis: {}, rabbit: {}}
                """.formatted(image(plan, "postgres"), image(plan, "redis"), image(plan, "rabbitmq"));
    }

    private static String waits(String project) {
        return """
                #!/bin/sh
                until docker exec %1$s_postgres_1 pg_isready -h 127.0.0.1 -U outpost -d app >/dev/null 2>&1; do sleep 0.2; done
                until docker logs %1$s_redis_1 2>&1 | grep -q 'Ready to accept connections'; do sleep 0.2; done
                until docker exec %1$s_rabbitmq_1 rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; do sleep 0.2; done
                """.formatted(project);
    }

    private static String image(Plan plan, String service) {
        return plan.service(service).orElseThrow().image();
    }

    interface Step {
        void run() throws Exception;
    }

    private static double median(Step work, Step cleanup) throws Exception {
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e6;
            cleanup.run();
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    private static void sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && !command.contains(" rm ")) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }
}
