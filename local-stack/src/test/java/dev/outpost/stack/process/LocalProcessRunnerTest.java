package dev.outpost.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.process.OutputListener.OutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real children: small shell scripts written by each test. */
@Timeout(60)
class LocalProcessRunnerTest {
    @TempDir
    Path dir;

    private final ProcessRunner runner = new LocalProcessRunner();

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** The kill is asynchronous (SIGTERM, then SIGKILL after a grace period): wait for the exit, boundedly. */
    private static void assertGone(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid)).as("process %d must be gone", pid).isEmpty();
    }

    @Test
    void streamsStdoutAndStderrLineByLineWithEnvironmentAndWorkingDirectory() throws Exception {
        Path s = script("hello.sh", """
                echo "out $GREETING"
                echo "err line" >&2
                pwd
                exit 0""");
        Path work = Files.createDirectory(dir.resolve("work"));
        List<String> seen = new CopyOnWriteArrayList<>();

        ProcessResult r = runner.start(Command.of(s.toString()).withEnv("GREETING", "hi").inDirectory(work),
                (stream, line) -> seen.add(stream + ":" + line)).await();

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).containsExactly("out hi", work.toRealPath().toString());
        assertThat(r.stderrTail()).containsExactly("err line");
        assertThat(seen).contains("STDOUT:out hi", "STDERR:err line");
    }

    @Test
    void argumentsAreNeverInterpretedByAShell() throws Exception {
        Path s = script("args.sh", "for a in \"$@\"; do echo \"[$a]\"; done");
        ProcessResult r = runner.run(Command.of(s.toString(), "a b", "$(touch pwned)", "it's", ""));
        assertThat(r.stdout()).containsExactly("[a b]", "[$(touch pwned)]", "[it's]", "[]");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void linesArriveWhileTheChildIsStillRunning() throws Exception {
        Path gate = dir.resolve("gate");
        Path s = script("slow.sh", "echo first\nwhile [ ! -e '" + gate + "' ]; do sleep 0.05; done\necho second");
        CountDownLatch first = new CountDownLatch(1);
        RunningProcess p = runner.start(Command.of(s.toString()), (stream, line) -> {
            if (line.equals("first")) {
                first.countDown();
            }
        });
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.isAlive()).isTrue();
        Files.createFile(gate);
        assertThat(p.await().stdout()).containsExactly("first", "second");
    }

    @Test
    void nonZeroExitCarriesTheCodeAndTheTailOfStderr() throws Exception {
        Path s = script("fail.sh", "echo 'ERROR: failed to create cluster: node image not found' >&2\nexit 3");
        ProcessResult r = runner.run(Command.of(s.toString(), "create", "cluster"));
        assertThat(r.exitCode()).isEqualTo(3);

        assertThatThrownBy(r::requireSuccess)
                .isInstanceOf(ProcessFailedException.class)
                .hasMessageContaining("fail.sh create cluster\" failed with exit code 3")
                .hasMessageContaining("ERROR: failed to create cluster: node image not found")
                .satisfies(e -> assertThat(((ProcessFailedException) e).exitCode()).isEqualTo(3));
    }

    @Test
    void aMissingProgramIsAStartError() {
        assertThatThrownBy(() -> runner.run(Command.of(dir.resolve("no-such-tool").toString(), "version")))
                .isInstanceOf(ProcessStartException.class)
                .hasMessageContaining("no-such-tool version")
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void aHungChildIsKilledWithItsWholeTreeWhenTheTimeoutPasses() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        // The grandchild ignores nothing special; it would run for an hour if the tree were not killed.
        Path s = script("hang.sh", "sleep 3600 &\necho $! > '" + pidFile + "'\necho started\nwait");
        CountDownLatch started = new CountDownLatch(1);
        RunningProcess p = runner.start(Command.of(s.toString()).withTimeout(Duration.ofMillis(500)),
                (stream, line) -> started.countDown());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());

        assertThatThrownBy(p::await)
                .isInstanceOf(ProcessTimeoutException.class)
                .hasMessageContaining("timed out after 500 ms");
        assertGone(grandchild);
    }

    @Test
    void cancelKillsTheTreeAndAwaitSaysCancelled() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Path s = script("long.sh", "sleep 3600 &\necho $! > '" + pidFile + "'\necho started\nwait");
        CountDownLatch started = new CountDownLatch(1);
        RunningProcess p = runner.start(Command.of(s.toString()), (stream, line) -> started.countDown());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());

        p.cancel();
        p.cancel(); // idempotent

        assertThatThrownBy(p::await).isInstanceOf(ProcessCancelledException.class);
        assertThat(p.isAlive()).isFalse();
        assertGone(grandchild);
    }

    @Test
    void interruptingTheWaiterCancelsTheChild() throws Exception {
        // exec: no fork after "started", so the cancel cannot race the shell starting its child.
        Path s = script("wait.sh", "echo started\nexec sleep 3600");
        CountDownLatch started = new CountDownLatch(1);
        RunningProcess p = runner.start(Command.of(s.toString()), (stream, line) -> started.countDown());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                p.await();
            } catch (InterruptedException expected) {
                // the point of the test
            }
        });
        waiter.interrupt();
        waiter.join();
        assertThatThrownBy(() -> p.completion().join()).hasCauseInstanceOf(ProcessCancelledException.class);
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    void megabytesOnStderrNeitherBlockTheChildNorExhaustMemory() throws Exception {
        // 200,000 lines of 50 bytes = 10 MB: far beyond a pipe buffer, so a runner that stops reading deadlocks.
        Path s = script("noisy.sh", """
                for i in $(seq 1 200000); do echo "noise line $i xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; done >&2
                echo "the real error" >&2
                echo done
                exit 7""");
        long[] stderrLines = {0};
        ProcessResult r = runner.start(Command.of(s.toString()), (stream, line) -> {
            if (stream == OutputStream.STDERR) {
                stderrLines[0]++;
            }
        }).await();

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stdout()).containsExactly("done");
        assertThat(stderrLines[0]).isEqualTo(200_001);
        assertThat(r.stderrTail()).hasSizeLessThanOrEqualTo(LocalProcessRunner.STDERR_TAIL_LINES)
                .last().isEqualTo("the real error");
        assertThat(r.stderrText().length()).isLessThanOrEqualTo(LocalProcessRunner.STDERR_TAIL_CHARS + 100);
    }

    @Test
    void aHugeLineWithoutNewlineIsDeliveredInBoundedPieces() throws Exception {
        Path s = script("blob.sh", "head -c 300000 /dev/zero | tr '\\0' 'a' >&2");
        List<Integer> lengths = new CopyOnWriteArrayList<>();
        runner.start(Command.of(s.toString()), (stream, line) -> lengths.add(line.length())).await();
        assertThat(lengths).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LocalProcessRunner.MAX_LINE_LENGTH));
        assertThat(lengths.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300_000);
    }

    @Test
    void carriageReturnProgressLinesAreSeparateLines() throws Exception {
        Path s = script("progress.sh", "printf '10%%\\r50%%\\r100%%\\r\\nok\\r\\n'");
        ProcessResult r = runner.run(Command.of(s.toString()));
        assertThat(r.stdout()).containsExactly("10%", "50%", "100%", "ok");
    }

    @Test
    void aChildWaitingOnStdinSeesEndOfInput() throws Exception {
        Path s = script("reads.sh", "cat\necho after-eof");
        ProcessResult r = runner.run(Command.of(s.toString()).withTimeout(Duration.ofSeconds(20)));
        assertThat(r.stdout()).containsExactly("after-eof");
    }

    @Test
    void stdinBytesReachTheChildWhichThenSeesEndOfInput() throws Exception {
        Path s = script("echo-stdin.sh", "while IFS= read -r line; do echo \"got:$line\"; done\necho after-eof");
        byte[] input = "https://index.docker.io/v1/\nsecond line\n".getBytes(StandardCharsets.UTF_8);
        Command c = Command.of(s.toString()).withStdin(input).withTimeout(Duration.ofSeconds(20));
        input[0] = 'X'; // the command keeps its own copy

        ProcessResult r = runner.run(c);

        assertThat(r.stdout()).containsExactly("got:https://index.docker.io/v1/", "got:second line", "after-eof");
    }

    @Test
    void aChildThatReadsNoneOfItsLargeStdinNeitherBlocksStartNorFails() throws Exception {
        // 4 MB is far beyond a pipe buffer: writing it on the caller's thread would block start() until the
        // child exits, and the child waits for the gate that only this thread opens after start() returns.
        Path gate = dir.resolve("gate");
        Path s = script("ignores-stdin.sh", "while [ ! -e '" + gate + "' ]; do sleep 0.05; done\necho done");
        RunningProcess p = runner.start(Command.of(s.toString()).withStdin(new byte[4 * 1024 * 1024])
                .withTimeout(Duration.ofSeconds(30)), OutputListener.NONE);
        Files.createFile(gate);

        ProcessResult r = p.await();

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).containsExactly("done");
    }

    @Test
    void displayQuotesLikeAShellAndLeavesEnvironmentAndStdinOut() {
        Command c = Command.of("kind", "create", "cluster", "--name", "my env", "it's").withEnv("TOKEN", "s3cr3t")
                .withStdin("hunter2".getBytes(StandardCharsets.UTF_8));
        assertThat(c.display()).isEqualTo("kind create cluster --name 'my env' 'it'\"'\"'s'");
        assertThat(c.display()).doesNotContain("s3cr3t").doesNotContain("hunter2");
        assertThat(c.toString()).doesNotContain("hunter2");
    }
}
