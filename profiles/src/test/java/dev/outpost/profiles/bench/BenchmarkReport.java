package dev.outpost.profiles.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Median-of-N timing and a one-line report; results also land in target/bench/ for docs/performance.md. */
final class BenchmarkReport {
    private BenchmarkReport() {
    }

    interface Work {
        void run() throws Exception;
    }

    static double medianMillis(int warmups, int runs, Work work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    static void record(String name, String line) throws IOException {
        System.out.println("[bench] " + line);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve(name + ".txt"), line + "\n");
    }
}
