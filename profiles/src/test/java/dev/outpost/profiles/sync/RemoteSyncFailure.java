package dev.outpost.profiles.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a failure's type and exact message in one place. */
final class RemoteSyncFailure {
    private RemoteSyncFailure() {
    }

    static void assertType(Class<? extends PlatformSyncException> type, ThrowingCallable call, String message) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(type).hasMessage(message);
    }
}
