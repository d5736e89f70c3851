package dev.outpost.stack.environment;

import dev.outpost.profiles.resolve.ImageReference;
import dev.outpost.stack.docker.pull.CredentialSource;
import dev.outpost.stack.docker.pull.ImagePuller;
import dev.outpost.stack.docker.pull.PullProgress;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Images for environments through the shared {@link ImagePuller}: one pull per image however many
 * environments want it, progress in bytes with speed and time left, stalled pulls abandoned.
 */
public final class PullingImageSource implements ImageSource {
    private final ImagePuller puller;
    private final CredentialSource credentials;

    public PullingImageSource(ImagePuller puller, CredentialSource credentials) {
        this.puller = puller;
        this.credentials = credentials;
    }

    @Override
    public void ensure(String image, Consumer<String> progress) throws InterruptedException {
        var future = puller.pull(image, credentials.forRegistry(ImageReference.parse(image).registry()), p -> progress.accept(describe(p)));
        try {
            future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static String describe(PullProgress p) {
        if (p.bytesTotal() <= 0) {
            return p.status();
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s of %s (%.0f%%)", mb(p.bytesDone()),
                mb(p.bytesTotal()), p.percent()));
        if (p.bytesPerSecond() > 0) {
            b.append(", ").append(mb((long) p.bytesPerSecond())).append("/s");
        }
        p.eta().ifPresent(eta -> b.append(", ").append(eta.toSeconds()).append(" s left"));
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
