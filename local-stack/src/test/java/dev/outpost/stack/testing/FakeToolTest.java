package dev.outpost.stack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.process.ProcessResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The fakes are only worth something if they really reject other argument lists. */
@DisabledOnOs(OS.WINDOWS)
class FakeToolTest {
    @TempDir
    Path dir;

    private final LocalProcessRunner runner = new LocalProcessRunner();

    @Test
    void printsItsOutputForTheExpectedArguments() throws Exception {
        Path tool = FakeTool.named("tool").expectArgs("a b", "it's").stdout("one $HOME", "two").stderr("warn")
                .exitCode(3).writeTo(dir);

        ProcessResult r = runner.run(Command.of(tool.toString(), "a b", "it's"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).containsExactly("one $HOME", "two");
        assertThat(r.stderrTail()).containsExactly("warn");
    }

    @Test
    void rejectsOtherArguments() throws Exception {
        Path tool = FakeTool.named("tool").expectArgs("a", "b").stdout("fine").onUnexpectedArgs("nope").writeTo(dir);

        ProcessResult fewer = runner.run(Command.of(tool.toString(), "a"));
        ProcessResult more = runner.run(Command.of(tool.toString(), "a", "b", "c"));
        ProcessResult other = runner.run(Command.of(tool.toString(), "a", "x"));

        for (ProcessResult r : new ProcessResult[] {fewer, more, other}) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderrTail()).first().isEqualTo("nope");
        }
    }
}
