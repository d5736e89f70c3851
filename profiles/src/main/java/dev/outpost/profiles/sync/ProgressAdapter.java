package dev.outpost.profiles.sync;

import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Feeds JGit's progress to a {@link SyncListener} and lets JGit see a cancellation. Reports at most
 * once per percent (or per 100 units when the total is unknown), since JGit updates per object.
 */
final class ProgressAdapter implements ProgressMonitor {
    private final SyncListener listener;
    private final CancellationToken cancel;
    private String task = "";
    private int total;
    private int done;
    private int lastReported;

    ProgressAdapter(SyncListener listener, CancellationToken cancel) {
        this.listener = listener;
        this.cancel = cancel;
    }

    @Override
    public void start(int totalTasks) {
        // Tasks are reported one by one as they begin.
    }

    @Override
    public void beginTask(String title, int totalWork) {
        task = title;
        total = totalWork == UNKNOWN ? SyncListener.UNKNOWN : totalWork;
        done = 0;
        lastReported = 0;
        listener.progress(task, 0, total);
    }

    @Override
    public void update(int completed) {
        done += completed;
        int mark = total > 0 ? (int) (100L * done / total) : done / 100;
        if (mark != lastReported) {
            lastReported = mark;
            listener.progress(task, done, total);
        }
    }

    @Override
    public void endTask() {
        listener.progress(task, total > 0 ? total : done, total);
    }

    @Override
    public boolean isCancelled() {
        return cancel.isCancelled();
    }

    @Override
    public void showDuration(boolean enabled) {
        // Durations are JGit's console output; the listener has no use for them.
    }
}
