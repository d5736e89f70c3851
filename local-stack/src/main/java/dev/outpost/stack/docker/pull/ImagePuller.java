package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.outpost.profiles.resolve.ImageReference;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpoint;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls images through the engine, with progress, stall detection and cancellation; concurrent pulls of the
 * same image share one.
 *
 * <p>Sharing: callers asking for the same reference (after normalising: {@code postgres:16} is
 * {@code docker.io/library/postgres:16}) with the same {@link Policy} while a pull is in flight join it:
 * each gets every later progress update and the same {@link PullOutcome} or failure. The first caller's
 * credentials are the ones used. Each caller has its own future; cancelling it only leaves the pull, which
 * stops when the last caller has left.
 *
 * <p>Stall detection: when no message comes from the engine for the stall timeout, the pull is cancelled and
 * fails with {@link ImagePullException.Reason#STALLED}. The engine sends progress as bytes arrive, so silence
 * means the registry or the engine is stuck.
 */
public final class ImagePuller implements AutoCloseable {
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outpost-pull-stall");
        t.setDaemon(true);
        return t;
    });

    /** Whether a local image is enough. */
    public enum Policy {
        /** Pull only when the engine has no image by that reference. */
        IF_MISSING,
        /** Always ask the registry, to pick up a moved tag. */
        ALWAYS
    }

    private record Key(String reference, Policy policy) {
    }

    private final DockerClient docker;
    private final boolean ownsClient;
    private final Duration stallTimeout;
    private final InstantSource clock;
    private final Map<Key, Operation> inFlight = new HashMap<>();

    /** With the default stall timeout; the caller keeps ownership of {@code docker}. */
    public ImagePuller(DockerClient docker) {
        this(docker, DEFAULT_STALL_TIMEOUT, InstantSource.system());
    }

    /**
     * @param stallTimeout how long the engine may stay silent before the pull is given up
     * @param clock        for speeds and elapsed times; the stall timer runs on real time
     */
    public ImagePuller(DockerClient docker, Duration stallTimeout, InstantSource clock) {
        this(docker, false, stallTimeout, clock);
    }

    private ImagePuller(DockerClient docker, boolean ownsClient, Duration stallTimeout, InstantSource clock) {
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("the stall timeout must be positive: " + stallTimeout);
        }
        this.docker = Objects.requireNonNull(docker, "docker");
        this.ownsClient = ownsClient;
        this.stallTimeout = stallTimeout;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A puller with its own client for the endpoint, closed with it. The client has no response timeout:
     * a pull answers for minutes, and stalls are this class's to detect.
     */
    public static ImagePuller forEndpoint(DockerEndpoint endpoint, Duration stallTimeout) {
        return new ImagePuller(DockerClients.create(endpoint, Duration.ZERO), true, stallTimeout,
                InstantSource.system());
    }

    /** {@link #pull(String, Optional, PullListener, Policy)} with {@link Policy#IF_MISSING}. */
    public CompletableFuture<PullOutcome> pull(String image, Optional<AuthConfig> auth, PullListener listener) {
        return pull(image, auth, listener, Policy.IF_MISSING);
    }

    /**
     * Starts the pull, or joins the one in flight for the same image and policy, and returns at once.
     * Cancelling the returned future ({@code cancel(true)} or {@code cancel(false)}) leaves the pull; the
     * engine's stream is closed when no caller is left.
     *
     * @param image    any reference the docker CLI accepts: {@code postgres:16}, {@code 127.0.0.1:5000/a/b:1},
     *                 {@code ghcr.io/x/y@sha256:...}; apply the registry mirror before
     * @param auth     credentials for the image's registry, see {@link RegistryCredentials}
     * @param listener progress, on the stream's thread
     * @return completes with the outcome, or exceptionally with an {@link ImagePullException}
     */
    public CompletableFuture<PullOutcome> pull(String image, Optional<AuthConfig> auth, PullListener listener,
                                               Policy policy) {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(listener, "listener");
        ImageReference ref = ImageReference.parse(image.strip());
        Key key = new Key(ref.toString(), policy);
        CompletableFuture<PullOutcome> future = new CompletableFuture<>();
        Subscriber subscriber = new Subscriber(listener, future);
        Operation started = null;
        Operation op;
        synchronized (inFlight) {
            op = inFlight.get(key);
            if (op == null || !op.join(subscriber)) {
                op = new Operation(key, ref, auth, policy);
                op.join(subscriber);
                inFlight.put(key, op);
                started = op;
            }
        }
        Operation joined = op;
        future.whenComplete((outcome, error) -> joined.leave(subscriber));
        if (started != null) {
            started.start();
        } else {
            LOG.debug("joined the pull of {} in flight", ref);
            joined.replayLatest(subscriber);
        }
        return future;
    }

    /** Cancels the pulls in flight and closes the client if this puller made it. */
    @Override
    public void close() {
        List<Operation> ops;
        synchronized (inFlight) {
            ops = List.copyOf(inFlight.values());
        }
        ops.forEach(o -> o.abandon(new CancellationException("the image puller was closed")));
        if (ownsClient) {
            try {
                docker.close();
            } catch (IOException e) {
                LOG.debug("closing the docker client: {}", e.toString());
            }
        }
    }

    private void forget(Operation op) {
        synchronized (inFlight) {
            inFlight.remove(op.key, op);
        }
    }

    private static final class Subscriber {
        private final PullListener listener;
        private final CompletableFuture<PullOutcome> future;
        /** A broken listener would otherwise fill the log with one stack trace per message. */
        private volatile boolean failedBefore;

        Subscriber(PullListener listener, CompletableFuture<PullOutcome> future) {
            this.listener = listener;
            this.future = future;
        }

        PullListener listener() {
            return listener;
        }

        CompletableFuture<PullOutcome> future() {
            return future;
        }
    }

    private enum State { STARTING, STREAMING, FINISHING, DONE }

    /** One pull through the engine and the callers sharing it. */
    private final class Operation implements ResultCallback<PullResponseItem> {
        private final Key key;
        private final ImageReference ref;
        private final Optional<AuthConfig> auth;
        private final Policy policy;
        private final PullFailures failures;
        private final PullAggregator aggregator;
        private final Instant startedAt;
        /** Serialises deliveries so that a caller joining late never sees an older snapshot after a newer one. */
        private final Object delivery = new Object();

        // Guarded by this.
        private final List<Subscriber> subscribers = new ArrayList<>();
        private State state = State.STARTING;
        private Closeable stream;
        private PullProgress latest;
        private ScheduledFuture<?> stallCheck;
        private volatile long lastActivity = System.nanoTime();

        Operation(Key key, ImageReference ref, Optional<AuthConfig> auth, Policy policy) {
            this.key = key;
            this.ref = ref;
            this.auth = auth;
            this.policy = policy;
            this.failures = new PullFailures(ref, auth);
            this.aggregator = new PullAggregator(ref.toString(), clock);
            this.startedAt = clock.instant();
            this.latest = PullProgress.starting(ref.toString());
        }

        /** @return false when the pull is over and a new one must start */
        synchronized boolean join(Subscriber s) {
            if (state == State.DONE) {
                return false;
            }
            subscribers.add(s);
            return true;
        }

        void leave(Subscriber s) {
            boolean lastOneGone;
            synchronized (this) {
                if (state == State.DONE || !subscribers.remove(s)) {
                    return;
                }
                lastOneGone = subscribers.isEmpty();
            }
            if (lastOneGone) {
                LOG.debug("every caller left the pull of {}: cancelling it", ref);
                abandon(null);
            }
        }

        void replayLatest(Subscriber s) {
            synchronized (delivery) {
                PullProgress now;
                synchronized (this) {
                    now = latest;
                }
                notify(s, now);
            }
        }

        void start() {
            lastActivity = System.nanoTime();
            scheduleStallCheck(stallTimeout.toNanos());
            Thread.ofVirtual().name("outpost-pull-" + ref.repository()).start(this::run);
        }

        private void run() {
            try {
                if (policy == Policy.IF_MISSING) {
                    Optional<InspectImageResponse> present = inspect();
                    if (present.isPresent()) {
                        PullProgress done = aggregator.finish();
                        succeed(done, new PullOutcome(ref.toString(), PullOutcome.Result.ALREADY_PRESENT,
                                Optional.ofNullable(present.get().getId()), Optional.empty(), done, elapsed()));
                        return;
                    }
                }
                synchronized (this) {
                    if (state == State.DONE) {
                        return;
                    }
                }
                PullImageCmd cmd = docker.pullImageCmd(ref.registry() + "/" + ref.repository())
                        // The engine reads a digest from the tag parameter too.
                        .withTag(ref.tag().startsWith("@") ? ref.tag().substring(1) : ref.tag());
                auth.ifPresent(cmd::withAuthConfig);
                LOG.debug("pulling {}{}", ref, auth.isPresent() ? " with credentials" : "");
                cmd.exec(this);
            } catch (RuntimeException e) {
                fail(failures.thrown(e, false));
            }
        }

        private Optional<InspectImageResponse> inspect() {
            try {
                return Optional.of(docker.inspectImageCmd(ref.toString()).exec());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        }

        @Override
        public void onStart(Closeable handle) {
            boolean over;
            synchronized (this) {
                over = state == State.DONE;
                if (!over) {
                    stream = handle;
                    state = State.STREAMING;
                }
            }
            if (over) {
                closeQuietly(handle);
            }
            lastActivity = System.nanoTime();
        }

        @Override
        public void onNext(PullResponseItem item) {
            lastActivity = System.nanoTime();
            if (item.isErrorIndicated()) {
                String message = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                fail(failures.engineSaid(message, 0, null));
                return;
            }
            PullProgress progress;
            synchronized (this) {
                if (state == State.DONE) {
                    return;
                }
                progress = aggregator.accept(item);
                latest = progress;
            }
            broadcast(progress);
        }

        @Override
        public void onError(Throwable error) {
            boolean streaming;
            synchronized (this) {
                if (state == State.DONE) {
                    // Our own close of the stream (cancel, stall) ends this way.
                    return;
                }
                streaming = stream != null;
            }
            fail(failures.thrown(error, streaming));
        }

        @Override
        public void onComplete() {
            PullProgress done;
            synchronized (this) {
                if (state != State.STARTING && state != State.STREAMING) {
                    // docker-java calls this after onError too.
                    return;
                }
                state = State.FINISHING;
                done = aggregator.finish();
                latest = done;
            }
            cancelStallCheck();
            try {
                Optional<InspectImageResponse> image = inspect();
                if (image.isEmpty()) {
                    fail(failures.missingAfterPull());
                    return;
                }
                PullOutcome.Result result = aggregator.upToDate() ? PullOutcome.Result.UP_TO_DATE
                        : PullOutcome.Result.PULLED;
                broadcast(done);
                succeed(done, new PullOutcome(ref.toString(), result, Optional.ofNullable(image.get().getId()),
                        aggregator.digest(), done, elapsed()));
            } catch (RuntimeException e) {
                fail(failures.thrown(e, true));
            }
        }

        /** Not called by docker-java itself; whoever closes the callback ends the pull for every caller. */
        @Override
        public void close() {
            abandon(new CancellationException("the pull of " + ref + " was closed"));
        }

        private Duration elapsed() {
            return Duration.between(startedAt, clock.instant());
        }

        private void scheduleStallCheck(long delayNanos) {
            synchronized (this) {
                if (state == State.DONE || state == State.FINISHING) {
                    return;
                }
                stallCheck = TIMER.schedule(this::checkStall, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void cancelStallCheck() {
            synchronized (this) {
                if (stallCheck != null) {
                    stallCheck.cancel(false);
                }
            }
        }

        private void checkStall() {
            long idle = System.nanoTime() - lastActivity;
            if (idle >= stallTimeout.toNanos()) {
                LOG.info("pull of {} stalled: nothing from the engine for {}", ref, show(stallTimeout));
                fail(failures.stalled(show(stallTimeout)));
            } else {
                scheduleStallCheck(stallTimeout.toNanos() - idle);
            }
        }

        private void broadcast(PullProgress progress) {
            List<Subscriber> now;
            synchronized (this) {
                now = List.copyOf(subscribers);
            }
            synchronized (delivery) {
                now.forEach(s -> notify(s, progress));
            }
        }

        private void notify(Subscriber s, PullProgress progress) {
            try {
                s.listener().onProgress(progress);
            } catch (RuntimeException e) {
                if (s.failedBefore) {
                    LOG.trace("a pull listener failed again on the progress of {}: {}", ref, e.toString());
                } else {
                    s.failedBefore = true;
                    LOG.warn("a pull listener failed on the progress of {}", ref, e);
                }
            }
        }

        private void succeed(PullProgress done, PullOutcome outcome) {
            List<Subscriber> to = end();
            if (to == null) {
                return;
            }
            LOG.debug("pull of {} ended: {} at {}%", ref, outcome.result(), Math.round(done.percent()));
            to.forEach(s -> s.future().complete(outcome));
        }

        private void fail(ImagePullException e) {
            List<Subscriber> to = end();
            if (to == null) {
                return;
            }
            LOG.debug("pull of {} failed: {}", ref, e.getMessage());
            to.forEach(s -> s.future().completeExceptionally(e));
        }

        /** Ends the pull without an outcome: every caller left, or the puller closed. */
        void abandon(CancellationException why) {
            List<Subscriber> to = end();
            if (to != null && why != null) {
                to.forEach(s -> s.future().completeExceptionally(why));
            }
        }

        /**
         * Marks the pull over, closes the stream and stops the stall timer.
         *
         * @return the callers to tell, or null if it was over already
         */
        private List<Subscriber> end() {
            List<Subscriber> to;
            Closeable handle;
            synchronized (this) {
                if (state == State.DONE) {
                    return null;
                }
                state = State.DONE;
                to = List.copyOf(subscribers);
                subscribers.clear();
                handle = stream;
                if (stallCheck != null) {
                    stallCheck.cancel(false);
                }
            }
            forget(this);
            if (handle != null) {
                closeQuietly(handle);
            }
            return to;
        }

        private void closeQuietly(Closeable handle) {
            try {
                handle.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the pull stream of {}: {}", ref, e.toString());
            }
        }
    }

    private static String show(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
