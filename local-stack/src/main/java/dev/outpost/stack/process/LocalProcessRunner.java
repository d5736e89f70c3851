package dev.outpost.stack.process;

import dev.outpost.stack.process.OutputListener.OutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs children with {@link ProcessBuilder}; output is pumped by two virtual threads per child. */
public final class LocalProcessRunner implements ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessRunner.class);

    /** stdout is kept whole up to this size (kubeconfigs, JSON listings); beyond it, its tail. */
    static final int STDOUT_MAX_CHARS = 8 * 1024 * 1024;
    static final int STDERR_TAIL_CHARS = 16 * 1024;
    static final int STDERR_TAIL_LINES = 40;
    static final int MAX_LINE_LENGTH = 64 * 1024;

    /** Time a killed child gets to exit on SIGTERM before it and its descendants get SIGKILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** A grandchild left running can hold the pipes open after the child exits; don't wait for it forever. */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(3);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outpost-process-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public RunningProcess start(Command command, OutputListener listener) {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.environment().putAll(command.environment());
        command.workingDirectory().ifPresent(d -> pb.directory(d.toFile()));
        Process process;
        long started = System.nanoTime();
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ProcessStartException(command, e);
        }
        LOG.debug("started pid {}: {}", process.pid(), command.display());
        return new Child(command, process, listener, started);
    }

    private enum Ending { NONE, TIMED_OUT, CANCELLED }

    private static final class Child implements RunningProcess {
        private final Command command;
        private final Process process;
        private final long startedNanos;
        private final LineTail stdout = new LineTail(STDOUT_MAX_CHARS, Integer.MAX_VALUE);
        private final LineTail stderr = new LineTail(STDERR_TAIL_CHARS, STDERR_TAIL_LINES);
        private final AtomicReference<Ending> ending = new AtomicReference<>(Ending.NONE);
        private final CompletableFuture<ProcessResult> completion = new CompletableFuture<>();
        private final ScheduledFuture<?> timeoutTask;

        Child(Command command, Process process, OutputListener listener, long startedNanos) {
            this.command = command;
            this.process = process;
            this.startedNanos = startedNanos;
            feedStdin(command, process);
            Thread out = pump(process.getInputStream(), OutputStream.STDOUT, stdout, listener);
            Thread err = pump(process.getErrorStream(), OutputStream.STDERR, stderr, listener);
            timeoutTask = TIMER.schedule(() -> end(Ending.TIMED_OUT),
                    command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            process.onExit().thenRunAsync(() -> finish(out, err), r -> Thread.ofVirtual().start(r));
        }

        /**
         * Without input, closes stdin at once so a child that reads it sees EOF instead of hanging. With input,
         * writes it from a thread of its own: a child that reads nothing would otherwise fill the pipe and block
         * {@code start}, and one that exits early breaks the pipe, which only means it wanted no more.
         */
        private static void feedStdin(Command command, Process p) {
            Optional<byte[]> input = command.stdin();
            if (input.isEmpty()) {
                closeQuietly(p.getOutputStream());
                return;
            }
            Thread.ofVirtual().name("outpost-stdin-" + p.pid()).start(() -> {
                java.io.OutputStream stdin = p.getOutputStream();
                try {
                    stdin.write(input.get());
                    stdin.flush();
                } catch (IOException e) {
                    LOG.trace("stdin of pid {} closed before all input was written: {}", p.pid(), e.toString());
                } finally {
                    closeQuietly(stdin);
                }
            });
        }

        private static void closeQuietly(java.io.OutputStream stdin) {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        private Thread pump(InputStream in, OutputStream which, LineTail tail, OutputListener listener) {
            return Thread.ofVirtual().name("outpost-" + which.name().toLowerCase() + "-" + process.pid()).start(() -> {
                try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    new LineReader(MAX_LINE_LENGTH).readAll(reader, line -> {
                        tail.add(line);
                        try {
                            listener.onLine(which, line);
                        } catch (RuntimeException e) {
                            LOG.warn("output listener failed on a line of {}", command.program(), e);
                        }
                    });
                } catch (IOException e) {
                    // The stream closes under us when the tree is killed; nothing more to read.
                    LOG.trace("{} of pid {} closed: {}", which, process.pid(), e.toString());
                } catch (UncheckedIOException e) {
                    LOG.trace("{} of pid {} closed: {}", which, process.pid(), e.toString());
                }
            });
        }

        private void finish(Thread out, Thread err) {
            timeoutTask.cancel(false);
            try {
                long deadline = System.nanoTime() + DRAIN_AFTER_EXIT.toNanos();
                for (Thread t : List.of(out, err)) {
                    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    if (!t.join(Duration.ofMillis(left))) {
                        LOG.debug("{} output still open after exit (a descendant holds it); not waiting", command.program());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessResult result = new ProcessResult(command, process.exitValue(), stdout.lines(), stdout.truncated(),
                    stderr.lines(), Duration.ofNanos(System.nanoTime() - startedNanos));
            LOG.debug("pid {} exited {} after {} ms: {}", process.pid(), result.exitCode(),
                    result.elapsed().toMillis(), command.display());
            switch (ending.get()) {
                case TIMED_OUT -> completion.completeExceptionally(new ProcessTimeoutException(result));
                case CANCELLED -> completion.completeExceptionally(new ProcessCancelledException(command));
                case NONE -> completion.complete(result);
            }
        }

        private void end(Ending why) {
            if (process.isAlive() && ending.compareAndSet(Ending.NONE, why)) {
                LOG.debug("stopping pid {} ({}): {}", process.pid(), why, command.display());
                // Off the caller's thread: cancel() may come from the UI thread, and the grace period waits.
                Thread.ofVirtual().name("outpost-kill-" + process.pid()).start(() -> killTree(process.toHandle()));
            }
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public ProcessResult await() throws InterruptedException {
            try {
                return completion.get();
            } catch (InterruptedException e) {
                // The caller gave up waiting: the child must not outlive its purpose.
                cancel();
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ProcessException pe) {
                    throw pe;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void cancel() {
            end(Ending.CANCELLED);
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public CompletableFuture<ProcessResult> completion() {
            return completion.copy();
        }
    }

    /**
     * SIGTERM to the child and every descendant (snapshotted first: once the parent dies its children
     * are re-parented and can no longer be found from it), then SIGKILL to whatever is left.
     */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
