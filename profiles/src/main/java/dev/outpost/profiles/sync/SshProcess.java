package dev.outpost.profiles.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of the ssh client, with its stderr kept for Outpost rather than handed to JGit. JGit copies
 * stderr on a thread of its own and builds its error before that copy is done, so a refused key or
 * an unknown host would only sometimes be named; reading it here, after the exit, always works.
 * {@link #exitValue()} waits briefly for the same reason: JGit asks as soon as ssh closes its output.
 */
final class SshProcess extends Process {
    private static final long EXIT_WAIT_SECONDS = 10;
    private static final int KEEP_BYTES = 8192;
    private static final long EXIT_GRACE_MILLIS = 200;

    private final Process process;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread pump;

    SshProcess(Process process) {
        this.process = process;
        this.pump = Thread.ofVirtual().name("ssh-stderr-" + process.pid()).start(this::drainStderr);
    }

    /** What ssh (or the remote git command) printed on stderr, once it has exited; at most the last 8 KiB. */
    String stderr() {
        try {
            if (process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pump.join(TimeUnit.SECONDS.toMillis(EXIT_WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private void drainStderr() {
        byte[] buf = new byte[1024];
        try (InputStream in = process.getErrorStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (stderr) {
                    if (stderr.size() + n > KEEP_BYTES) {
                        byte[] kept = stderr.toByteArray();
                        int drop = Math.min(kept.length, stderr.size() + n - KEEP_BYTES);
                        stderr.reset();
                        stderr.write(kept, drop, kept.length - drop);
                    }
                    stderr.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // ssh went away; what was read so far is all there is.
        }
    }

    @Override
    public int exitValue() {
        try {
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    /** Empty for JGit: the real stderr is read by {@link #stderr()}. */
    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        return process.getOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return process.getInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }

    /**
     * Destroying a Process closes its pipes; stderr not yet pumped would be lost, and with it the only
     * word of why ssh failed. JGit destroys as soon as ssh closes its output, often just as ssh exits,
     * so give an exiting ssh a moment and let the pump finish first.
     */
    @Override
    public void destroy() {
        try {
            if (process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                pump.join(TimeUnit.SECONDS.toMillis(EXIT_WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }

    @Override
    public Process destroyForcibly() {
        process.destroyForcibly();
        return this;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public ProcessHandle toHandle() {
        return process.toHandle();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return process.onExit().thenApply(p -> this);
    }
}
